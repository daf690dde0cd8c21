package settle.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RiskFeaturesTest {

  private static final LocalDate DAY = LocalDate.of(2013, 6, 1);

  @Test
  void featuresAsOfADayIgnoreInvoicesIssuedOrSettledThatDayOrLater() {
    List<InvoiceFact> history = new ArrayList<>(List.of(
        invoice("a", "2013-01-02", "2013-02-01", "2013-02-11", "100", false),  // 10 days late
        invoice("b", "2013-02-01", "2013-03-03", "2013-03-01", "100", true),   // on time, disputed
        invoice("c", "2013-04-01", "2013-05-01", "2013-06-20", "100", false))); // settled after the day: open, overdue
    RiskFeatures before = RiskFeatures.asOf(DAY, history);

    history.add(invoice("d", "2013-06-01", "2013-07-01", "2013-09-30", "5000", true)); // issued on the day itself
    history.add(invoice("e", "2013-06-15", "2013-07-15", null, "100", false));
    RiskFeatures after = RiskFeatures.asOf(DAY, history);

    assertThat(after).isEqualTo(before);
    assertThat(before.invoicesSeen()).isEqualTo(3);
    assertThat(before.settledCount()).isEqualTo(2);
    assertThat(before.daysLateMean()).isEqualTo(5.0);
    assertThat(before.lateShare()).isEqualTo(0.5);
    assertThat(before.disputedShare()).isEqualTo(0.5);
    assertThat(before.overdueNow()).isEqualTo(1);
    assertThat(before.medianDaysToSettle()).isEqualTo(34.0); // 40 and 28 days
    assertThat(before.tenureDays()).isEqualTo(150);
  }

  @Test
  void recentLatenessAboveTheMeanShowsAsAPositiveTrend() {
    List<InvoiceFact> history = List.of(
        invoice("a", "2012-06-01", "2012-07-01", "2012-07-01", "100", false),
        invoice("b", "2012-08-01", "2012-08-31", "2012-08-31", "100", false),
        invoice("c", "2013-03-01", "2013-03-31", "2013-04-30", "100", false)); // 30 days late, within 90 days
    RiskFeatures features = RiskFeatures.asOf(DAY, history);

    assertThat(features.daysLateMean()).isEqualTo(10.0);
    assertThat(features.daysLateRecent()).isEqualTo(30.0);
    assertThat(features.daysLateTrend()).isEqualTo(20.0);
  }

  @Test
  void volumeChangeComparesTheLastNinetyDaysWithTheNinetyBefore() {
    List<InvoiceFact> history = List.of(
        invoice("a", "2013-01-15", "2013-02-14", null, "100", false),
        invoice("b", "2013-04-15", "2013-05-15", null, "150", false),
        invoice("c", "2013-05-15", "2013-06-14", null, "150", false));
    assertThat(RiskFeatures.asOf(DAY, history).volumeChange()).isEqualTo(2.0);
    assertThat(RiskFeatures.asOf(DAY, history.subList(1, 3)).volumeChange()).isEqualTo(0.0);
  }

  @Test
  void openInvoicesAndTheOldestOfThemCountWhatWasStillUnpaidThatMorning() {
    List<InvoiceFact> history = new ArrayList<>(List.of(
        invoice("a", "2013-03-01", "2013-03-31", "2013-04-10", "100", false), // paid before the day
        invoice("b", "2013-04-02", "2013-05-02", "2013-06-01", "100", false), // paid on the day itself: open that morning
        invoice("c", "2013-05-10", "2013-06-09", null, "100", false)));       // open, not yet due
    RiskFeatures before = RiskFeatures.asOf(DAY, history);
    assertThat(before.openNow()).isEqualTo(2);
    assertThat(before.overdueNow()).isEqualTo(1);
    assertThat(before.oldestOpenDays()).isEqualTo(60); // b, issued 2013-04-02

    // what happens from the day on changes nothing: b settled later still, c settled, a new invoice on the day
    history.set(1, invoice("b", "2013-04-02", "2013-05-02", "2013-07-01", "100", false));
    history.set(2, invoice("c", "2013-05-10", "2013-06-09", "2013-06-03", "100", false));
    history.add(invoice("d", "2013-06-01", "2013-07-01", null, "100", false));
    assertThat(RiskFeatures.asOf(DAY, history)).isEqualTo(before);

    // with nothing open, nothing is old
    assertThat(RiskFeatures.asOf(DAY, history.subList(0, 1)).oldestOpenDays()).isZero();
    assertThat(RiskFeatures.asOf(DAY, history.subList(0, 1)).openNow()).isZero();
  }

  @Test
  void daysToSettleRecentAveragesTheLastEightSettlementsBeforeTheDay() {
    List<InvoiceFact> history = new ArrayList<>();
    // an old slow one, then eight paid in 20 days: only the eight latest settlements count
    history.add(invoice("old", "2012-01-02", "2012-02-01", "2012-04-01", "100", false)); // 90 days
    for (int n = 0; n < 8; n++) {
      LocalDate issued = LocalDate.of(2012, 6, 1).plusDays(20L * n);
      history.add(new InvoiceFact("C1", "i" + n, issued, issued.plusDays(30), issued.plusDays(20), BigDecimal.TEN,
          false));
    }
    // settled on the day itself: still open that morning, so not among the latest settlements yet
    history.add(invoice("late", "2013-05-01", "2013-05-31", "2013-06-01", "100", false));
    RiskFeatures before = RiskFeatures.asOf(DAY, history);
    assertThat(before.daysToSettleRecent()).isEqualTo(20.0);
    assertThat(RiskFeatures.asOf(LocalDate.of(2012, 6, 1), history).daysToSettleRecent()).isEqualTo(90.0);
    assertThat(RiskFeatures.asOf(LocalDate.of(2012, 1, 2), history).daysToSettleRecent()).isZero(); // no history

    // an invoice issued later and settled fast is not known either
    history.add(invoice("later", "2013-06-05", "2013-07-05", "2013-06-06", "100", false));
    assertThat(RiskFeatures.asOf(DAY, history)).isEqualTo(before);
    // once settled before the day it is the latest and counts: (7 × 20 + 31) / 8
    assertThat(RiskFeatures.asOf(DAY.plusDays(1), history).daysToSettleRecent()).isEqualTo(21.375);
  }

  private static InvoiceFact invoice(String id, String issued, String due, String settled, String amount,
                                     boolean disputed) {
    return new InvoiceFact("C1", id, LocalDate.parse(issued), LocalDate.parse(due),
        settled == null ? null : LocalDate.parse(settled), new BigDecimal(amount), disputed);
  }
}
