package settle.disputes;

/** A customer disputed (part of) an invoice; published inside the transaction that recorded it. */
public record DisputeRaised(long customerId, long invoiceId, long disputeId) {}
