package settle.orders;

/** Sales placed an order; published inside the transaction that recorded it, before its credit check runs. */
public record OrderPlaced(long customerId, long orderId) {}
