/**
 * Disputes: what a customer contests on an invoice, with reason code, amount, evidence and the team
 * dmn/dispute-routing.dmn makes responsible. An open dispute's amount is excluded from dunning;
 * raising one tells the invoice's collection loop ({@code dispute-changed}).
 */
package settle.disputes;
