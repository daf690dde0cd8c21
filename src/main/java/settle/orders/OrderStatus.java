package settle.orders;

/**
 * In the order an order moves through them; an order only ever moves forward, but for one step back: a credit review
 * that lowers the limit may put an approved order on hold before it ships ({@link Orders#holdForCredit}).
 */
public enum OrderStatus {
  RECEIVED("Credit check running"),
  IN_REVIEW("Waiting for a credit analyst"),
  ON_HOLD("On credit hold"),
  APPROVED("Approved, waiting to ship"),
  REJECTED("Rejected by credit"),
  FULFILLED("Shipped, being invoiced"),
  INVOICED("Invoiced"),
  PAID("Paid");

  private final String label;

  OrderStatus(String label) {
    this.label = label;
  }

  /** The status as people read it on a page or in a mail. */
  public String label() {
    return label;
  }
}
