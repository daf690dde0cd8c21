package settle.risk.backtest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import settle.risk.InvoiceFact;
import settle.risk.InvoiceHistoryCsv;

/** Which features the fitted card may use. */
class ScorecardFitTest {

  @Test
  void countsThatGrowWithTheCalendarAreNotFittedThoughTheyTellEarlyLatePayersApart() throws Exception {
    List<InvoiceFact> history;
    try (var in = Files.newBufferedReader(NoLookAheadTest.SHARED_HISTORY)) {
      history = InvoiceHistoryCsv.read(in);
    }
    LocalDate split = LocalDate.of(2012, 10, 1);
    List<Sample> fitOn = Sample.of(history, i -> i.issued().isBefore(split), split).stream()
        .filter(Sample::labelled).toList();
    Scorecard card = ScorecardFit.fit(fitOn, new ScorecardFit.Settings(5, 1.0));

    assertThat(card.features()).doesNotContainAnyElementsOf(ScorecardFit.NOT_FITTED)
        .contains("daysToSettleRecent");
    // they do carry signal in the training part (new customers pay later), which is why leaving them out is a choice
    boolean[] late = new boolean[fitOn.size()];
    for (int i = 0; i < late.length; i++) {
      late[i] = fitOn.get(i).late();
    }
    assertThat(Metrics.auc(settle.common.Doubles.each(fitOn, s -> -s.feature("settledCount")), late))
        .isGreaterThan(0.55);
  }
}
