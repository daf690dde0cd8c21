/**
 * Payments received against invoices, and cash application: bank statements imported (camt.053/054,
 * MT940, BAI2, CSV), matched by {@code settle.matching}, posted, short pays settled by
 * dmn/short-pay-tolerance.dmn, the rest applied by cash appliers (bpmn/cash-application.bpmn).
 * Applying a payment reduces the invoice's open amount and tells its collection process through the
 * engine outbox, in one transaction. Owns the customers' credit balances ({@link settle.payments.CustomerCredit}):
 * unapplied cash and unused credit memos, applied to invoices or refunded.
 */
package settle.payments;
