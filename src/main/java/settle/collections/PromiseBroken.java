package settle.collections;

/** A promise to pay fell due without the promised cash; published inside the transaction that found it broken. */
public record PromiseBroken(long customerId, long invoiceId) {}
