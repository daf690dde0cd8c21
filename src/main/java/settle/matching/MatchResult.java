package settle.matching;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the engine decided for one statement line. {@code allocations} is its proposal: posted when
 * {@link Status#AUTO}, to be confirmed by a person when {@link Status#SUGGEST}. {@code shortfall} is
 * what the payer left open on the invoices it named (a short pay); {@code unapplied} is money no
 * invoice absorbs (a credit on account).
 */
public record MatchResult(
    String lineRef,
    Status status,
    Long customerId,
    List<Allocation> allocations,
    String rule,
    double confidence,
    BigDecimal shortfall,
    BigDecimal unapplied,
    boolean discountTaken,
    List<Candidate> candidates) {

  public enum Status {
    AUTO,
    SUGGEST,
    NONE
  }

  public MatchResult {
    allocations = List.copyOf(allocations);
    candidates = List.copyOf(candidates);
    shortfall = shortfall == null ? Amounts.ZERO : Amounts.scaled(shortfall);
    unapplied = unapplied == null ? Amounts.ZERO : Amounts.scaled(unapplied);
  }
}
