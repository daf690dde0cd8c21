package settle.metrics;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import settle.testdata.SettleTest;

/**
 * The forecast and its back-test on small RON and BGN ledgers. RON, worked out by hand: one customer who paid three
 * invoices exactly 5 days late before 2025-03-01, and at that date five open invoices.
 *
 * <pre>
 * O1 1000 due 03-10: expected 03-15 (week 2),        arrived 03-20 (week 3)
 * O2 2000 due 03-20: expected 03-25 (week 4),        arrived 03-25 (week 4)
 * O3  500 due 02-20: expected 02-25, overdue: week 1, arrived 03-03 (week 1)
 * O4  700 due 03-05, disputed in full and unresolved: not expected, arrived 04-25 (week 8)
 * O5  300 due 02-15, promised for 03-20 (week 3),    arrived 03-22 (week 3)
 * weeks run from 03-02: week 1 03-02..03-08, week 2 03-09..03-15, week 3 03-16..03-22, week 4 03-23..03-29, week 8 04-20..04-26
 * forecast 500, 1000, 300, 2000, 0, 0, 0, 0 …   arrived 500, 0, 1300, 2000, 0, 0, 0, 700 …
 * weekly MAPE over the weeks cash arrived (1, 3, 4, 8): (0 + 1000/1300 + 0 + 700/700) / 4 = 44.2 %
 * total error: (3800 − 4500) / 4500 = −15.6 %
 * </pre>
 */
@SettleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CashForecastTest {

  static final LocalDate AS_OF = parse("2025-03-01");

  @Autowired JdbcTemplate jdbc;
  @Autowired CashForecast forecast;

  @BeforeAll
  void ledgers() {
    LedgerRows rows = new LedgerRows(jdbc);
    long c = rows.customer("Forecast RON", "Olga");
    for (String due : List.of("2025-01-10", "2025-01-20", "2025-02-01")) {
      long h = rows.invoice(c, "RON", "100.00", parse(due).minusDays(30), parse(due));
      rows.payment(h, "100.00", parse(due).plusDays(5));
    }
    long o1 = rows.invoice(c, "RON", "1000.00", parse("2025-02-08"), parse("2025-03-10"));
    long o2 = rows.invoice(c, "RON", "2000.00", parse("2025-02-18"), parse("2025-03-20"));
    long o3 = rows.invoice(c, "RON", "500.00", parse("2025-01-21"), parse("2025-02-20"));
    long o4 = rows.invoice(c, "RON", "700.00", parse("2025-02-03"), parse("2025-03-05"));
    long o5 = rows.invoice(c, "RON", "300.00", parse("2025-01-16"), parse("2025-02-15"));
    rows.dispute(o4, "700.00", parse("2025-02-25"), parse("2025-04-20"));
    rows.promise(o5, "300.00", parse("2025-02-27"), parse("2025-03-20"), "cara");
    rows.payment(o1, "1000.00", parse("2025-03-20"));
    rows.payment(o2, "2000.00", parse("2025-03-25"));
    rows.payment(o3, "500.00", parse("2025-03-03"));
    rows.payment(o4, "700.00", parse("2025-04-25"));
    rows.payment(o5, "300.00", parse("2025-03-22"));

    generatedHistory(rows);
  }

  @Test
  void eachInvoiceIsExpectedOnItsDueDatePlusTheCustomersDaysLatePromisesFirstDisputesLeftOut() {
    List<Forecast.Week> weeks = forecast.weeks("RON", AS_OF);
    assertThat(weeks).hasSize(13);
    assertThat(weeks.getFirst().weekStart()).isEqualTo(parse("2025-03-02"));
    assertThat(weeks).extracting(w -> w.expected().toPlainString()).containsExactly(
        "500.00", "1000.00", "300.00", "2000.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00");
  }

  @Test
  void theBacktestReportsTheErrorAgainstTheCashThatArrived() {
    Forecast.Backtest backtest = forecast.backtest("RON", List.of(AS_OF), parse("2025-12-01"));
    assertThat(backtest.weeklyMape()).isEqualByComparingTo("44.2");
    assertThat(backtest.totalError()).isEqualByComparingTo("-15.6");
  }

  @Test
  void weeksNotYetOverAreLeftOutOfTheBacktest() {
    // on 03-24 only weeks 1 to 3 are over: forecast 500, 1000, 300 against 500, 0, 1300
    Forecast.Backtest backtest = forecast.backtest("RON", List.of(AS_OF), parse("2025-03-23"));
    assertThat(backtest.weeklyMape()).isEqualByComparingTo("38.5");
    assertThat(backtest.totalError()).isEqualByComparingTo("0.0");
  }

  // A generated history in BGN: 40 customers, each paying its invoices a fixed number of days late (0 to 39), with
  // some invoices paid in two parts. The test works out the back-test's error itself, week by week, from the same
  // rows and the rule of docs/metrics.md, and expects the service to report exactly that.
  private final java.util.Map<Long, int[]> lateBy = new java.util.HashMap<>();
  private final java.util.List<long[]> openAtAsOf = new java.util.ArrayList<>(); // due epoch day, cents, customer
  static final LocalDate GENERATED_AS_OF = parse("2025-06-30");

  private void generatedHistory(LedgerRows rows) {
    Random random = new Random(16);
    for (int k = 0; k < 40; k++) {
      long customer = rows.customer("Forecast BGN " + k, "Olga");
      int late = k;
      // settled in the year before: one a month, all exactly `late` days late
      for (int m = 0; m < 6; m++) {
        LocalDate due = parse("2025-01-05").plusMonths(m);
        if (due.plusDays(late).isAfter(GENERATED_AS_OF)) {
          continue;
        }
        long h = rows.invoice(customer, "BGN", "50.00", due.minusDays(30), due);
        rows.payment(h, "50.00", due.plusDays(late));
      }
      // open at the as-of date, paid later, sometimes in two parts, on days the forecast does not know
      for (int n = 0; n < 3; n++) {
        LocalDate due = GENERATED_AS_OF.plusDays(random.nextInt(60) - 30);
        int cents = 10_000 + random.nextInt(90_000);
        long o = rows.invoice(customer, "BGN", BigDecimal.valueOf(cents, 2).toPlainString(), due.minusDays(30), due);
        openAtAsOf.add(new long[] {due.toEpochDay(), cents, customer});
        lateBy.put(customer, new int[] {late});
        int first = cents / 3;
        LocalDate paid = GENERATED_AS_OF.plusDays(1 + random.nextInt(100));
        rows.payment(o, BigDecimal.valueOf(first, 2).toPlainString(), paid);
        rows.payment(o, BigDecimal.valueOf(cents - first, 2).toPlainString(), paid.plusDays(random.nextInt(10)));
      }
    }
  }

  @Test
  void theBacktestErrorOnAGeneratedHistoryIsWhatTheTestWorksOutItself() {
    // forecast per week: each open invoice on its due date plus its customer's days late (never before the first day)
    LocalDate first = GENERATED_AS_OF.plusDays(1);
    long[] forecastCents = new long[13];
    for (long[] open : openAtAsOf) {
      long expected = Math.max(open[0] + lateBy.get(open[2])[0], first.toEpochDay());
      long week = (expected - first.toEpochDay()) / 7;
      if (week < 13) {
        forecastCents[(int) week] += open[1];
      }
    }
    // cash per week, read back from the payment rows
    long[] actualCents = new long[13];
    jdbc.query("select value_date, amount from payment where currency = 'BGN' and value_date > ?", rs -> {
      long day = rs.getDate(1).toLocalDate().toEpochDay();
      long week = (day - first.toEpochDay()) / 7;
      if (week < 13) {
        actualCents[(int) week] += rs.getBigDecimal(2).movePointRight(2).longValueExact();
      }
    }, GENERATED_AS_OF);
    double sumRatio = 0;
    int weeksWithCash = 0;
    long totalForecast = 0, totalActual = 0;
    for (int w = 0; w < 13; w++) {
      totalForecast += forecastCents[w];
      totalActual += actualCents[w];
      if (actualCents[w] != 0) {
        sumRatio += Math.abs(forecastCents[w] - actualCents[w]) / (double) actualCents[w];
        weeksWithCash++;
      }
    }
    BigDecimal mape = BigDecimal.valueOf(sumRatio * 100 / weeksWithCash).setScale(1, RoundingMode.HALF_EVEN);
    BigDecimal total = BigDecimal.valueOf((totalForecast - totalActual) * 100.0 / totalActual).setScale(1, RoundingMode.HALF_EVEN);
    System.out.printf("Generated BGN history back-tested as of %s: weekly MAPE %s %%, total error %s %%%n", GENERATED_AS_OF, mape, total);

    Forecast.Backtest reported = forecast.backtest("BGN", List.of(GENERATED_AS_OF), GENERATED_AS_OF.plusDays(7 * 13 + 1));
    assertThat(reported.weeklyMape()).isEqualByComparingTo(mape);
    assertThat(reported.totalError()).isEqualByComparingTo(total);
  }
}
