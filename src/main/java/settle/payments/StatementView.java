package settle.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A bank statement as cash application sees it: every credit line with its match, rule, confidence and status;
 * {@code reconciled} false (with the figures in {@code balances}) while its balances do not add up.
 */
public record StatementView(long id, String format, String statementId, String accountId, String currency, LocalDate date,
                            String fileName, String status, String importedBy, Instant importedAt, int debitLinesSkipped,
                            List<Line> lines, BigDecimal matchRate, Map<String, RuleRate> matchRateByRule,
                            Map<LineStatus, Long> lineCounts, String matchRateDefinition, String precisionNote,
                            boolean reconciled, StatementImport.Balances balances) {

  public record Line(long id, int lineNo, String bankReference, BigDecimal amount, String currency, LocalDate valueDate,
                     String payerName, String payerAccount, String remittance, LineStatus status, String rule,
                     BigDecimal confidence, Long customerId, BigDecimal shortfall, BigDecimal unapplied,
                     String shortPayAction, Long disputeId, String resolution, String handledBy, List<Match> matches) {}

  public record Match(String invoiceNumber, BigDecimal amount, BigDecimal discount, String rule, BigDecimal confidence) {}

  /** Lines a rule posted without a person, and their share of all credit lines. */
  public record RuleRate(long lines, BigDecimal rate) {}

  /** {@code reconciled} false while the balances do not add up; {@code confirmedBy} who confirmed it nonetheless. */
  public record Summary(long id, String format, String statementId, String accountId, LocalDate date, String status,
                        int lines, long autoPosted, BigDecimal matchRate, Instant importedAt, boolean reconciled,
                        String confirmedBy) {}
}
