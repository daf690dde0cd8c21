package settle.metrics;

import java.io.StringReader;
import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import settle.SettleApplication;

/**
 * Not a test: fills the ledger with a million invoices over three years (payments, part payments, disputes with credit
 * memos, promises) through PostgreSQL COPY, then times the reports' figures for a month (whole currency: 20 runs; split by
 * segment: 5) and the 13-week forecast (20 runs), beside a plain {@code select count(*), sum(open_amount)} over the same table. Run with
 * {@code ./mvnw -B -Pbench verify -Dbench.cash.skip -Dbench.worklist.skip -Dbench.audit.skip -Dbench.metrics.skip=false};
 * {@code -Dbench.metrics.invoices=N} loads fewer.
 */
public final class MetricsBenchmark {

  private static final int RUNS = 20;

  public static void main(String[] args) throws Exception {
    int invoices = Integer.getInteger("bench.metrics.invoices", 1_000_000);
    ConfigurableApplicationContext app = new SpringApplicationBuilder(SettleApplication.class)
        .properties("server.port=0", "settle.demo-data=false", "logging.level.root=WARN").run();
    try {
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      LocalDate today = LocalDate.now(app.getBean(Clock.class));
      long started = System.nanoTime();
      new Generator(jdbc, app.getBean(DataSource.class),
          app.getBean(org.flywaydb.core.Flyway.class).getConfiguration().getDataSource(), today, invoices).run();
      System.out.printf("Loaded %,d invoices, %,d payments, %,d disputes, %,d promises in %.1f s (COPY)%n", invoices,
          count(jdbc, "payment"), count(jdbc, "dispute"), count(jdbc, "promise_to_pay"), (System.nanoTime() - started) / 1e9);

      Metrics metrics = app.getBean(Metrics.class);
      CashForecast forecast = app.getBean(CashForecast.class);
      LocalDate from = today.withDayOfMonth(1).minusMonths(1), to = from.plusMonths(1).minusDays(1);
      String plain = "select count(*), sum(open_amount) from invoice";
      time(plain, RUNS, () -> jdbc.queryForMap(plain));
      time("aging + DSO + CEI, EUR, " + from.getMonth() + " " + from.getYear(), RUNS, () -> metrics.totals("EUR", from, to));
      time("every figure of GET /api/metrics, EUR, one month", RUNS, () -> metrics.report("EUR", from, to));
      time("every figure of GET /api/metrics?by=segment, EUR, one month", 5, () -> metrics.by(Grouping.SEGMENT, "EUR", from, to));
      time("13-week forecast, EUR", RUNS, () -> forecast.weeks("EUR", today));
      time("13-week forecast + its 4 back-tests (GET /api/forecast)", 5, () -> forecast.forecast("EUR"));
      time(plain + " (again, after)", RUNS, () -> jdbc.queryForMap(plain));
      MetricsReport report = metrics.report("EUR", from, to);
      System.out.printf("Figures: DSO %s, countback %s, best possible %s, CEI %s, open %s EUR; forecast back-test %s%n", report.dso(),
          report.dsoCountback(), report.bestPossibleDso(), report.cei(), report.aging().total(), forecast.forecast("EUR").backtest());
    } finally {
      app.close();
    }
    System.exit(0);
  }

  private static long count(JdbcTemplate jdbc, String table) {
    return jdbc.queryForObject("select count(*) from " + table, Long.class);
  }

  private static void time(String what, int runs, Supplier<?> work) {
    work.get(); // warm caches and plans once
    long[] ms = new long[runs];
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      work.get();
      ms[i] = (System.nanoTime() - t) / 1_000_000;
    }
    Arrays.sort(ms);
    // p99 of 20 runs is the slowest run
    System.out.printf("%-62s p50 %6d ms   p99 %6d ms   (%d runs)%n", what, ms[runs / 2], ms[runs - 1], runs);
  }

  /** A ledger as an ERP would hand it over: each customer pays with their own lateness, some in parts, some dispute. */
  static final class Generator {
    private final JdbcTemplate jdbc;
    private final DataSource data;
    private final LocalDate today;
    private final int invoices;
    private final Random random = new Random(16);

    private final DataSource owner;

    Generator(JdbcTemplate jdbc, DataSource data, DataSource owner, LocalDate today, int invoices) {
      this.owner = owner;
      this.jdbc = jdbc;
      this.data = data;
      this.today = today;
      this.invoices = invoices;
    }

    void run() throws Exception {
      int customers = Math.max(10, invoices / 200);
      List<Object[]> rows = new ArrayList<>();
      for (int c = 0; c < customers; c++) {
        rows.add(new Object[] {"Bench customer " + c, "Owner " + (c % 40)});
      }
      jdbc.batchUpdate("""
          insert into customer(name, ap_email, account_owner_name, account_owner_email, credit_limit, currency, risk_rating,
                               customer_since, created_at) values (?, 'ap@bench.example', ?, 'owner@bench.example', 100000, 'EUR', 'LOW',
                               date '2020-01-01', now())""", rows);
      long firstCustomer = jdbc.queryForObject("select max(id) from customer", Long.class) - customers + 1;
      int[] meanLate = new int[customers];
      for (int c = 0; c < customers; c++) {
        meanLate[c] = random.nextInt(45) - 5;
      }
      // ids reserved from the tables' sequences first, so the application's own inserts meanwhile never collide
      long firstInvoice = reserve("invoice", invoices);
      long firstDispute = reserve("dispute", invoices);
      StringBuilder inv = new StringBuilder(), pay = new StringBuilder(), dis = new StringBuilder(), cn = new StringBuilder(),
          pro = new StringBuilder();
      long disputeId = firstDispute;
      LocalDate start = today.minusYears(3);
      int days = (int) java.time.temporal.ChronoUnit.DAYS.between(start, today);
      try (Connection connection = data.getConnection()) {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        for (int n = 0; n < invoices; n++) {
          long id = firstInvoice + n;
          int c = random.nextInt(customers);
          long customer = firstCustomer + c;
          String currency = random.nextInt(100) < 85 ? "EUR" : "USD";
          LocalDate issued = start.plusDays(random.nextInt(days + 1));
          LocalDate due = issued.plusDays(30);
          long cents = 10_000 + random.nextInt(2_000_000);
          long open = cents;
          LocalDate settles = due.plusDays(Math.max(-20, meanLate[c] + (int) Math.round(random.nextGaussian() * 8)));
          String number = "B" + id;
          int kind = random.nextInt(100);
          boolean inDispute = false;
          if (kind < 3) { // disputed: part credited by a memo when resolved, the rest paid
            long credited = cents / 10;
            LocalDate raised = issued.plusDays(5 + random.nextInt(20));
            LocalDate resolved = raised.plusDays(5 + random.nextInt(40));
            boolean done = resolved.isBefore(today);
            dis.append(disputeId).append('\t').append(id).append('\t').append(customer).append("\tPRICING\t").append(money(credited))
                .append('\t').append(currency).append("\tbench\tbench\t").append(done ? "RESOLVED" : "OPEN").append("\tbilling\t48\t1000\t\t")
                .append(raised).append("T10:00:00Z\t").append(done ? resolved + "T10:00:00Z" : "\\N").append('\t')
                .append(done ? "pricing error" : "\\N").append('\n');
            if (done) {
              cn.append("CREDIT_MEMO\tCM-B").append(disputeId).append('\t').append(id).append('\t').append(disputeId).append('\t')
                  .append(money(credited)).append('\t').append(currency).append("\tbench\t").append(resolved).append('\t')
                  .append(resolved).append("T10:00:00Z\n");
              open -= credited;
              settles = settles.isBefore(resolved) ? resolved.plusDays(3) : settles;
            }
            inDispute = !done;
            disputeId++;
          }
          if (kind >= 3 && kind < 13) { // paid in two parts
            LocalDate part = settles.minusDays(10 + random.nextInt(20));
            if (part.isBefore(today) && part.isAfter(issued)) {
              long first = cents / 2;
              pay.append(id).append('\t').append(number).append('\t').append(money(first)).append('\t').append(currency).append('\t')
                  .append(part).append("\tpart-1\t").append(part).append("T10:00:00Z\n");
              open -= first;
            }
          }
          if (kind >= 13 && kind < 15) { // a promise, kept or not
            LocalDate made = due.plusDays(5);
            if (made.isBefore(today)) {
              pro.append(id).append('\t').append(made.plusDays(7)).append('\t').append(money(open)).append('\t').append(money(open))
                  .append("\tcollector-").append(c % 12).append("\tphone\tbench-").append(id).append("\tACTIVE\t").append(made)
                  .append("T10:00:00Z\n");
            }
          }
          if (!inDispute && settles.isBefore(today) && open > 0) {
            pay.append(id).append('\t').append(number).append('\t').append(money(open)).append('\t').append(currency).append('\t')
                .append(settles).append("\trest\t").append(settles).append("T10:00:00Z\n");
            open = 0;
          }
          inv.append(id).append('\t').append(number).append('\t').append(customer).append('\t').append(-id).append('\t').append(currency)
              .append('\t').append(money(cents)).append("\t0\t0\t").append(money(cents)).append('\t').append(money(open)).append('\t')
              .append(issued).append('\t').append(due).append("\tNET30\t").append(open == 0 ? "PAID" : open < cents ? "PARTIALLY_PAID" : "OPEN")
              .append('\t').append(issued).append("T09:00:00Z\n");
          if ((n + 1) % 50_000 == 0 || n == invoices - 1) {
            copy.copyIn("copy invoice(id, number, customer_id, order_id, currency, subtotal, discount_percent, discount_amount, total,"
                + " open_amount, issue_date, due_date, payment_terms, status, created_at) from stdin", new StringReader(inv.toString()));
            copy.copyIn("copy payment(invoice_id, invoice_number, amount, currency, value_date, reference, received_at) from stdin",
                new StringReader(pay.toString()));
            copy.copyIn("copy dispute(id, invoice_id, customer_id, reason_code, amount, currency, description, raised_by, status, team,"
                + " sla_hours, approval_limit, checklist, created_at, resolved_at, root_cause) from stdin", new StringReader(dis.toString()));
            copy.copyIn("copy credit_note(kind, number, invoice_id, dispute_id, amount, currency, reason, issued_on, created_at) from stdin",
                new StringReader(cn.toString()));
            copy.copyIn("copy promise_to_pay(invoice_id, promised_date, amount, open_at_promise, taken_by, channel, source_key, status,"
                + " created_at) from stdin", new StringReader(pro.toString()));
            for (StringBuilder b : List.of(inv, pay, dis, cn, pro)) {
              b.setLength(0);
            }
          }
        }
      }
      // statistics for the planner, and the visibility map the summaries' index-only scans need (V41; the COPYs filled
      // them through their triggers): only the tables' owner may vacuum them
      for (String table : List.of("customer", "invoice", "payment", "dispute", "credit_note", "promise_to_pay", "invoice_ledger",
          "receivable_day", "receivable_due", "invoice_receivable_day")) {
        new JdbcTemplate(owner).execute("vacuum analyze " + table);
      }
    }

    /** The first of {@code count} ids taken from the table's sequence in one step. */
    private long reserve(String table, int count) {
      return jdbc.queryForObject("select setval(pg_get_serial_sequence(?, 'id'), nextval(pg_get_serial_sequence(?, 'id')) + ?) - ? + 1",
          Long.class, table, table, count, count);
    }

    private static String money(long cents) {
      return java.math.BigDecimal.valueOf(cents, 2).toPlainString();
    }
  }
}
