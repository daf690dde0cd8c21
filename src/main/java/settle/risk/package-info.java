/**
 * Risk: what a customer's payment history says about them. Owns the invoice history facts (from Settle's ledger or
 * from a CSV), the features computed from them as of a day, and the scorecard that turns features into a rating.
 */
package settle.risk;
