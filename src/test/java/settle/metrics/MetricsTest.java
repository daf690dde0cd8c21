package settle.metrics;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import settle.metrics.MetricsReport.Aging;
import settle.metrics.MetricsReport.CadenceResponse;
import settle.testdata.Api;
import settle.testdata.SettleTest;

/**
 * Every figure against one small PLN ledger of March 2025, worked out by hand below. A CZK invoice of the same
 * customer sits beside it and must never show up in PLN.
 *
 * <pre>
 * I1 Olga's A   1000.00 issued 2025-02-10 due 03-12: paid 400 on 03-05 (promised 400 for 03-05: kept), 600 on 04-10
 * I2 Olga's A   2000.00 issued 03-05 due 04-04: disputed 03-15, credit memo 500 on 03-20 (promised 500 for 03-18: a
 *               credit, not cash, so not kept), paid 1500 on 04-02
 * I3 Piotr's B  3000.00 issued 03-20 due 04-19: disputed 03-31 (day 11, so accepted on day one), promised 3000 for 03-25: broken
 * I4 Piotr's B   500.00 issued 01-05 due 02-04: paid 500 on 02-20
 * I5 Piotr's B   800.00 issued 2024-11-01 due 2024-12-01: never paid; disputed 03-01, resolved 04-15
 *
 * open at the end of 02-28: I1 1000 (current), I5 800 (89 days: 61-90)          = 1800
 * invoiced in March: I2 2000 + I3 3000                                            = 5000
 * open at the end of 03-31: I1 600 (19 days), I2 1500, I3 3000 (current), I5 800 (120 days: 90+) = 5900, not yet due 4500
 * DSO = 5900 / 5000 × 31 = 36.58;  best possible = 4500 / 5000 × 31 = 27.9;  ADD = 1400 / 5000 × 31 = 8.68
 * CEI = (1800 + 5000 − 5900) / (1800 + 5000 − 4500) = 900 / 2300 = 39.13 %
 * countback: 5900 − March's 5000 (31 days) leaves 900 of February's 1000: 0.9 × 28 = 25.2 days; 31 + 25.2 = 56.2
 * </pre>
 */
@SettleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsTest {

  static final LocalDate FROM = parse("2025-03-01"), TO = parse("2025-03-31");

  @Autowired JdbcTemplate jdbc;
  @Autowired Metrics metrics;
  @LocalServerPort int port;

  @BeforeAll
  void ledgerOfMarch2025() {
    LedgerRows rows = new LedgerRows(jdbc);
    long a = rows.customer("Metrics A", "Olga");
    long b = rows.customer("Metrics B", "Piotr");

    long i1 = rows.invoice(a, "PLN", "1000.00", parse("2025-02-10"), parse("2025-03-12"));
    rows.promise(i1, "400.00", parse("2025-03-01"), parse("2025-03-05"), "cara");
    rows.payment(i1, "400.00", parse("2025-03-05"));
    rows.payment(i1, "600.00", parse("2025-04-10"));

    long i2 = rows.invoice(a, "PLN", "2000.00", parse("2025-03-05"), parse("2025-04-04"));
    rows.promise(i2, "500.00", parse("2025-03-10"), parse("2025-03-18"), "cara");
    long d1 = rows.dispute(i2, "500.00", parse("2025-03-15"), parse("2025-03-20"));
    rows.creditMemo(i2, d1, "500.00", parse("2025-03-20"));
    rows.payment(i2, "1500.00", parse("2025-04-02"));

    long i3 = rows.invoice(b, "PLN", "3000.00", parse("2025-03-20"), parse("2025-04-19"));
    rows.promise(i3, "3000.00", parse("2025-03-20"), parse("2025-03-25"), "casey");
    rows.dispute(i3, "200.00", parse("2025-03-31"), null);

    long i4 = rows.invoice(b, "PLN", "500.00", parse("2025-01-05"), parse("2025-02-04"));
    rows.payment(i4, "500.00", parse("2025-02-20"));

    long i5 = rows.invoice(b, "PLN", "800.00", parse("2024-11-01"), parse("2024-12-01"));
    rows.dispute(i5, "800.00", parse("2025-03-01"), parse("2025-04-15"));

    // another currency, same customer and month: never added in
    rows.invoice(a, "CZK", "99999.00", parse("2025-03-10"), parse("2025-03-20"));

    // reminders: I1 on 03-13 (cash next on 04-10: 28 days), I2 on 03-30 (cash on 04-02: 3 days);
    // final notices for I5 announced with a heads-up: one held, one sent; no cash
    rows.step(i1, "STANDARD", "first-reminder", false, "SENT", parse("2025-03-13"));
    rows.step(i2, "STANDARD", "first-reminder", false, "SENT", parse("2025-03-30"));
    rows.step(i5, "KEY", "final-notice", true, "HELD", parse("2025-03-15"));
    rows.step(i5, "KEY", "final-notice", true, "SENT", parse("2025-03-25"));
  }

  @Test
  void dsoIsReceivablesAtTheEndOverInvoicedTimesTheDaysOfThePeriod() {
    MetricsReport march = metrics.report("PLN", FROM, TO);
    assertThat(march.dso()).isEqualByComparingTo("36.6");
    assertThat(march.bestPossibleDso()).isEqualByComparingTo("27.9");
    assertThat(march.add()).isEqualByComparingTo("8.7");
  }

  @Test
  void ceiComparesWhatWasCollectedWithWhatCouldHaveBeen() {
    assertThat(metrics.report("PLN", FROM, TO).cei()).isEqualByComparingTo("39.1");
  }

  @Test
  void countbackDsoAbsorbsReceivablesIntoTheLatestMonthsSalesFirst() {
    assertThat(metrics.report("PLN", FROM, TO).dsoCountback()).isEqualByComparingTo("56.2");
  }

  @Test
  void agingCountsPartPaymentsAndCreditMemosDatedByTheEnd() {
    Aging aging = metrics.report("PLN", FROM, TO).aging();
    assertThat(aging.current()).isEqualByComparingTo("4500.00");
    assertThat(aging.days1To30()).isEqualByComparingTo("600.00");
    assertThat(aging.days31To60()).isEqualByComparingTo("0");
    assertThat(aging.days61To90()).isEqualByComparingTo("0");
    assertThat(aging.over90()).isEqualByComparingTo("800.00");
  }

  @Test
  void agingAsOfAPastDateIgnoresWhatWasPaidAfterIt() {
    // today I1 and I4 are paid; at the end of 2025-02-28 I1 was open in full and I5 was 89 days past due
    Aging february = metrics.openAt(Grouping.ALL, "PLN", parse("2025-02-28")).get("All");
    assertThat(february.current()).isEqualByComparingTo("1000.00");
    assertThat(february.days61To90()).isEqualByComparingTo("800.00");
    assertThat(february.total()).isEqualByComparingTo("1800.00");
  }

  @Test
  void currenciesAreNeverAddedTogether() {
    MetricsReport czk = metrics.report("CZK", FROM, TO);
    assertThat(czk.aging().days1To30()).isEqualByComparingTo("99999.00");
    assertThat(czk.dso()).isEqualByComparingTo("31.0");
    assertThat(metrics.report("PLN", FROM, TO).aging().total()).isEqualByComparingTo("5900.00");
  }

  @Test
  void promiseIsKeptOnlyByCashByTheDatePlusGraceNeverByACreditMemo() {
    assertThat(metrics.report("PLN", FROM, TO).promiseKeptRate()).isEqualByComparingTo("33.3");
    Map<String, BigDecimal> byCollector = metrics.by(Grouping.COLLECTOR, "PLN", FROM, TO).stream()
        .collect(Collectors.toMap(MetricsReport::group, MetricsReport::promiseKeptRate));
    assertThat(byCollector).hasSize(2);
    assertThat(byCollector.get("cara")).isEqualByComparingTo("50.0");
    assertThat(byCollector.get("casey")).isEqualByComparingTo("0.0");
  }

  @Test
  void disputeAgingIsTheAverageAgeOfTheDisputesOpenAtTheEnd() {
    // I5's dispute is 30 days old, I3's raised that day: 0; I2's was resolved on 03-20
    assertThat(metrics.report("PLN", FROM, TO).disputeAgingDays()).isEqualByComparingTo("15.0");
  }

  @Test
  void dayOneAcceptanceCountsInvoicesWithoutADisputeInTheirFirstTenDays() {
    LedgerTotals march = metrics.totals("PLN", FROM, TO);
    assertThat(march.invoicesIssued()).isEqualTo(2);
    assertThat(Metrics.dayOneAcceptance(march)).isEqualByComparingTo("50.0");
    assertThat(march.receivablesAtStart()).isEqualByComparingTo("1800.00");
    assertThat(march.invoiced()).isEqualByComparingTo("5000.00");
  }

  @Test
  void cadenceResponseIsTheShareOfStepsFollowedByCashAndTheShareOfHeadsUpsHeld() {
    List<CadenceResponse> cadence = metrics.report("PLN", FROM, TO).cadenceResponse();
    assertThat(cadence).extracting(CadenceResponse::template).containsExactly("final-notice", "first-reminder");
    CadenceResponse finalNotice = cadence.get(0), reminder = cadence.get(1);
    assertThat(reminder.steps()).isEqualTo(2);
    assertThat(reminder.paidWithin3Days()).isEqualByComparingTo("50.0");
    assertThat(reminder.paidWithin14Days()).isEqualByComparingTo("50.0");
    assertThat(reminder.headsUpHoldRate()).isNull();
    assertThat(finalNotice.steps()).isEqualTo(1);
    assertThat(finalNotice.paidWithin14Days()).isEqualByComparingTo("0.0");
    assertThat(finalNotice.headsUpHoldRate()).isEqualByComparingTo("50.0");
  }

  @Test
  void figuresSplitByAccountOwnerAndBySegment() {
    // Olga: 1000 at the start, 2000 invoiced, 2100 at the end of which 1500 not yet due
    // Piotr: 800 at the start, 3000 invoiced, 3800 at the end of which 3000 not yet due
    Map<String, MetricsReport> byOwner = metrics.by(Grouping.OWNER, "PLN", FROM, TO).stream()
        .collect(Collectors.toMap(MetricsReport::group, r -> r));
    assertThat(byOwner.keySet()).containsExactlyInAnyOrder("Olga", "Piotr");
    assertThat(byOwner.get("Olga").dso()).isEqualByComparingTo("32.6");
    assertThat(byOwner.get("Olga").cei()).isEqualByComparingTo("60.0");
    assertThat(byOwner.get("Piotr").dso()).isEqualByComparingTo("39.3");
    assertThat(byOwner.get("Piotr").cei()).isEqualByComparingTo("0.0");
    Map<String, MetricsReport> bySegment = metrics.by(Grouping.SEGMENT, "PLN", FROM, TO).stream()
        .collect(Collectors.toMap(MetricsReport::group, r -> r));
    assertThat(bySegment.get("STANDARD").aging().total()).isEqualByComparingTo("2100.00");
    assertThat(bySegment.get("KEY").aging().total()).isEqualByComparingTo("3800.00");
  }

  @Test
  void theApiAnswersWithExactlyTheAgreedFields() {
    Api.Response response = new Api(port, "fran", "fran").get("/api/metrics?currency=PLN&from=2025-03-01&to=2025-03-31");
    assertThat(response.status()).isEqualTo(200);
    JsonNode body = response.body();
    assertThat(body.properties()).extracting(Map.Entry::getKey).containsExactly("currency", "from", "to", "dso", "dsoCountback",
        "bestPossibleDso", "add", "cei", "aging", "promiseKeptRate", "disputeAgingDays", "cadenceResponse");
    assertThat(body.get("aging").properties()).extracting(Map.Entry::getKey).containsExactly("current", "1-30", "31-60", "61-90", "90+");
    assertThat(body.get("dso").decimalValue()).isEqualByComparingTo("36.6");
    assertThat(body.get("aging").get("90+").decimalValue()).isEqualByComparingTo("800.00");
    assertThat(body.get("from").asText()).isEqualTo("2025-03-01");

    JsonNode byOwner = new Api(port, "fran", "fran").get("/api/metrics?currency=PLN&from=2025-03-01&to=2025-03-31&by=owner").body();
    assertThat(byOwner.get("groups")).extracting(g -> g.get("group").asText()).containsExactly("Olga", "Piotr");
  }

  @Test
  void badParametersAreRefusedNamingTheParameter() {
    Api api = new Api(port, "fran", "fran");
    assertRefused(api.get("/api/metrics?from=2025-03-01&to=2025-03-31"), "currency");
    assertRefused(api.get("/api/metrics?currency=euro&from=2025-03-01"), "currency");
    assertRefused(api.get("/api/metrics?currency=PLN&from=2025-02-30"), "from");
    assertRefused(api.get("/api/metrics?currency=PLN&from=2025-03-01&to=March"), "to");
    assertRefused(api.get("/api/metrics?currency=PLN&from=2025-04-01&to=2025-03-01"), "from");
    assertRefused(api.get("/api/metrics?currency=PLN&by=colour"), "by");
    assertRefused(api.get("/api/forecast"), "currency");
  }

  private static void assertRefused(Api.Response response, String parameter) {
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.body().get("errors").get(0).get("field").asText()).isEqualTo(parameter);
  }
}
