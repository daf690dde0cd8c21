package settle.matching.testdata;

/**
 * How untidy the generated statement lines are. Shares of lines (kinds) and of lines from known
 * payers (reference forms); what is left over is a single invoice paid in full, or no reference.
 *
 * @param cleanReference the invoice number exactly as issued
 * @param garbledReference spacing, separators, prefixes, leading zeros, OCR letters for digits
 * @param yearlessReference the sequence number only ("Rechnung 123")
 * @param unrecoverableGarbling of the garbled ones, digits transposed or dropped: no reader recovers them
 * @param bundle one line paying 2 to 5 invoices of a customer
 * @param shortPay less than the invoice (fees, deductions)
 * @param discount the discounted amount within the discount window
 * @param overpay more than the invoice
 * @param unknownPayer a payer the ledger does not know, paying for nothing in it
 * @param accountPresent the line carries the payer's account
 * @param accountKnown a customer account is among those the ledger has learned
 * @param nameVariation the payer name differs from master data (case, legal form, typo, truncation)
 * @param recurringAmounts customers billed the same amount again and again (subscriptions)
 */
public record NoiseProfile(
    double cleanReference,
    double garbledReference,
    double yearlessReference,
    double unrecoverableGarbling,
    double bundle,
    double shortPay,
    double discount,
    double overpay,
    double unknownPayer,
    double accountPresent,
    double accountKnown,
    double nameVariation,
    double recurringAmounts) {

  /** Resembles a mid-sized B2B ledger's bank statements; see docs/cash-matching.md. */
  public static NoiseProfile realistic() {
    return new NoiseProfile(0.62, 0.15, 0.08, 0.10, 0.05, 0.03, 0.02, 0.01, 0.01, 0.95, 0.85, 0.30, 0.10);
  }

  /** Every line names its invoices exactly and pays them in full. */
  public static NoiseProfile clean() {
    return new NoiseProfile(1.0, 0, 0, 0, 0, 0, 0, 0, 0, 1.0, 1.0, 0, 0);
  }

  public double noReference() {
    return 1.0 - cleanReference - garbledReference - yearlessReference;
  }
}
