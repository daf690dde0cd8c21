package settle.risk.backtest.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import settle.risk.InvoiceFact;
import settle.risk.RiskFeatures;

/**
 * One invoice with its customer's features as of its issue day and what was known about its payment on a later day:
 * {@code late} is null while that is still unknown (open and not yet due), {@code daysToSettle} null until settled.
 */
public record Sample(InvoiceFact invoice, RiskFeatures features, Boolean late, Integer daysToSettle) {

  /**
   * The invoices {@code chosen} picks, each with its features from its customer's earlier invoices in {@code history}
   * and its outcome as known on the morning of {@code knownOn}: paid late once settled after its due date, or once
   * past due while still open; days to settle only once settled.
   */
  public static List<Sample> of(Collection<InvoiceFact> history, Predicate<InvoiceFact> chosen, LocalDate knownOn) {
    Map<String, List<InvoiceFact>> byCustomer = new LinkedHashMap<>();
    history.forEach(i -> byCustomer.computeIfAbsent(i.customerId(), c -> new ArrayList<>()).add(i));
    List<Sample> samples = new ArrayList<>();
    for (InvoiceFact invoice : history) {
      if (!chosen.test(invoice)) {
        continue;
      }
      RiskFeatures features = RiskFeatures.asOf(invoice.issued(), byCustomer.get(invoice.customerId()));
      boolean settled = invoice.settledBefore(knownOn);
      Boolean late = settled ? (Boolean) invoice.paidLate() : invoice.due().isBefore(knownOn) ? Boolean.TRUE : null;
      Integer days = settled ? (Integer) (int) invoice.daysToSettle() : null;
      samples.add(new Sample(invoice, features, late, days));
    }
    samples.sort(Comparator.comparing((Sample s) -> s.invoice().issued()));
    return samples;
  }

  public boolean labelled() {
    return late != null;
  }

  /** A feature by its DMN input name, as a number. */
  public double feature(String name) {
    return ((Number) features.variables().get(name)).doubleValue();
  }
}
