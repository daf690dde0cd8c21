package settle.collections;

/** Names shared with bpmn/invoice-collection.bpmn, character for character. */
public final class InvoiceCollection {

  public static final String PROCESS_ID = "invoice-collection";

  public static final String ASSESS_INVOICE = "assess-invoice";
  public static final String PLAN_COLLECTION_STEP = "plan-collection-step";
  /** The cadence table (dmn/next-collection-action.dmn) each turn asks for the next step. */
  public static final String NEXT_COLLECTION_ACTION = "next-collection-action";
  public static final String SEND_HEADS_UP = "send-heads-up";
  public static final String TAKE_COLLECTION_STEP = "take-collection-step";
  public static final String RECORD_PROMISE = "record-promise";
  public static final String CHECK_PROMISE = "check-promise";
  public static final String PLAN_INSTALMENT = "plan-instalment";
  public static final String SEND_INSTALMENT_REMINDER = "send-instalment-reminder";
  public static final String CHECK_INSTALMENT = "check-instalment";
  public static final String RAISE_DISPUTE = "raise-dispute";
  public static final String ASK_FOR_AP_CONTACT = "ask-for-ap-contact";
  public static final String PROPOSE_PAYMENT_PLAN = "propose-payment-plan";
  public static final String CANCEL_PAYMENT_PLAN = "cancel-payment-plan";
  public static final String HAND_OVER_INVOICE = "hand-over-invoice";

  public static final String PROMISE_TO_PAY = "promise-to-pay";
  public static final String PAYMENT_PLAN_AGREED = "payment-plan-agreed";

  private InvoiceCollection() {}
}
