package settle.invoicing;

/** Task types of invoicing's workers, as named in bpmn/. */
public final class InvoicingTasks {

  public static final String ISSUE_INVOICE = "issue-invoice";
  public static final String SEND_INVOICE = "send-invoice";
  public static final String CREDIT_INVOICE = "credit-invoice";
  public static final String TOTAL_CREDITS = "total-credits";
  /** The BPMN error a credit or payment above what is open raises, caught by the models and routed to a person. */
  public static final String AMOUNT_EXCEEDS_OPEN = "amount-exceeds-open";

  private InvoicingTasks() {}
}
