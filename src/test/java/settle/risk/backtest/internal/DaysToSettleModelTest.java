package settle.risk.backtest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import settle.risk.InvoiceFact;
import settle.risk.RiskFeatures;

/** The days-to-settle model on recent days to settle, with and without a customer history. */
class DaysToSettleModelTest {

  private static final LocalDate DAY = LocalDate.of(2013, 6, 1);

  @Test
  void followsTheRecentDaysToSettleAndGivesACustomerWithoutHistoryTheTrainingMedian() {
    // customers who always take d days: their next invoice takes d days too
    List<Sample> samples = new ArrayList<>();
    for (int days = 10; days <= 50; days += 5) {
      InvoiceFact paid = new InvoiceFact("C" + days, "a", DAY.minusDays(100), DAY.minusDays(70),
          DAY.minusDays(100 - days), BigDecimal.TEN, false);
      InvoiceFact next = new InvoiceFact("C" + days, "b", DAY, DAY.plusDays(30), DAY.plusDays(days), BigDecimal.TEN,
          false);
      samples.add(new Sample(next, RiskFeatures.asOf(DAY, List.of(paid, next)), days > 30, days));
    }
    DaysToSettleModel model = DaysToSettleModel.fit(samples, List.of(DaysToSettleModel.RECENT), 33);

    InvoiceFact paid = new InvoiceFact("X", "a", DAY.minusDays(100), DAY.minusDays(70), DAY.minusDays(58),
        BigDecimal.TEN, false);
    assertThat(model.predict(RiskFeatures.asOf(DAY, List.of(paid)))).isCloseTo(42, within(0.01));
    // no paid invoice yet: daysToSettleRecent is 0, which must not read as "pays at once"
    assertThat(model.predict(RiskFeatures.asOf(DAY, List.of()))).isCloseTo(33, within(0.01));
  }
}
