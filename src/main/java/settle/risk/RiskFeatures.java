package settle.risk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a customer's history says about them on the morning of {@code asOf}, from earlier facts only: an invoice issued
 * that day or later is unknown, and one settled that day or later is still open. The field names are the input names
 * of {@code dmn/risk-scorecard.dmn}; the back-test fits its bands on the same names.
 *
 * @param invoicesSeen      invoices issued before the day
 * @param settledCount      of those, settled before the day (the history the averages rest on)
 * @param daysLateMean      mean days past due of the settled ones, 0 without history
 * @param daysLateRecent    the same over invoices settled in the last {@value #RECENT_DAYS} days, else the mean
 * @param daysLateTrend     recent minus mean: positive when the customer is getting slower
 * @param lateShare         share of the settled ones paid after their due date
 * @param disputedShare     share of the settled ones the customer disputed
 * @param brokenPromises    promises to pay broken in the last year (Settle's ledger only; 0 from a CSV)
 * @param limitUtilisation  open exposure over the credit limit (Settle's ledger only; 0 from a CSV)
 * @param tenureDays        days since the customer's first invoice (or since they became a customer)
 * @param volumeChange      invoiced amount in the last {@value #RECENT_DAYS} days over the {@value #RECENT_DAYS}
 *                          before, minus 1; 0 when there was nothing before
 * @param overdueNow        invoices open and past due on the day
 * @param openNow           invoices open on the day (issued before it, not settled before it), due or not
 * @param oldestOpenDays    days since the oldest invoice still open on the day was issued, 0 when none is open
 * @param daysToSettleRecent mean days from issue to settlement of the last {@value #RECENT_SETTLED} invoices settled
 *                          before the day (by settlement date), 0 without history
 * @param medianDaysToSettle median days from issue to settlement of the settled ones, null without history
 */
public record RiskFeatures(LocalDate asOf, int invoicesSeen, int settledCount, double daysLateMean,
                           double daysLateRecent, double daysLateTrend, double lateShare, double disputedShare,
                           int brokenPromises, double limitUtilisation, long tenureDays, double volumeChange,
                           int overdueNow, int openNow, long oldestOpenDays, double daysToSettleRecent,
                           Double medianDaysToSettle) {

  public static final int RECENT_DAYS = 90;

  /** How many of the latest settled invoices {@code daysToSettleRecent} averages. */
  public static final int RECENT_SETTLED = 8;

  /** Features from invoice history alone, as the back-test and the simulation see a customer. */
  public static RiskFeatures asOf(LocalDate asOf, Collection<InvoiceFact> invoices) {
    return asOf(asOf, invoices, 0, 0, null);
  }

  /**
   * Features of one customer's invoices (other customers' are the caller's mistake) with the facts only Settle's
   * ledger knows.
   */
  public static RiskFeatures asOf(LocalDate asOf, Collection<InvoiceFact> invoices, int brokenPromises,
                                  double limitUtilisation, LocalDate customerSince) {
    List<InvoiceFact> seen = invoices.stream().filter(i -> i.issued().isBefore(asOf)).toList();
    List<InvoiceFact> settled = seen.stream().filter(i -> i.settledBefore(asOf)).toList();
    LocalDate recentFrom = asOf.minusDays(RECENT_DAYS);
    List<InvoiceFact> recent = settled.stream().filter(i -> !i.settled().isBefore(recentFrom)).toList();

    double mean = settled.stream().mapToLong(InvoiceFact::daysLate).average().orElse(0);
    double recentMean = recent.stream().mapToLong(InvoiceFact::daysLate).average().orElse(mean);
    double late = settled.isEmpty() ? 0 : (double) settled.stream().filter(InvoiceFact::paidLate).count() / settled.size();
    double disputed = settled.isEmpty() ? 0 : (double) settled.stream().filter(InvoiceFact::disputed).count() / settled.size();
    LocalDate since = seen.stream().map(InvoiceFact::issued).min(LocalDate::compareTo).orElse(asOf);
    if (customerSince != null && customerSince.isBefore(since)) {
      since = customerSince;
    }
    BigDecimal lately = invoiced(seen, recentFrom, asOf);
    BigDecimal before = invoiced(seen, recentFrom.minusDays(RECENT_DAYS), recentFrom);
    double change = before.signum() == 0 ? 0
        : lately.divide(before, 4, RoundingMode.HALF_UP).doubleValue() - 1;
    List<InvoiceFact> open = seen.stream().filter(i -> !i.settledBefore(asOf)).toList();
    int overdue = (int) open.stream().filter(i -> i.due().isBefore(asOf)).count();
    long oldestOpen = open.stream().mapToLong(i -> ChronoUnit.DAYS.between(i.issued(), asOf)).max().orElse(0);
    // the latest settlements first; on the same day, the later-issued invoice counts as the later one
    double settleRecent = settled.stream()
        .sorted(Comparator.comparing(InvoiceFact::settled).thenComparing(InvoiceFact::issued)
            .thenComparing(InvoiceFact::invoiceId).reversed())
        .limit(RECENT_SETTLED).mapToLong(InvoiceFact::daysToSettle).average().orElse(0);

    return new RiskFeatures(asOf, seen.size(), settled.size(), round(mean), round(recentMean), round(recentMean - mean),
        round(late), round(disputed), brokenPromises, round(limitUtilisation), ChronoUnit.DAYS.between(since, asOf),
        round(change), overdue, open.size(), oldestOpen, round(settleRecent), median(settled));
  }

  /** The features by their DMN input names. */
  public Map<String, Object> variables() {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("invoicesSeen", invoicesSeen);
    variables.put("settledCount", settledCount);
    variables.put("daysLateMean", daysLateMean);
    variables.put("daysLateRecent", daysLateRecent);
    variables.put("daysLateTrend", daysLateTrend);
    variables.put("lateShare", lateShare);
    variables.put("disputedShare", disputedShare);
    variables.put("brokenPromises", brokenPromises);
    variables.put("limitUtilisation", limitUtilisation);
    variables.put("tenureDays", tenureDays);
    variables.put("volumeChange", volumeChange);
    variables.put("overdueNow", overdueNow);
    variables.put("openNow", openNow);
    variables.put("oldestOpenDays", oldestOpenDays);
    variables.put("daysToSettleRecent", daysToSettleRecent);
    return variables;
  }

  private static BigDecimal invoiced(List<InvoiceFact> invoices, LocalDate from, LocalDate until) {
    return invoices.stream().filter(i -> !i.issued().isBefore(from) && i.issued().isBefore(until))
        .map(InvoiceFact::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static Double median(List<InvoiceFact> settled) {
    if (settled.isEmpty()) {
      return null;
    }
    long[] days = settled.stream().mapToLong(InvoiceFact::daysToSettle).sorted().toArray();
    int mid = days.length / 2;
    return days.length % 2 == 1 ? days[mid] : (days[mid - 1] + days[mid]) / 2.0;
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
