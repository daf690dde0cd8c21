package settle.orders;

/** Names shared with bpmn/order-to-cash.bpmn, character for character. */
public final class OrderToCash {

  public static final String PROCESS_ID = "order-to-cash";
  public static final String ORDER_RECEIVED = "order-received";
  public static final String ORDER_FULFILLED = "order-fulfilled";
  public static final String CREDIT_HOLD_RELEASED = "credit-hold-released";
  /** An approved order a lower credit limit no longer lets through: it goes on credit hold before it ships. */
  public static final String CREDIT_HOLD_PLACED = "credit-hold-placed";
  public static final String UPDATE_ORDER_STATUS = "update-order-status";

  private OrderToCash() {}
}
