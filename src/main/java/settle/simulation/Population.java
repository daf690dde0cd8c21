package settle.simulation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import settle.risk.InvoiceFact;

/**
 * The customers of one run and the invoices they will receive, by day of the run (day 0 is the first), so the same
 * population can be laid on any calendar. Generated from the seed, or taken from the history (its customers and
 * invoices, dates counted from its first issue date).
 */
public record Population(List<Customer> customers, int days, LocalDate historyStart) {

  public record Customer(String key, BehaviourModel.Profile profile, List<Invoice> invoices) {}

  /** {@code no} counts the customer's invoices from 1, as {@link Draws#of} does. */
  public record Invoice(int no, int issueDay, int termDays, BigDecimal amount) {}

  /** Invoices a month a customer receives: 0.5 to 2. */
  static final double MIN_RATE = 0.5, MAX_RATE = 2.0;

  /**
   * {@code customers} customers, habits in the model's mix, each with their own invoicing rate and amount level, invoices
   * on the first {@code days} days, net 30. Each customer's numbers come from their own stream of the seed.
   */
  public static Population generate(BehaviourModel model, int customers, int days, long seed) {
    List<Customer> all = new ArrayList<>();
    for (int c = 1; c <= customers; c++) {
      String key = "C%05d".formatted(c);
      SplittableRandom random = Draws.customerStream(seed, key);
      BehaviourModel.Habit habit = model.habitFor(random.nextDouble());
      double perDay = (MIN_RATE + (MAX_RATE - MIN_RATE) * random.nextDouble()) / 30;
      double level = Math.exp(Math.log(1500) + 0.8 * random.nextGaussian());
      List<Invoice> invoices = new ArrayList<>();
      for (int day = 0; day < days; day++) {
        if (random.nextDouble() < perDay) {
          double amount = level * Math.exp(0.3 * random.nextGaussian());
          invoices.add(new Invoice(invoices.size() + 1, day, 30, BigDecimal.valueOf(Math.max(20, amount)).setScale(2, RoundingMode.HALF_UP)));
        }
      }
      all.add(new Customer(key, model.newcomer(key, habit), invoices));
    }
    return new Population(all, days, null);
  }

  /** The history's customers and invoices; the run lasts from its first issue date to the end of its last issue month. */
  public static Population fromHistory(BehaviourModel model, List<InvoiceFact> history) {
    LocalDate start = history.stream().map(InvoiceFact::issued).min(Comparator.naturalOrder()).orElseThrow();
    LocalDate last = history.stream().map(InvoiceFact::issued).max(Comparator.naturalOrder()).orElseThrow();
    LocalDate end = last.withDayOfMonth(last.lengthOfMonth());
    Map<String, List<Invoice>> byCustomer = new LinkedHashMap<>();
    for (InvoiceFact f : history) {
      List<Invoice> invoices = byCustomer.computeIfAbsent(f.customerId(), k -> new ArrayList<>());
      invoices.add(new Invoice(invoices.size() + 1, (int) ChronoUnit.DAYS.between(start, f.issued()),
          (int) ChronoUnit.DAYS.between(f.issued(), f.due()), f.amount().setScale(2, RoundingMode.HALF_UP)));
    }
    List<Customer> all = new ArrayList<>();
    byCustomer.forEach((key, invoices) -> all.add(new Customer(key,
        model.profiles().getOrDefault(key, model.newcomer(key, BehaviourModel.Habit.AVERAGE)), invoices)));
    return new Population(all, (int) ChronoUnit.DAYS.between(start, end) + 1, start);
  }

  /** The customers from {@code from} (inclusive) to {@code to} (exclusive), on the same days. */
  public Population slice(int from, int to) {
    return new Population(customers.subList(from, to), days, historyStart);
  }

  public int invoiceCount() {
    return customers.stream().mapToInt(c -> c.invoices().size()).sum();
  }

  /** The last day an invoice is issued on. */
  public int lastIssueDay() {
    return customers.stream().flatMap(c -> c.invoices().stream()).mapToInt(Invoice::issueDay).max().orElse(0);
  }
}
