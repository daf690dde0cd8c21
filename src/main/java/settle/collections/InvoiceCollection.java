package settle.collections;

/** Names shared with bpmn/invoice-collection.bpmn, character for character. */
public final class InvoiceCollection {

  public static final String PROCESS_ID = "invoice-collection";
  public static final String SEND_REMINDER = "send-reminder";

  private InvoiceCollection() {}
}
