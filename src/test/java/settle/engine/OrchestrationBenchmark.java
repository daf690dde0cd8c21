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
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import settle.invoicing.InvoiceView;
import settle.orders.OrderStatus;
import settle.orders.OrderView;
import settle.testdata.Journeys;
import settle.testdata.Replicas;
import settle.testdata.Replicas.Replica;
import settle.testdata.Staff;

/**
 * Not a test: what Settle's workers cost on top of the engine. One engine, one PostgreSQL and one SMTP server, and Settle
 * replicas on them as on a cluster ({@link Replicas}, with the @SettleTest calendar: every day a business day). First N
 * invoices go through their whole life with the real workers of one replica: order, credit decision, invoice with its
 * PDF and mail, 60 days of reminders on the demo clock, payment, close. Then, on the same engine, the same BPMN files
 * deployed once more with their job types, process ids and message names prefixed {@code bare-} (so Settle's own
 * workers never see them; the DMN tables are the deployed ones), and plain workers that complete each job at once with
 * the variables the gateways and timers read: the bare engine's ceiling for the same path. Last, a second replica joins
 * the first and N more invoices go through both (orders come in through either, as behind a load balancer). Each Settle
 * phase follows an untimed warm-up of a tenth as many invoices on the same replicas. Each phase is driven alike (start all, let the engine come to rest, move the clock 60 days, pay all) and timed from the first
 * order to the last order paid.
 *
 * <p>Run with {@code ./mvnw -B -Pbench verify -Dbench.cash.skip -Dbench.worklist.skip -Dbench.audit.skip
 * -Dbench.metrics.skip -Dbench.simulation.skip}; {@code -Dbench.orchestration.invoices=N} for another size.
 */
public final class OrchestrationBenchmark {

  private static final String BARE = "bare-";
  private static final String USER_TASK = "io.camunda.zeebe:userTask";
  private static final Duration REST = Duration.ofMinutes(10);
  private static final int DAYS = 60;
  private static final long CLOCK_MOVE_MILLIS = 30_000;

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
    try (Replicas replicas = Replicas.start()) {
      Replica a = replicas.replica("replica-a", SETTINGS);
      System.out.printf(Locale.ROOT, "Orchestration benchmark: engine, database and one Settle replica started in %.1f s; %d invoices,"
          + " %d days%n", (System.nanoTime() - t0) / 1e9, invoices, DAYS);
      ZeebeTestEngine engine = replicas.engine;

      // a few invoices first, untimed: the first PDF, mail and SQL of a fresh JVM take seconds, which the bare phase,
      // coming second on a warm engine, would not pay
      warmUp(List.of(a), engine, invoices);
      Phase settle = settlePhase("settle", List.of(a), engine, invoices);
      System.out.println(settle.line());
      Phase bare = barePhase(a.journeys(), engine, a.bean(DemoTime.class), a.bean(CamundaClient.class), invoices);
      System.out.println(bare.line());
      Replica b = replicas.replica("replica-b", SETTINGS);
      warmUp(List.of(a, b), engine, invoices);
      Phase two = settlePhase("2 reps", List.of(a, b), engine, invoices);
      System.out.println(two.line());

      System.out.printf(Locale.ROOT, "REPLICAS one=%.3f two=%.3f growth=%.2f (invoices/s; both replicas on this one machine)%n",
          settle.rate(), two.rate(), two.rate() / settle.rate());
      System.out.printf(Locale.ROOT, "Settle reaches %.0f%% of the bare engine's rate (target: at least 67%%)%n",
          100 * settle.rate() / bare.rate());
      System.out.printf(Locale.ROOT, "ORCHESTRATION settle=%.3f bare=%.3f ratio=%.3f%n", settle.rate(), bare.rate(),
          settle.rate() / bare.rate());
    }
    System.exit(0);
  }

  private static void warmUp(List<Replica> replicas, ZeebeTestEngine engine, int invoices) {
    System.out.println("  warm-up: " + settlePhase("warm", replicas, engine, Math.max(2 * replicas.size(), invoices / 10)).line());
  }

  /** On top of the replicas' own (see {@link Replicas#replica}). */
  private static final String[] SETTINGS = {
      "spring.main.banner-mode=off",
      "logging.level.root=WARN",
      // a hundred invoices' work at once takes longer than the demo clock's usual minute to come to rest here
      "settle.demo-clock.idle-limit=" + REST.toSeconds() + "s"};

  private static Phase settlePhase(String name, List<Replica> replicas, ZeebeTestEngine engine, int count) {
    Journeys journeys = replicas.getFirst().journeys();
    DemoTime time = replicas.getFirst().bean(DemoTime.class);
    // orders come in through each replica in turn, as behind a load balancer
    Function<Integer, Journeys> entry = i -> replicas.get(i % replicas.size()).journeys();
    List<Long> customers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      // a customer each, so no order waits on the others' exposure
      customers.add(entry.apply(i).customer(aCustomer()).id());
    }
    journeys.quiesce();
    Map<String, double[]> handledBefore = handlerSeconds(replicas);
    int from = EngineRecords.all(engine).size();
    resetPeakHeap();
    long started = System.nanoTime();
    List<OrderView> orders = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      orders.add(entry.apply(i).order(anOrderFor(customers.get(i)).worth((500 + i) + ".00")));
    }
    time.awaitIdle(REST);
    for (int i = 0; i < count; i++) {
      OrderView order = orders.get(i);
      if (journeys.orders.get(order.id()).status() == OrderStatus.IN_REVIEW) {
        var review = journeys.awaitOpenTask("order:" + order.id());
        entry.apply(i).inbox.complete(review.id(), Map.of("approved", true, "reason", "Approved for the benchmark"),
            Staff.anyone("analyst"));
      }
    }
    time.awaitIdle(REST);
    for (int i = 0; i < count; i++) {
      entry.apply(i).orders.fulfil(orders.get(i).id(), "benchmark");
    }
    journeys.quiesce();
    progress(name, "invoiced and mailed", started);
    journeys.advanceDays(DAYS);
    progress(name, DAYS + " days of collection", started);
    List<InvoiceView> invoices = orders.stream().map(o -> journeys.orders.get(o.id())).filter(o -> o.invoiceId() != null)
        .map(o -> journeys.invoices.get(o.invoiceId())).toList();
    for (int i = 0; i < invoices.size(); i++) {
      entry.apply(i).pay(invoices.get(i), invoices.get(i).openAmount().toPlainString());
    }
    progress(name, "payments recorded", started);
    journeys.quiesce();
    double seconds = (System.nanoTime() - started) / 1e9;
    int closed = (int) orders.stream().filter(o -> journeys.orders.get(o.id()).status() == OrderStatus.PAID).count();
    Phase phase = figures(name, count, closed, seconds, engine, from, type -> !type.startsWith(BARE));
    System.out.println("         handler time by type (s in all, ms each): " + since(handledBefore, handlerSeconds(replicas)));
    return phase;
  }

  /** Per job type, the seconds the replicas' handlers took in all and how many jobs they handled (settle.job.handling). */
  private static Map<String, double[]> handlerSeconds(List<Replica> replicas) {
    Map<String, double[]> seconds = new HashMap<>();
    for (Replica replica : replicas) {
      for (Timer timer : replica.bean(MeterRegistry.class).find("settle.job.handling").timers()) {
        double[] sum = seconds.computeIfAbsent(timer.getId().getTag("type"), t -> new double[2]);
        sum[0] += timer.totalTime(TimeUnit.SECONDS);
        sum[1] += timer.count();
      }
    }
    return seconds;
  }

  /** The busiest handlers first: "send-invoice 41.2 s / 412 ms". */
  private static String since(Map<String, double[]> before, Map<String, double[]> after) {
    return after.entrySet().stream().map(e -> {
          double[] b = before.getOrDefault(e.getKey(), new double[2]);
          return Map.entry(e.getKey(), new double[] {e.getValue()[0] - b[0], e.getValue()[1] - b[1]});
        }).filter(e -> e.getValue()[1] > 0).sorted((x, y) -> Double.compare(y.getValue()[0], x.getValue()[0]))
        .map(e -> String.format(Locale.ROOT, "%s %.1f s / %.0f ms", e.getKey(), e.getValue()[0], 1000 * e.getValue()[0] / e.getValue()[1]))
        .collect(java.util.stream.Collectors.joining(", "));
  }

  private static Phase barePhase(Journeys journeys, ZeebeTestEngine engine, DemoTime time, CamundaClient client, int count)
      throws IOException {
    Set<String> types = new LinkedHashSet<>();
    // the models an invoice's life runs through: its order, its collection, and the credit review its customer's new
    // rating asks for (paid a month late, a new customer's rating moves from low to high); disputes and cash application
    // it never meets
    client.newDeployResourceCommand()
        .addResourceStringUtf8(bare(Path.of("bpmn", "order-to-cash.bpmn"), types), "bare-order-to-cash.bpmn")
        .addResourceStringUtf8(bare(Path.of("bpmn", "invoice-collection.bpmn"), types), "bare-invoice-collection.bpmn")
        .addResourceStringUtf8(bare(Path.of("bpmn", "credit-review.bpmn"), types), "bare-credit-review.bpmn")
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
      // as Settle asks once the payment moved the customer's rating (one customer per invoice: the same number)
      client.newPublishMessageCommand().messageName(BARE + "credit-review-requested").correlationKey(String.valueOf(invoiceId))
          .variables(Map.of("customerId", invoiceId, "requestedBecause", "Risk rating changed from low to high risk")).send().join();
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
      // what the credit limit policy reads of a customer whose rating has just become high: it keeps the limit
      case "gather-credit-review-facts" -> job -> Map.of("riskRating", "HIGH", "previousRating", "HIGH", "onTimeInRow", 0,
          "lateOver30DaysLast12Months", 0, "limitUtilisation", 0.05, "tenureMonths", 0, "creditLimit", 10000, "currency", "EUR");
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
    // records carry the engine's time, which the demo clock moves: a job a loaded machine held over a move would count
    // the days skipped. The workers' polls write records all the time, so a gap of half a minute is the clock moving,
    // and the moves so far are taken off each timestamp.
    long moved = 0;
    long previous = -1;
    for (Record<?> r : EngineRecords.from(engine, from)) {
      if (previous >= 0 && r.getTimestamp() - previous > CLOCK_MOVE_MILLIS) {
        moved += r.getTimestamp() - previous;
      }
      previous = r.getTimestamp();
      if (r.getRecordType() != RecordType.EVENT || !(r.getValue() instanceof JobRecordValue job)
          || USER_TASK.equals(job.getType()) || !ofPhase.test(job.getType())) {
        continue;
      }
      if (r.getIntent() == JobIntent.CREATED) {
        created.put(r.getKey(), r.getTimestamp() - moved);
      } else if (r.getIntent() == JobIntent.COMPLETED && created.containsKey(r.getKey())) {
        latencies.add(r.getTimestamp() - moved - created.get(r.getKey()));
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
