package settle.risk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * One invoice as the risk model sees it. {@code settled} is null while the invoice is open; {@code disputed} says the
 * customer disputed it at some point before it was settled.
 */
public record InvoiceFact(String customerId, String invoiceId, LocalDate issued, LocalDate due, LocalDate settled,
                          BigDecimal amount, boolean disputed) {

  /** Settled before the given day: what someone looking on that morning already knew. */
  public boolean settledBefore(LocalDate day) {
    return settled != null && settled.isBefore(day);
  }

  /** Days past the due date it was settled, 0 when on time; only meaningful once settled. */
  public long daysLate() {
    return Math.max(0, ChronoUnit.DAYS.between(due, settled));
  }

  public boolean paidLate() {
    return settled != null && settled.isAfter(due);
  }

  public long daysToSettle() {
    return ChronoUnit.DAYS.between(issued, settled);
  }
}
