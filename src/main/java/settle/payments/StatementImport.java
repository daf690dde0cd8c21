package settle.payments;

import java.math.BigDecimal;
import java.util.List;

/**
 * What an import did: the first statement's id and format, its credit lines, how many were posted without a
 * person and that share ({@code matchRate}, 0–1, of the lines that were not duplicates). {@code alreadyImported}
 * when the same file or statement was imported before: nothing was stored or posted again. {@code duplicates}:
 * credit lines of this statement that an earlier statement already delivered (the same bank transaction), which
 * are recorded but never posted. {@code status} is MATCHING while the match step is still running; counts are
 * then those so far. {@code reconciled} is false when the statement's closing balance is not its opening balance
 * plus its movements ({@code balances} gives the figures): nothing on it is posted until a cash applier confirms it.
 * {@code statements}: every statement the file holds, in file order.
 */
public record StatementImport(long id, String format, int lines, int matched, BigDecimal matchRate, String status,
                              boolean alreadyImported, List<DuplicateLine> duplicates, boolean reconciled, Balances balances,
                              List<Statement> statements) {

  /** Credit line {@code line} of this statement is line {@code firstLine} of statement {@code firstStatementId}. */
  public record DuplicateLine(int line, String reference, BigDecimal amount, String currency, long firstStatementId,
                              int firstLine) {}

  /** One statement of the file. */
  public record Statement(long id, String format, int lines, int matched, BigDecimal matchRate, String status,
                          boolean alreadyImported) {}

  /**
   * The balances the file states (null where it states none) and the closing balance its movements lead to;
   * {@code confirmedBy} is the cash applier who confirmed an unreconciled statement.
   */
  public record Balances(boolean reconciled, BigDecimal opening, BigDecimal closing, BigDecimal expectedClosing,
                         String confirmedBy) {}
}
