package settle.payments.statements;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One booked movement. Debits are kept (credit = false) so a caller sees the whole statement; cash
 * application uses the credits only.
 *
 * @param index 1-based position in the statement
 * @param reference the bank's reference for the movement as the file gives it (a bank may repeat
 *     one across the parts of a batch), or null where it gives none
 * @param amount never negative, scale 2; the direction is {@code credit}
 * @param remittance what the payer wrote, unstructured and structured parts as the bank gave them
 * @param structuredReferences creditor references and referred document numbers, if the bank
 *     separated them
 * @param sourceLine 1-based line in the file where the movement starts, 0 if not applicable
 * @param reversal the bank reverses an earlier movement (camt RvslInd, MT940 RC/RD, BAI2 return codes): never a payment
 * @param endToEndId the id the payer gave the payment, which travels with it end to end and comes back on its return
 *     (camt EndToEndId, MT940 /EREF/ or EREF+), or null
 */
public record StatementLine(
    int index,
    String reference,
    BigDecimal amount,
    String currency,
    boolean credit,
    LocalDate valueDate,
    LocalDate bookingDate,
    String payerName,
    String payerAccount,
    String remittance,
    List<String> structuredReferences,
    int sourceLine,
    boolean reversal,
    String endToEndId) {

  public StatementLine(int index, String reference, BigDecimal amount, String currency, boolean credit, LocalDate valueDate,
                       LocalDate bookingDate, String payerName, String payerAccount, String remittance,
                       List<String> structuredReferences, int sourceLine) {
    this(index, reference, amount, currency, credit, valueDate, bookingDate, payerName, payerAccount, remittance,
        structuredReferences, sourceLine, false, null);
  }

  public StatementLine(int index, String reference, BigDecimal amount, String currency, boolean credit, LocalDate valueDate,
                       LocalDate bookingDate, String payerName, String payerAccount, String remittance,
                       List<String> structuredReferences, int sourceLine, boolean reversal) {
    this(index, reference, amount, currency, credit, valueDate, bookingDate, payerName, payerAccount, remittance,
        structuredReferences, sourceLine, reversal, null);
  }

  public StatementLine {
    if (amount.signum() < 0 || amount.scale() != 2) {
      throw new IllegalArgumentException("amount must be non-negative with scale 2: " + amount);
    }
    structuredReferences = List.copyOf(structuredReferences);
  }
}
