package settle.payments;

/** Names shared with bpmn/cash-application.bpmn, character for character. */
public final class CashApplication {

  public static final String PROCESS_ID = "cash-application";
  public static final String STATEMENT_IMPORTED = "bank-statement-imported";
  public static final String MATCH_STATEMENT = "match-statement";
  /** A cash applier confirmed a statement whose balances do not add up. */
  public static final String STATEMENT_CONFIRMED = "statement-confirmed";
  public static final String ASSESS_SHORT_PAY = "assess-short-pay";
  public static final String WRITE_OFF_SHORT_PAY = "write-off-short-pay";
  public static final String OPEN_DEDUCTION = "open-deduction";
  public static final String ASK_CUSTOMER_ABOUT_SHORT_PAY = "ask-customer-about-short-pay";
  public static final String DESCRIBE_STATEMENT_LINE = "describe-statement-line";
  public static final String POST_MANUAL_MATCH = "post-manual-match";
  /** The cash applier's task: what an unmatched line pays. */
  public static final String APPLY_CASH = "apply-cash";
  public static final String CLOSE_STATEMENT = "close-statement";

  /** The actor the audit trail names for what the process did without a person. */
  public static final String ACTOR = "system:" + PROCESS_ID;

  private CashApplication() {}
}
