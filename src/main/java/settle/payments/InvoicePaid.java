package settle.payments;

/** A payment settled the invoice in full; published in the payment's transaction. */
public record InvoicePaid(long customerId, long invoiceId) {}
