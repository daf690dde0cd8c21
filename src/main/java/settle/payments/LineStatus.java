package settle.payments;

/**
 * Where a statement's credit line stands. PENDING only until the match step has run; AUTO_MATCHED,
 * WRITTEN_OFF and DEDUCTION were posted without a person; SUGGESTED and UNMATCHED wait for a cash
 * applier; MANUAL is what a person applied, held on account or returned. DUPLICATE is a bank transaction an
 * earlier statement delivered already: recorded, never matched or posted. PAYMENT_RETURNED is a debit line that
 * returned an earlier posted payment, which the match step reversed.
 */
public enum LineStatus {
  PENDING, AUTO_MATCHED, SUGGESTED, MANUAL, UNMATCHED, WRITTEN_OFF, DEDUCTION, DUPLICATE, PAYMENT_RETURNED;

  public boolean autoPosted() {
    return this == AUTO_MATCHED || this == WRITTEN_OFF || this == DEDUCTION;
  }
}
