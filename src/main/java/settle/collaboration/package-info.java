/**
 * Collaboration: the customer timeline (everything that happened, read from the audit trail) and
 * internal notes whose {@code @name} mentions mail that colleague a link back to the customer.
 */
package settle.collaboration;
