package settle.invoicing;

/** Task types of invoicing's workers, as named in bpmn/. */
public final class InvoicingTasks {

  public static final String ISSUE_INVOICE = "issue-invoice";
  public static final String SEND_INVOICE = "send-invoice";

  private InvoicingTasks() {}
}
