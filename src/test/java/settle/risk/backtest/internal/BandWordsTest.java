package settle.risk.backtest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** A band reads as a finance person would say it, in percent, days and whole counts. */
class BandWordsTest {

  @Test
  void sharesReadInPercentDaysInDaysAndCountsAsWholeNumbers() {
    assertThat(FeatureWords.band("lateShare", new BigDecimal("0.4"), new BigDecimal("0.6")))
        .isEqualTo("paid late 40–60% of the time");
    assertThat(FeatureWords.band("lateShare", null, new BigDecimal("0.19"))).isEqualTo("paid late less than 19% of the time");
    assertThat(FeatureWords.band("daysLateMean", new BigDecimal("14"), null)).isEqualTo("paid 14 or more days late on average");
    assertThat(FeatureWords.band("daysLateMean", null, BigDecimal.ONE)).isEqualTo("paid less than 1 day late on average");
    // counts: "below 3" is 0 to 2, a band of one value is that value
    assertThat(FeatureWords.band("overdueNow", null, new BigDecimal("3"))).isEqualTo("0–2 invoices overdue now");
    assertThat(FeatureWords.band("settledCount", BigDecimal.ONE, new BigDecimal("2"))).isEqualTo("1 invoice paid so far");
    assertThat(FeatureWords.band("volumeChange", new BigDecimal("-0.4"), new BigDecimal("0.01")))
        .isEqualTo("invoiced −40% to +1% against the 90 days before");
  }

  @Test
  void cutOffsAreRoundedToWholePercentOrWholeDays() {
    assertThat(FeatureWords.cutOff("lateShare", 0.3333)).isEqualByComparingTo("0.33");
    assertThat(FeatureWords.cutOff("daysLateMean", 6.6)).isEqualByComparingTo("7");
  }
}
