package settle.engine;

import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import settle.SettleApplication;
import settle.invoicing.InvoiceView;
import settle.orders.OrderStatus;
import settle.orders.OrderView;
import settle.testdata.Journeys;
import settle.testdata.Staff;

/**
 * Not a test: what Settle's workers cost on top of the engine. One Settle in embedded mode (in-memory engine, embedded
 * PostgreSQL, SMTP capture, with the @SettleTest calendar: every day a business day). First N invoices go through their
 * whole life with the real workers: order, credit decision, invoice with its PDF and mail, 60 days of reminders on the
 * demo clock, payment, close. Then, on the same engine, the same BPMN files deployed once more with their job types,
 * process ids and message names prefixed {@code bare-} (so Settle's own workers never see them; the DMN tables are
 * the deployed ones), and plain workers that complete each job at once with the variables the gateways and timers
 * read: the bare engine's ceiling for the same path. Both phases are driven alike (start all, let the engine come to
 * rest, move the clock 60 days, pay all) and timed from the first order to the last order paid.
 *
 * <p>Run with {@code ./mvnw -B -Pbench verify -Dbench.cash.skip -Dbench.worklist.skip -Dbench.audit.skip
 * -Dbench.metrics.skip -Dbench.simulation.skip -Dbench.orchestration.skip=false}; {@code -Dbench.orchestration.invoices=N}
 * for another size.
 */
public final class OrchestrationBenchmark {

  private static final String BARE = "bare-";
  private static final String USER_TASK = "io.camunda.zeebe:userTask";
  private static final Duration REST = Duration.ofMinutes(10);
  private static final int DAYS = 60;

  private OrchestrationBenchmark() {}

  /** One phase's figures. */
  record Phase(String name, int invoices, int closed, double seconds, long jobs, long p50Millis, long p99Millis, long peakHeapBytes,
               Map<String, Long> jobsByType) {
    double rate() {
      return closed / seconds;
    }

    String line() {
      return String.format(Locale.ROOT, "%-6s %d invoices, %d closed in %.1f s: %.3f invoices/s; %d jobs (%.1f per invoice),"
              + " job latency p50 %d ms p99 %d ms; peak heap %d MB",
          name, invoices, closed, seconds, rate(), jobs, jobs / (double) Math.max(1, invoices), p50Millis, p99Millis,
          peakHeapBytes / (1024 * 1024)) + "\n         jobs by type: " + jobsByType;
    }
  }

  public static void main(String[] args) throws Exception {
    int invoices = Integer.getInteger("bench.orchestration.invoices", 100);
    long t0 = System.nanoTime();
    ConfigurableApplicationContext context = new SpringApplicationBuilder(SettleApplication.class).run(arguments());
    System.out.printf(Locale.ROOT, "Orchestration benchmark: Settle in embedded mode started in %.1f s; %d invoices, %d days%n",
        (System.nanoTime() - t0) / 1e9, invoices, DAYS);
    try {
      Journeys journeys = new Journeys(context);
      ZeebeTestEngine engine = context.getBean(ZeebeTestEngine.class);
      DemoTime time = context.getBean(DemoTime.class);
      CamundaClient client = context.getBean(CamundaClient.class);

      Phase settle = settlePhase(journeys, engine, time, invoices);
      System.out.println(settle.line());
      Phase bare = barePhase(journeys, engine, time, client, invoices);
      System.out.println(bare.line());

      System.out.printf(Locale.ROOT, "Settle reaches %.0f%% of the bare engine's rate (target: at least 67%%)%n",
          100 * settle.rate() / bare.rate());
      System.out.printf(Locale.ROOT, "ORCHESTRATION settle=%.3f bare=%.3f ratio=%.3f%n", settle.rate(), bare.rate(),
          settle.rate() / bare.rate());
    } finally {
      context.close();
    }
    System.exit(0);
  }

  private static String[] arguments() {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("settle.embedded", true);
    props.put("settle.demo-data", false);
    props.put("server.port", 0);
    props.put("server.address", "127.0.0.1");
    props.put("spring.main.banner-mode", "off");
    props.put("logging.level.root", "WARN");
    // as @SettleTest: every day a business day, business time from 20:00 UTC, no monthly or daily reviews
    props.put("settle.calendar.weekend", "");
    props.put("settle.calendar.weekends.SA", "");
    props.put("settle.calendar.weekends.EG", "");
    props.put("settle.calendar.public-holidays", false);
    props.put("settle.credit-review.monthly", false);
    props.put("settle.demo-clock.start-hour", 20);
    props.put("settle.risk.daily-rescoring", false);
    // a hundred invoices' work at once takes longer than the demo clock's usual minute to come to rest here
    props.put("settle.demo-clock.idle-limit", REST.toSeconds() + "s");
    return props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
  }

  private static Phase settlePhase(Journeys journeys, ZeebeTestEngine engine, DemoTime time, int count) {
    List<Long> customers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      // a customer each, so no order waits on the others' exposure
      customers.add(journeys.customer(aCustomer()).id());
    }
    journeys.quiesce();
    int from = EngineRecords.all(engine).size();
    resetPeakHeap();
    long started = System.nanoTime();
    List<OrderView> orders = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      orders.add(journeys.order(anOrderFor(customers.get(i)).worth((500 + i) + ".00")));
    }
    time.awaitIdle(REST);
    for (OrderView order : orders) {
      if (journeys.orders.get(order.id()).status() == OrderStatus.IN_REVIEW) {
        var review = journeys.awaitOpenTask("order:" + order.id());
        journeys.inbox.complete(review.id(), Map.of("approved", true, "reason", "Approved for the benchmark"), Staff.anyone("analyst"));
      }
    }
    time.awaitIdle(REST);
    for (OrderView order : orders) {
      journeys.orders.fulfil(order.id(), "benchmark");
    }
    journeys.quiesce();
    progress("settle", "invoiced and mailed", started);
    journeys.advanceDays(DAYS);
    progress("settle", DAYS + " days of collection", started);
    List<InvoiceView> invoices = orders.stream().map(o -> journeys.orders.get(o.id())).filter(o -> o.invoiceId() != null)
        .map(o -> journeys.invoices.get(o.invoiceId())).toList();
    for (InvoiceView invoice : invoices) {
      journeys.pay(invoice, invoice.openAmount().toPlainString());
    }
    journeys.quiesce();
    double seconds = (System.nanoTime() - started) / 1e9;
    int closed = (int) orders.stream().filter(o -> journeys.orders.get(o.id()).status() == OrderStatus.PAID).count();
    return figures("settle", count, closed, seconds, engine, from, type -> !type.startsWith(BARE));
  }

  private static Phase barePhase(Journeys journeys, ZeebeTestEngine engine, DemoTime time, CamundaClient client, int count)
      throws IOException {
    Set<String> types = new LinkedHashSet<>();
    // the two models an invoice's life runs through; the others (disputes, cash application, credit reviews) it never meets
    client.newDeployResourceCommand()
        .addResourceStringUtf8(bare(Path.of("bpmn", "order-to-cash.bpmn"), types), "bare-order-to-cash.bpmn")
        .addResourceStringUtf8(bare(Path.of("bpmn", "invoice-collection.bpmn"), types), "bare-invoice-collection.bpmn")
        .send().join();
    Set<Long> paid = ConcurrentHashMap.newKeySet();
    List<JobWorker> workers = new ArrayList<>();
    for (String type : types) {
      Function<ActivatedJob, Map<String, Object>> answer = noOp(type.substring(BARE.length()), journeys, paid);
      // as Settle's workers are configured (application.yml): 32 jobs at a time, streamed, polled every 100 ms
      workers.add(client.newWorker().jobType(type).handler((jobs, job) -> jobs.newCompleteCommand(job.getKey())
              .variables(answer.apply(job)).send().join())
          .maxJobsActive(32).pollInterval(Duration.ofMillis(100)).streamEnabled(true).open());
    }
    journeys.quiesce();
    int from = EngineRecords.all(engine).size();
    resetPeakHeap();
    long started = System.nanoTime();
    // ids far from Settle's own, as the bare processes' business keys
    long first = 1_000_000_000L;
    for (int i = 0; i < count; i++) {
      long orderId = first + i;
      client.newPublishMessageCommand().messageName(BARE + "order-received").correlationKey(String.valueOf(orderId))
          .variables(Map.of("orderId", orderId, "customerId", orderId, "orderAmount", 500 + i, "currency", "EUR")).send().join();
    }
    time.awaitIdle(REST);
    for (int i = 0; i < count; i++) {
      client.newPublishMessageCommand().messageName(BARE + "order-fulfilled").correlationKey(String.valueOf(first + i))
          .variables(Map.of()).send().join();
    }
    time.awaitIdle(REST);
    progress("bare", "invoiced", started);
    journeys.advanceDays(DAYS);
    progress("bare", DAYS + " days of collection", started);
    for (int i = 0; i < count; i++) {
      long invoiceId = first + i;
      paid.add(invoiceId);
      client.newPublishMessageCommand().messageName(BARE + "payment-received").correlationKey(String.valueOf(invoiceId))
          .variables(Map.of()).send().join();
    }
    time.awaitIdle(REST);
    double seconds = (System.nanoTime() - started) / 1e9;
    int closed = (int) EngineRecords.from(engine, from).stream()
        .filter(r -> r.getRecordType() == RecordType.EVENT && r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
            && r.getValue() instanceof ProcessInstanceRecordValue v && v.getBpmnElementType() == BpmnElementType.PROCESS
            && v.getBpmnProcessId().equals(BARE + "order-to-cash"))
        .count();
    workers.forEach(JobWorker::close);
    return figures("bare", count, closed, seconds, engine, from, type -> type.startsWith(BARE));
  }

  private static void progress(String phase, String step, long started) {
    System.out.printf(Locale.ROOT, "  %s: %s after %.1f s%n", phase, step, (System.nanoTime() - started) / 1e9);
  }

  private static final Pattern TYPE = Pattern.compile("zeebe:taskDefinition type=\"([^\"]+)\"");

  /** The model with its job types, process ids, called processes and message names prefixed, noting the job types. */
  private static String bare(Path file, Set<String> types) throws IOException {
    String xml = Files.readString(file);
    Matcher m = TYPE.matcher(xml);
    while (m.find()) {
      types.add(BARE + m.group(1));
    }
    return xml.replaceAll("zeebe:taskDefinition type=\"", "zeebe:taskDefinition type=\"" + BARE)
        .replaceAll("<process id=\"", "<process id=\"" + BARE)
        .replaceAll("zeebe:calledElement processId=\"", "zeebe:calledElement processId=\"" + BARE)
        .replaceAll("(<message id=\"[^\"]*\" name=\")", "$1" + BARE);
  }

  /**
   * What each job answers without doing anything: the variables the gateways, tables and timers downstream read, so a
   * bare invoice takes the path a real one does (an approved order; the collection table's steps, each at its day;
   * paid once its payment arrives).
   */
  private static Function<ActivatedJob, Map<String, Object>> noOp(String type, Journeys journeys, Set<Long> paid) {
    return switch (type) {
      case "compute-exposure" -> job -> Map.of("riskRating", "LOW", "exposureRatio", 0.1, "maxDaysPastDue", 0, "openBalance", 0,
          "ordersNotInvoiced", 0, "creditBalance", 0, "exposure", job.getVariablesAsMap().get("orderAmount"));
      case "issue-invoice" -> job -> {
        long orderId = ((Number) job.getVariablesAsMap().get("orderId")).longValue();
        return Map.of("invoiceId", orderId, "invoiceNumber", "B-" + orderId, "invoiceTotal", job.getVariablesAsMap().get("orderAmount"),
            "dueDate", journeys.today().plusDays(30).toString());
      };
      case "assess-invoice" -> job -> {
        Map<String, Object> v = job.getVariablesAsMap();
        long invoiceId = ((Number) v.get("invoiceId")).longValue();
        Map<String, Object> out = new HashMap<>();
        out.put("invoiceStatus", paid.contains(invoiceId) ? "PAID" : "OPEN");
        out.put("openAmount", paid.contains(invoiceId) ? 0 : v.get("orderAmount"));
        out.put("riskRating", "LOW");
        out.put("customerOpenBalance", v.get("orderAmount"));
        out.put("tenureDays", 0);
        out.put("disputesLast12Months", 0);
        return out;
      };
      case "plan-collection-step" -> job -> {
        Map<String, Object> v = job.getVariablesAsMap();
        @SuppressWarnings("unchecked") Map<String, Object> next = (Map<String, Object>) v.get("nextAction");
        int stage = ((Number) v.get("stage")).intValue();
        if ("NONE".equals(next.get("action"))) {
          return Map.of("plannedOutcome", "WAIT", "stage", stage);
        }
        LocalDate day = LocalDate.parse((String) v.get("dueDate")).plusDays(((Number) next.get("dueOffset")).intValue());
        Instant now = journeys.clock.instant();
        Instant actionAt = day.atTime(9, 0).toInstant(ZoneOffset.UTC);
        if (Boolean.TRUE.equals(next.get("skipIfLate")) && actionAt.isBefore(now)) {
          return Map.of("plannedOutcome", "SKIPPED", "stage", stage + 1);
        }
        if (actionAt.isBefore(now)) {
          actionAt = now;
        }
        if (Boolean.TRUE.equals(next.get("headsUp"))) {
          Instant headsUpAt = actionAt.minus(Duration.ofHours(24));
          return Map.of("plannedOutcome", "HEADS_UP", "actionAt", actionAt.toString(),
              "headsUpAt", (headsUpAt.isBefore(now) ? now : headsUpAt).toString(), "stage", stage);
        }
        return Map.of("plannedOutcome", "ACT", "actionAt", actionAt.toString(), "stage", stage);
      };
      case "take-collection-step" -> job -> {
        Map<String, Object> v = job.getVariablesAsMap();
        @SuppressWarnings("unchecked") Map<String, Object> next = (Map<String, Object>) v.get("nextAction");
        int stage = ((Number) v.get("stage")).intValue();
        String outcome = !"TASK".equals(next.get("channel")) ? "SENT" : "ESCALATION".equals(next.get("action")) ? "ESCALATE" : "CALL";
        return Map.of("stepOutcome", outcome, "stage", stage + 1);
      };
      default -> job -> Map.of();
    };
  }

  /** Jobs of the phase's types created and completed after record {@code from}: how many, and created → completed. */
  private static Phase figures(String name, int invoices, int closed, double seconds, ZeebeTestEngine engine, int from,
                               java.util.function.Predicate<String> ofPhase) {
    Map<Long, Long> created = new HashMap<>();
    // so a reader can see both phases took the same path
    Map<String, Long> byType = new java.util.TreeMap<>();
    List<Long> latencies = new ArrayList<>();
    for (Record<?> r : EngineRecords.from(engine, from)) {
      if (r.getRecordType() != RecordType.EVENT || !(r.getValue() instanceof JobRecordValue job)
          || USER_TASK.equals(job.getType()) || !ofPhase.test(job.getType())) {
        continue;
      }
      if (r.getIntent() == JobIntent.CREATED) {
        created.put(r.getKey(), r.getTimestamp());
      } else if (r.getIntent() == JobIntent.COMPLETED && created.containsKey(r.getKey())) {
        latencies.add(r.getTimestamp() - created.get(r.getKey()));
        byType.merge(job.getType().startsWith(BARE) ? job.getType().substring(BARE.length()) : job.getType(), 1L, Long::sum);
      }
    }
    latencies.sort(Long::compare);
    return new Phase(name, invoices, closed, seconds, latencies.size(), percentile(latencies, 0.50), percentile(latencies, 0.99),
        peakHeap(), byType);
  }

  private static long percentile(List<Long> sorted, double p) {
    return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
  }

  private static void resetPeakHeap() {
    ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  private static long peakHeap() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP && p.getPeakUsage() != null)
        .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
  }
}
