/**
 * Reads bank statements (camt.053, camt.054, MT940, BAI2 and our CSV layout) into {@link
 * settle.payments.statements.BankStatement}s. Pure parsing: no database, no Spring beans. Malformed
 * input always ends in a {@link settle.payments.statements.StatementFormatException} that names the
 * line or element, never in a partial statement.
 */
package settle.payments.statements;
