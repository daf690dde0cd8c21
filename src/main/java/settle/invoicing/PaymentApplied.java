package settle.invoicing;

/** Cash lowered an invoice's open amount; published inside the transaction that applied it. */
public record PaymentApplied(long customerId, long invoiceId) {}
