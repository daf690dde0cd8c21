/**
 * Payments received against invoices. Applying one reduces the invoice's open amount and tells its
 * collection process through the engine outbox, in one transaction.
 */
package settle.payments;
