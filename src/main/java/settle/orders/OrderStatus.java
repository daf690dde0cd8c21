package settle.orders;

/** In the order an order moves through them; an order only ever moves forward. */
public enum OrderStatus {
  RECEIVED, IN_REVIEW, ON_HOLD, APPROVED, REJECTED, FULFILLED, INVOICED, PAID
}
