package settle.risk.backtest.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * How a band of each feature reads to a finance person ("paid late 40–60% of the time"), and how finely its cut-offs
 * are drawn: whole days and counts, shares in whole percent.
 */
public final class FeatureWords {

  private enum Kind { COUNT, DAYS, SIGNED_DAYS, SHARE, SIGNED_SHARE }

  private record Words(Kind kind, String label, String sentence) {}

  private static final Map<String, Words> WORDS = Map.ofEntries(
      Map.entry("invoicesSeen", new Words(Kind.COUNT, "Invoices so far", "%s invoices so far")),
      Map.entry("settledCount", new Words(Kind.COUNT, "Invoices paid so far", "%s invoices paid so far")),
      Map.entry("daysLateMean", new Words(Kind.DAYS, "Days late on average", "paid %s days late on average")),
      Map.entry("daysLateRecent", new Words(Kind.DAYS, "Days late lately (90 days)",
          "paid %s days late on average in the last 90 days")),
      Map.entry("daysLateTrend", new Words(Kind.SIGNED_DAYS, "Lateness trend (days)",
          "lateness lately against their average: %s days")),
      Map.entry("lateShare", new Words(Kind.SHARE, "Share paid late", "paid late %s of the time")),
      Map.entry("disputedShare", new Words(Kind.SHARE, "Share disputed", "disputed %s of paid invoices")),
      Map.entry("brokenPromises", new Words(Kind.COUNT, "Broken promises (last year)",
          "%s broken promises to pay in the last year")),
      Map.entry("limitUtilisation", new Words(Kind.SHARE, "Credit limit used", "using %s of the credit limit")),
      Map.entry("tenureDays", new Words(Kind.DAYS, "Customer for (days)", "customer for %s days")),
      Map.entry("volumeChange", new Words(Kind.SIGNED_SHARE, "Order volume change (90 days)",
          "invoiced %s against the 90 days before")),
      Map.entry("overdueNow", new Words(Kind.COUNT, "Invoices overdue now", "%s invoices overdue now")),
      Map.entry("openNow", new Words(Kind.COUNT, "Invoices open now", "%s invoices open now")),
      Map.entry("oldestOpenDays", new Words(Kind.DAYS, "Oldest open invoice (days since issue)",
          "oldest open invoice issued %s days ago")),
      Map.entry("daysToSettleRecent", new Words(Kind.DAYS, "Days to settle lately (last 8 paid)",
          "took %s days to settle their last 8 paid invoices on average")));

  private FeatureWords() {
  }

  /** The column label a process owner sees in the table. */
  public static String label(String feature) {
    return words(feature).label();
  }

  /** A cut-off drawn from the training data, rounded to what a person would write. */
  public static BigDecimal cutOff(String feature, double value) {
    int decimals = switch (words(feature).kind()) {
      case SHARE, SIGNED_SHARE -> 2;
      default -> 0;
    };
    return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
  }

  /** The band {@code from <= value < below} in words; a null bound is open. */
  public static String band(String feature, BigDecimal from, BigDecimal below) {
    Words words = words(feature);
    String range;
    if (words.kind() == Kind.COUNT) {
      // whole numbers: "below 3" is "0–2"
      BigDecimal last = below == null ? null : below.subtract(BigDecimal.ONE);
      BigDecimal first = from == null ? BigDecimal.ZERO : from;
      range = last == null ? number(words, first) + " or more"
          : first.compareTo(last) == 0 ? number(words, first) : number(words, first) + "–" + number(words, last);
    } else if (from == null) {
      range = "less than " + number(words, below);
    } else if (below == null) {
      range = number(words, from) + " or more";
    } else {
      boolean signed = words.kind() == Kind.SIGNED_DAYS || words.kind() == Kind.SIGNED_SHARE;
      range = signed ? number(words, from) + " to " + number(words, below) : plain(words, from) + "–" + number(words, below);
    }
    String sentence = words.sentence().formatted(range);
    // "1 invoice", "less than 1 day"
    return range.equals("1") || range.equals("less than 1")
        ? sentence.replace(" invoices ", " invoice ").replace(" days", " day").replace(" promises ", " promise ")
        : sentence;
  }

  private static String number(Words words, BigDecimal value) {
    String text = plain(words, value);
    boolean signed = words.kind() == Kind.SIGNED_DAYS || words.kind() == Kind.SIGNED_SHARE;
    if (signed && value.signum() > 0) {
      text = "+" + text;
    } else if (value.signum() < 0) {
      text = "−" + text.substring(1);
    }
    return words.kind() == Kind.SHARE || words.kind() == Kind.SIGNED_SHARE ? text + "%" : text;
  }

  /** The number alone, a share in percent, without its unit. */
  private static String plain(Words words, BigDecimal value) {
    BigDecimal shown = words.kind() == Kind.SHARE || words.kind() == Kind.SIGNED_SHARE
        ? value.movePointRight(2) : value;
    return shown.stripTrailingZeros().toPlainString();
  }

  private static Words words(String feature) {
    Words words = WORDS.get(feature);
    if (words == null) {
      throw new IllegalArgumentException("no words for the feature " + feature);
    }
    return words;
  }
}
