package settle.invoicing;

/** Task types of invoicing's workers, as named in bpmn/. */
public final class InvoicingTasks {

  public static final String ISSUE_INVOICE = "issue-invoice";
  public static final String SEND_INVOICE = "send-invoice";
  public static final String CREDIT_INVOICE = "credit-invoice";
  public static final String TOTAL_CREDITS = "total-credits";
  /** The BPMN error a credit that cannot be posted as decided raises; the dispute goes back to its team with the reason. */
  public static final String CREDIT_REFUSED = "credit-refused";

  private InvoicingTasks() {}
}
