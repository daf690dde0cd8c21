package settle.workspace;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import settle.SettleApplication;

/**
 * Not a test: loads the inbox with 10,000 open tasks and measures the worklist page and API as a
 * signed-in collector sees them. Prints latency percentiles. Run with {@code ./mvnw -B -Pbench verify -Dbench.cash.skip}.
 */
public final class WorklistBenchmark {

  private static final int TASKS = 10_000;
  private static final int WARM_UP = 50;
  private static final int REQUESTS = 500;

  public static void main(String[] args) throws Exception {
    ConfigurableApplicationContext app = new SpringApplicationBuilder(SettleApplication.class)
        .properties("server.port=0", "settle.demo-data=false", "logging.level.root=WARN").run();
    try {
      int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
      load(app.getBean(JdbcTemplate.class), app.getBean(settle.customers.CustomerDirectory.class), app.getBean(Clock.class).instant());
      HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
      String base = "http://127.0.0.1:" + port;
      signIn(http, base, "casey", "casey");
      String page = get(http, base + "/work");
      System.out.printf("Worklist with %,d open tasks: the page lists %d rows (the 200 highest priorities), %d naming their customer%n",
          TASKS, page.split("data-task-id=").length - 1, page.split("Benchmark customer ").length - 1);
      report("GET /work (page, 200 rows)", http, base + "/work");
      String basic = "Basic " + java.util.Base64.getEncoder().encodeToString("casey:casey".getBytes(StandardCharsets.UTF_8));
      report("GET /api/tasks/worklist (JSON, 100 rows)", HttpClient.newHttpClient(), base + "/api/tasks/worklist", basic);
      System.out.printf("Peak heap: %d MB%n", peakHeapMb());
    } finally {
      app.close();
    }
    System.exit(0);
  }

  /**
   * Open tasks as the inbox mirrors them from the engine, spread over groups, amounts and ages, each about a real
   * invoice of one of 300 customers, so the page names them as it would in use.
   */
  private static void load(JdbcTemplate jdbc, settle.customers.CustomerDirectory directory, Instant now) {
    Random random = new Random(2026);
    long started = System.nanoTime();
    List<Long> customers = new ArrayList<>();
    for (int c = 0; c < 300; c++) {
      customers.add(directory.open(new settle.customers.NewCustomer("Benchmark customer " + c, "ap" + c + "@bench.example",
          "Owner", "owner@bench.example", new java.math.BigDecimal("100000"), "EUR", "MEDIUM", null), "bench").id());
    }
    String[] groups = {"collectors", "collectors", "collectors", "credit-analysts", "collections-managers", "sales"};
    List<Object[]> invoices = new ArrayList<>();
    List<Object[]> rows = new ArrayList<>();
    java.time.LocalDate today = java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC);
    for (int i = 0; i < TASKS; i++) {
      long id = 9_000_000_000L + i;
      long invoiceId = 8_000_000_000L + i;
      long customerId = customers.get(random.nextInt(customers.size()));
      String group = groups[random.nextInt(groups.length)];
      double amount = 100 + random.nextInt(50_000);
      int daysLate = random.nextInt(90);
      double weight = 1 + random.nextInt(3);
      java.sql.Date due = java.sql.Date.valueOf(today.minusDays(daysLate));
      invoices.add(new Object[] {invoiceId, String.format("INV-BENCH-%06d", i), customerId, invoiceId, amount, amount, amount,
          java.sql.Date.valueOf(today.minusDays(daysLate + 30L)), due, Timestamp.from(now)});
      rows.add(new Object[] {id, "Call customer", "collector-call", "invoice-collection", id, group, "invoice:" + invoiceId,
          "{\"invoiceId\": " + invoiceId + ", \"customerId\": " + customerId + ", \"openAmount\": " + amount
              + ", \"currency\": \"EUR\", \"riskRating\": \"MEDIUM\", \"dueDate\": \"" + due + "\"}",
          "outcome:choice(REACHED|PROMISE)!, notes:text",
          Timestamp.from(now.minus(Duration.ofHours(random.nextInt(24 * 14)))),
          weight * amount * (1 + daysLate / 30.0)});
    }
    jdbc.batchUpdate("""
        insert into invoice(id, number, customer_id, order_id, currency, subtotal, discount_percent, discount_amount, total,
                            open_amount, issue_date, due_date, payment_terms, status, created_at)
        values (?, ?, ?, ?, 'EUR', ?, 0, 0, ?, ?, ?, ?, 'NET30', 'OPEN', ?)""", invoices);
    jdbc.batchUpdate("""
        insert into task(id, name, task_type, bpmn_process_id, process_instance_key, candidate_groups, subject, variables,
                         form, status, created_at, priority)
        values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, 'OPEN', ?, ?)""", rows);
    jdbc.execute("analyze task");
    jdbc.execute("analyze invoice");
    System.out.printf("Loaded %,d open tasks about %,d invoices of %d customers in %d ms%n", TASKS, TASKS, customers.size(),
        (System.nanoTime() - started) / 1_000_000);
  }

  private static void report(String what, HttpClient http, String url, String... authorization) throws Exception {
    for (int i = 0; i < WARM_UP; i++) {
      send(http, url, authorization);
    }
    long[] micros = new long[REQUESTS];
    for (int i = 0; i < REQUESTS; i++) {
      long started = System.nanoTime();
      send(http, url, authorization);
      micros[i] = (System.nanoTime() - started) / 1_000;
    }
    Arrays.sort(micros);
    System.out.printf("%-42s n=%d  p50 %6.1f ms  p90 %6.1f ms  p99 %6.1f ms  max %6.1f ms%n", what, REQUESTS,
        micros[REQUESTS / 2] / 1000.0, micros[REQUESTS * 9 / 10] / 1000.0, micros[REQUESTS * 99 / 100] / 1000.0,
        micros[REQUESTS - 1] / 1000.0);
  }

  private static void send(HttpClient http, String url, String... authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
    if (authorization.length > 0) {
      request.header("Authorization", authorization[0]);
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + response.statusCode());
    }
  }

  private static String get(HttpClient http, String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private static void signIn(HttpClient http, String base, String user, String password) throws Exception {
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get(http, base + "/login"));
    if (!csrf.find()) {
      throw new IllegalStateException("No CSRF token on the sign-in page");
    }
    String form = "username=" + user + "&password=" + password + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 302 || response.headers().firstValue("Location").orElse("").contains("error")) {
      throw new IllegalStateException("Sign-in failed: " + response.statusCode());
    }
  }

  private static long peakHeapMb() {
    return java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP && p.getPeakUsage() != null)
        .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024);
  }
}
