package settle.metrics.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import settle.metrics.Grouping;

/** The query parameters of the metrics API and the reports page, checked; a bad one is refused naming it. */
record MetricsParameters(String currency, LocalDate from, LocalDate to, Grouping by) {

  /** A period longer than this is a typo, and would scan the whole ledger many times over. */
  static final long LONGEST_PERIOD_DAYS = 3 * 366;

  static final class BadParameter extends RuntimeException {
    final String parameter;

    BadParameter(String parameter, String message) {
      super(message);
      this.parameter = parameter;
    }
  }

  /** Missing dates mean this month up to today; a missing grouping means the whole currency. */
  static MetricsParameters parse(String currency, String from, String to, String by, Clock clock) {
    String checked = currency(currency);
    LocalDate today = LocalDate.now(clock);
    LocalDate end = to == null || to.isBlank() ? today : date("to", to);
    LocalDate start = from == null || from.isBlank() ? end.withDayOfMonth(1) : date("from", from);
    if (start.isAfter(end)) {
      throw new BadParameter("from", "The period starts (" + start + ") after it ends (" + end + ")");
    }
    if (start.plusDays(LONGEST_PERIOD_DAYS).isBefore(end)) {
      throw new BadParameter("to", "A period is at most three years long, not " + start + " to " + end);
    }
    Grouping grouping = Grouping.ALL;
    if (by != null && !by.isBlank()) {
      grouping = Grouping.parse(by);
      if (grouping == null) {
        throw new BadParameter("by", "'" + by + "' is not a split: use segment, owner or collector");
      }
    }
    return new MetricsParameters(checked, start, end, grouping);
  }

  static String currency(String currency) {
    if (currency == null || currency.isBlank()) {
      throw new BadParameter("currency", "Say which currency: figures in different currencies are never added up");
    }
    if (!currency.strip().matches("[A-Za-z]{3}")) {
      throw new BadParameter("currency", "'" + currency + "' is not an ISO 4217 currency code such as EUR");
    }
    return currency.strip().toUpperCase(java.util.Locale.ROOT);
  }

  private static LocalDate date(String name, String text) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new BadParameter(name, "'" + text + "' is not a date written as 2026-01-31");
    }
  }
}
