/**
 * The audit trail: an append-only, hash-chained log of every state change and decision (with its
 * DMN inputs and outputs), who or what made it and when. The database refuses updates and deletes.
 */
package settle.audit;
