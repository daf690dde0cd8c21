package settle.invoicing;

/** Published when an invoice is first issued. */
public record InvoiceIssued(long invoiceId, String number, long customerId, long orderId) {}
