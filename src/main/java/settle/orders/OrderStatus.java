package settle.orders;

public enum OrderStatus {
  RECEIVED, IN_REVIEW, ON_HOLD, APPROVED, REJECTED, FULFILLED, INVOICED, PAID
}
