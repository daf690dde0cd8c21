package settle.payments.statements;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One statement (or notification) for one account. {@code statementId} is the file's own id, or
 * null where the format has none (CSV). {@code accountId} is null for CSV, which names no account.
 * {@code opening} and {@code closing} are the signed booked balances where the file states them, else null;
 * {@code totalsAgree} is false when the file's control totals are not the sum of its amounts.
 */
public record BankStatement(
    StatementFormat format,
    String statementId,
    String accountId,
    String currency,
    LocalDate date,
    List<StatementLine> lines,
    BigDecimal opening,
    BigDecimal closing,
    boolean totalsAgree) {

  public BankStatement {
    lines = List.copyOf(lines);
  }

  public BankStatement(StatementFormat format, String statementId, String accountId, String currency, LocalDate date,
                       List<StatementLine> lines) {
    this(format, statementId, accountId, currency, date, lines, null, null, true);
  }

  public BankStatement(StatementFormat format, String statementId, String accountId, String currency, LocalDate date,
                       List<StatementLine> lines, BigDecimal opening, BigDecimal closing) {
    this(format, statementId, accountId, currency, date, lines, opening, closing, true);
  }

  /** The same statement, from a file whose control totals (BAI2) are not the sum of its amounts. */
  BankStatement totalsDisagree() {
    return new BankStatement(format, statementId, accountId, currency, date, lines, opening, closing, false);
  }

  public List<StatementLine> credits() {
    return lines.stream().filter(StatementLine::credit).toList();
  }

  /** Opening balance plus the movements in the statement's currency; null if the file states no opening balance. */
  public BigDecimal expectedClosing() {
    if (opening == null) {
      return null;
    }
    BigDecimal sum = opening;
    for (StatementLine line : lines) {
      if (currency == null || currency.equals(line.currency())) {
        sum = line.credit() ? sum.add(line.amount()) : sum.subtract(line.amount());
      }
    }
    return sum;
  }

  /**
   * False when the stated closing balance is not the opening balance plus the movements, or when a statement
   * that states its opening balance leaves the closing one out (it cannot be checked). A format without balances
   * (camt.054, CSV) has nothing to check. A BAI2 file whose control totals differ from its amounts is not
   * reconciled either.
   */
  public boolean reconciled() {
    BigDecimal expected = expectedClosing();
    return totalsAgree && (expected == null || (closing != null && expected.compareTo(closing) == 0));
  }
}
