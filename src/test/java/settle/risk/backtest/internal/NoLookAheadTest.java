package settle.risk.backtest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import settle.risk.InvoiceFact;
import settle.risk.InvoiceHistoryCsv;

/** What the back-test fits on depends only on what was known on the split day. */
class NoLookAheadTest {

  static final Path SHARED_HISTORY = Path.of("..", "shared", "datasets", "ar-invoices-2012-2013h1.csv");
  static final LocalDate SPLIT = LocalDate.of(2013, 1, 1);

  @Test
  void invoicesFromTheSplitOnChangeNoTrainingFeatureLabelOrFittedPoint() throws Exception {
    List<InvoiceFact> history;
    try (var in = Files.newBufferedReader(SHARED_HISTORY)) {
      history = InvoiceHistoryCsv.read(in);
    }
    List<InvoiceFact> past = history.stream().filter(i -> i.issued().isBefore(SPLIT))
        // what the split day knew: a settlement from that day on had not happened yet
        .map(i -> i.settledBefore(SPLIT) ? i
            : new InvoiceFact(i.customerId(), i.invoiceId(), i.issued(), i.due(), null, i.amount(), i.disputed()))
        .toList();
    // the same customers later: the real later invoices, plus one big late disputed invoice per customer
    List<InvoiceFact> withFuture = new ArrayList<>(history);
    past.stream().map(InvoiceFact::customerId).distinct().forEach(customer -> withFuture.add(new InvoiceFact(customer,
        "future-" + customer, SPLIT, SPLIT.plusDays(30), SPLIT.plusDays(200), new java.math.BigDecimal("99999"), true)));

    List<Sample> known = Sample.of(past, i -> i.issued().isBefore(SPLIT), SPLIT);
    List<Sample> later = Sample.of(withFuture, i -> i.issued().isBefore(SPLIT), SPLIT);
    assertThat(later).hasSameSizeAs(known);
    for (int i = 0; i < known.size(); i++) {
      assertThat(later.get(i).features()).isEqualTo(known.get(i).features());
      assertThat(later.get(i).late()).isEqualTo(known.get(i).late());
      assertThat(later.get(i).daysToSettle()).isEqualTo(known.get(i).daysToSettle());
    }
    // the whole run fits the same scorecard on both, though it has a test part only on the second
    Scorecard fitted = Backtest.run(withFuture, SPLIT).scorecard();
    ScorecardFit.Settings settings = Backtest.run(history, SPLIT).settings();
    assertThat(fitted).isEqualTo(ScorecardFit.fit(known.stream().filter(Sample::labelled).toList(), settings));
  }
}
