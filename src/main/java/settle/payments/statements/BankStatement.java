package settle.payments.statements;

import java.time.LocalDate;
import java.util.List;

/**
 * One statement (or notification) for one account. {@code statementId} is the file's own id, or
 * null where the format has none (CSV). {@code accountId} is null for CSV, which names no account.
 */
public record BankStatement(
    StatementFormat format,
    String statementId,
    String accountId,
    String currency,
    LocalDate date,
    List<StatementLine> lines) {

  public BankStatement {
    lines = List.copyOf(lines);
  }

  public List<StatementLine> credits() {
    return lines.stream().filter(StatementLine::credit).toList();
  }
}
