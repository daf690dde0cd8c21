/**
 * Cash application matching: decides which open invoices an incoming bank statement line pays.
 * Pure Java, no Spring or database: callers build a {@link settle.matching.Ledger} of open items and
 * known payers, and ask a {@link settle.matching.CashMatcher} for a {@link settle.matching.MatchResult}
 * per line (AUTO, SUGGEST or NONE). The pipeline is the ISO 11649 creditor reference, reference, payer, amount, then
 * partial and overpayment handling; see {@code docs/cash-matching.md}. Depends on no other Settle module but the shared
 * kernel's {@link settle.common.CreditorReference}.
 */
package settle.matching;
