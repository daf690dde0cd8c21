package settle.demo.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import settle.collections.CollectionActions;
import settle.collections.CollectionLoops;
import settle.collections.HoldRequest;
import settle.collections.InvoiceCollection;
import settle.collections.PaymentPlanRequest;
import settle.collections.PromiseRequest;
import settle.customers.CustomerDirectory;
import settle.customers.CustomerView;
import settle.customers.NewCustomer;
import settle.disputes.Disputes;
import settle.disputes.RaiseDispute;
import settle.disputes.ReasonCode;
import settle.engine.DemoTime;
import settle.engine.EngineCommands;
import settle.history.ProcessInstances;
import settle.orders.NewOrder;
import settle.orders.OrderStatus;
import settle.orders.OrderView;
import settle.orders.Orders;
import settle.payments.BankStatements;
import settle.payments.CustomerCredit;

/**
 * Embedded mode's demo company: {@link DemoBook}'s 15 months of history written straight into the database, and every
 * invoice still open given a live collection loop in the engine at the step it has reached, so the demo clock moves
 * it on. What happens this morning (disputes raised, promises taken, plans agreed, holds, today's bank statement,
 * orders for the credit analyst and on credit hold) goes through the modules' own services. Loads once: a database
 * that has customers is left alone.
 */
@Component
@ConditionalOnProperty(name = "settle.demo-data", havingValue = "true")
@Order(100)
class DemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);
  static final String ACTOR = "system:demo-data";
  /** Requests to the engine at once while the loops start. */
  private static final int IN_FLIGHT = 32;

  private final CustomerDirectory customers;
  private final Orders orders;
  private final DemoLedger ledger;
  private final EngineCommands engine;
  private final DemoTime demoTime;
  private final Disputes disputes;
  private final CollectionActions collections;
  private final CollectionLoops collectionLoops;
  private final ProcessInstances instances;
  private final CustomerCredit credit;
  private final BankStatements statements;
  private final ObjectMapper json;
  private final Clock clock;
  private final TransactionTemplate transactions;
  private final long seed;

  DemoData(CustomerDirectory customers, Orders orders, DemoLedger ledger, EngineCommands engine, DemoTime demoTime, Disputes disputes,
           CollectionActions collections, CollectionLoops collectionLoops, ProcessInstances instances, CustomerCredit credit,
           BankStatements statements, ObjectMapper json, Clock clock, TransactionTemplate transactions,
           @Value("${settle.demo.seed:20261130}") long seed) {
    this.customers = customers;
    this.orders = orders;
    this.ledger = ledger;
    this.engine = engine;
    this.demoTime = demoTime;
    this.disputes = disputes;
    this.collections = collections;
    this.collectionLoops = collectionLoops;
    this.instances = instances;
    this.credit = credit;
    this.statements = statements;
    this.json = json;
    this.clock = clock;
    this.transactions = transactions;
    this.seed = seed;
  }

  @Override
  public void run(ApplicationArguments args) throws Exception {
    if (!customers.all().isEmpty()) {
      log.info("Customers exist already: the demo company is not loaded again");
      return;
    }
    long started = System.nanoTime();
    DemoBook book = DemoBook.generate(seed, LocalDate.now(clock));
    // one transaction for all: a commit per customer costs more than opening it
    Map<Integer, CustomerView> opened = transactions.execute(tx -> {
      Map<Integer, CustomerView> all = new HashMap<>();
      for (DemoBook.Customer c : book.customers()) {
        all.put(c.no(), customers.open(new NewCustomer(c.name(), c.apEmail(), c.ownerName(), c.ownerEmail(), c.creditLimit(),
            c.currency(), c.riskRating(), c.since(), c.apContactName(), c.apContactPhone(), c.street(), c.postcode(), c.city(),
            c.country(), c.vatId(), c.timeZone(), c.language()), ACTOR));
      }
      return all;
    });
    long customersOpened = System.nanoTime();
    DemoLedger.Policy policy = policy(book);
    log.info("Demo company: {} customers opened in {} ms, the tables asked in {} ms", opened.size(), ms(customersOpened - started),
        ms(System.nanoTime() - customersOpened));
    List<DemoLedger.Loop> loops = ledger.write(book, opened, policy);
    long written = System.nanoTime();
    List<DemoLedger.Loop> unanswered = startLoops(loops);
    awaitIdle();
    startLost(unanswered);
    long live = System.nanoTime();
    thisMorning(book, opened, loops);
    log.info("Demo company loaded: {} customers, {} invoices, {} open with their collection loop running"
            + " (history written in {} ms, loops at their step after {} ms, this morning's work after {} ms)",
        book.customers().size(), book.sales().size(), loops.size(), ms(written - started), ms(live - started),
        ms(System.nanoTime() - started));
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000;
  }

  /**
   * What the tables say for this book: each customer's segment, each segment's cadence, each past dispute's team.
   * Asked of the engine, so the history follows the same tables the live loops do.
   */
  private DemoLedger.Policy policy(DemoBook book) throws Exception {
    LocalDate today = book.today();
    Map<Integer, BigDecimal> openBalance = new HashMap<>();
    Map<Integer, Integer> disputesLastYear = new HashMap<>();
    for (DemoBook.Sale s : book.sales()) {
      openBalance.merge(s.customerNo(), s.open(), BigDecimal::add);
      if (s.dispute() != null && s.dispute().raised().isAfter(today.minusDays(365))) {
        disputesLastYear.merge(s.customerNo(), 1, Integer::sum);
      }
    }
    try (ExecutorService pool = Executors.newFixedThreadPool(IN_FLIGHT, Thread.ofVirtual().factory())) {
      Map<Integer, Future<Map<String, Object>>> segments = new HashMap<>();
      for (DemoBook.Customer c : book.customers()) {
        Map<String, Object> inputs = Map.of("riskRating", c.riskRating(),
            "customerOpenBalance", openBalance.getOrDefault(c.no(), BigDecimal.ZERO),
            "tenureDays", ChronoUnit.DAYS.between(c.since(), today), "disputesLast12Months", disputesLastYear.getOrDefault(c.no(), 0));
        segments.put(c.no(), pool.submit(() -> decide("customer-segmentation", inputs)));
      }
      Map<Integer, Map<String, Object>> segmentOf = new HashMap<>();
      for (var e : segments.entrySet()) {
        segmentOf.put(e.getKey(), e.getValue().get());
      }
      Map<String, List<DemoLedger.Step>> cadence = new HashMap<>();
      for (Map<String, Object> segmentation : segmentOf.values()) {
        String segment = (String) segmentation.get("segment");
        if (!cadence.containsKey(segment)) {
          cadence.put(segment, cadence(segmentation));
        }
      }
      Map<DemoBook.Sale, Future<Map<String, Object>>> routing = new LinkedHashMap<>();
      for (DemoBook.Sale s : book.sales()) {
        if (s.dispute() != null && s.dispute().resolved() != null) {
          Map<String, Object> inputs = Map.of("reasonCode", s.dispute().reasonCode(), "disputedAmount", s.dispute().amount(),
              "segmentation", segmentOf.get(s.customerNo()));
          routing.put(s, pool.submit(() -> decide("dispute-routing", inputs)));
        }
      }
      Map<DemoBook.Sale, Map<String, Object>> routed = new HashMap<>();
      for (var e : routing.entrySet()) {
        routed.put(e.getKey(), e.getValue().get());
      }
      return new DemoLedger.Policy(segmentOf, cadence, routed);
    }
  }

  /** The steps of a segment's cadence in order, asked of the table stage by stage until it says NONE. */
  private List<DemoLedger.Step> cadence(Map<String, Object> segmentation) {
    List<DemoLedger.Step> steps = new ArrayList<>();
    for (int stage = 0; stage < 20; stage++) {
      Map<String, Object> next = decide(InvoiceCollection.NEXT_COLLECTION_ACTION,
          Map.of("segmentation", segmentation, "stage", stage, "openAmount", 1000));
      if ("NONE".equals(next.get("action"))) {
        break;
      }
      steps.add(new DemoLedger.Step(stage, (String) next.get("action"), ((Number) next.get("dueOffset")).intValue(),
          (String) next.get("template"), (String) next.get("channel"), (String) next.get("sender"),
          Boolean.TRUE.equals(next.get("headsUp")), Boolean.TRUE.equals(next.get("skipIfLate"))));
    }
    return steps;
  }

  /** Asks the engine (again if its answer did not come: {@link EngineCommands#evaluateDecision}). */
  private Map<String, Object> decide(String decisionId, Map<String, Object> inputs) {
    String output = engine.evaluateDecision(decisionId, inputs).getDecisionOutput();
    try {
      return json.readValue(output, new TypeReference<>() {});
    } catch (Exception e) {
      throw new IllegalStateException(decisionId + " answered " + output, e);
    }
  }

  /**
   * Each open invoice's loop, at most {@value #IN_FLIGHT} at once. A loop whose collector call or escalation is under
   * way starts at that step, so the task is on the worklist; every other starts where its turn comes to rest, planned
   * by the tables and the planner of a live turn ({@link CollectionLoops}), which spares the engine a whole turn each.
   */
  private List<DemoLedger.Loop> startLoops(List<DemoLedger.Loop> loops) throws InterruptedException, ExecutionException {
    CollectionLoops.Answers answers = new CollectionLoops.Answers();
    try (ExecutorService pool = Executors.newFixedThreadPool(IN_FLIGHT, Thread.ofVirtual().factory())) {
      Map<DemoLedger.Loop, Future<?>> started = new LinkedHashMap<>();
      for (DemoLedger.Loop loop : loops) {
        started.put(loop, pool.submit(() -> start(loop, answers)));
      }
      List<DemoLedger.Loop> unanswered = new ArrayList<>();
      for (var e : started.entrySet()) {
        try {
          e.getValue().get();
        } catch (ExecutionException failure) {
          if (!unanswered(failure)) {
            throw failure;
          }
          unanswered.add(e.getKey());
        }
      }
      return unanswered;
    }
  }

  private Object start(DemoLedger.Loop loop, CollectionLoops.Answers answers) {
    if (loop.startAt() == null) {
      return collectionLoops.startAtRest(loop.invoiceId(), (Long) loop.variables().get("orderId"), (Integer) loop.variables().get("stage"),
          answers);
    }
    return engine.call(client -> client.newCreateInstanceCommand().bpmnProcessId(InvoiceCollection.PROCESS_ID)
        .latestVersion().variables(loop.variables()).startBeforeElement(loop.startAt())
        // not retried blindly (a second create would start a second loop), so it may wait as long as a busy engine needs
        .requestTimeout(Duration.ofMinutes(1)).send().join());
  }

  /**
   * The in-memory engine now and then loses the answer to a create, whether or not it carried it out. Once the engine
   * is idle its history says which: a loop it holds stands, one it does not is started again.
   */
  private void startLost(List<DemoLedger.Loop> unanswered) throws InterruptedException, ExecutionException {
    List<DemoLedger.Loop> lost = unanswered.stream().filter(loop -> instances.about("invoice:" + loop.invoiceId()).stream()
        .noneMatch(i -> i.bpmnProcessId().equals(InvoiceCollection.PROCESS_ID))).toList();
    if (!unanswered.isEmpty()) {
      log.warn("The engine did not answer the start of {} collection loop(s); {} of them it had not started, and they start again",
          unanswered.size(), lost.size());
    }
    if (!lost.isEmpty()) {
      if (!startLoops(lost).isEmpty()) {
        throw new IllegalStateException("The engine did not answer the start of collection loops twice");
      }
      awaitIdle();
    }
  }

  private static boolean unanswered(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof io.grpc.StatusRuntimeException s && s.getStatus().getCode() == io.grpc.Status.Code.DEADLINE_EXCEEDED
          || t instanceof io.camunda.client.api.command.ClientStatusException c && c.getStatusCode() == io.grpc.Status.Code.DEADLINE_EXCEEDED) {
        return true;
      }
    }
    return false;
  }

  /** The loops at rest before this morning's work reaches them; a busy engine is waited for, not given up on. */
  private void awaitIdle() {
    for (int attempt = 1; ; attempt++) {
      try {
        demoTime.awaitIdle();
        return;
      } catch (DemoTime.EngineBusyException e) {
        if (attempt == 5) {
          throw e;
        }
        log.info("The engine is still starting the demo company's collection loops; waiting on ({})", e.getMessage());
      }
    }
  }

  /** This morning's work, through the modules' services: what a real AR team's Monday starts with. */
  private void thisMorning(DemoBook book, Map<Integer, CustomerView> opened, List<DemoLedger.Loop> loops) throws Exception {
    LocalDate today = book.today();
    Map<DemoBook.Sale, Long> invoiceOf = new HashMap<>();
    loops.forEach(l -> invoiceOf.put(l.sale(), l.invoiceId()));
    StringBuilder statement = new StringBuilder("date,amount,currency,payer_name,payer_account,remittance,reference\n");
    int line = 0;
    for (DemoBook.Sale s : book.sales()) {
      Long invoiceId = invoiceOf.get(s);
      if (invoiceId == null) {
        continue;
      }
      DemoBook.Customer c = book.customers().get(s.customerNo() - 1);
      String number = ledger.number(invoiceId);
      switch (s.live()) {
        case DISPUTE -> disputes.raise(invoiceId, new RaiseDispute(ReasonCode.valueOf(s.dispute().reasonCode()), s.dispute().amount(),
            s.dispute().description(), s.dispute().raisedBy(), opened.get(c.no()).id()), List.of(), "suki");
        case PROMISE -> collections.promise(invoiceId, new PromiseRequest(weekday(today.plusDays(1 + invoiceId % 8)), s.open(),
            DemoBook.COLLECTORS[(int) (invoiceId % 2)], "PHONE"), "casey", "demo:promise:" + invoiceId);
        case PLAN -> collections.agreePaymentPlan(invoiceId, new PaymentPlanRequest(thirds(s.open(), today), c.apContactName()), "morgan");
        case HOLD -> collections.hold(invoiceId, new HoldRequest(14, "Customer is moving to a new ERP system; "
            + c.apContactName() + " asked us to wait until it is live"), c.ownerEmail().substring(0, c.ownerEmail().indexOf('.')));
        case ON_STATEMENT -> {
          // the last credit line is a short pay, one pays with no invoice number: cash application has work
          BigDecimal amount = ++line == 3 ? s.open().subtract(new BigDecimal("0.40")) : s.open();
          String remittance = line == 5 ? "Payment " + c.name().split(" ")[0] + " " + s.issued().getMonth().toString().toLowerCase()
              : "Invoice " + number;
          if (c.currency().equals("EUR")) {
            statement.append("%s,%s,EUR,%s,,%s,NWB-%s-%03d%n".formatted(today.minusDays(1), amount.toPlainString(),
                csv(c.name()), csv(remittance), today.minusDays(1).toString().replace("-", ""), line));
          }
        }
        default -> { }
      }
    }
    for (int i = 0; i < book.customers().size(); i += 23) {
      DemoBook.Customer c = book.customers().get(i);
      credit.book(opened.get(c.no()).id(), c.currency(), CustomerCredit.Kind.UNAPPLIED_CASH,
          new BigDecimal(150 + (i * 37) % 900 + ".00"), null, "Payment without remittance", "demo:unapplied:" + c.no(), "cara");
    }
    statements.importStatement(statement.toString().getBytes(StandardCharsets.UTF_8),
        "northwind-eur-" + today.minusDays(1) + ".csv", "CSV", "DE89370400440532013000", "cara");
    placeOrders(opened);
  }

  /** Three monthly instalments that add up to what is open. */
  private static List<PaymentPlanRequest.Instalment> thirds(BigDecimal open, LocalDate today) {
    BigDecimal third = open.divide(BigDecimal.valueOf(3), 2, java.math.RoundingMode.DOWN);
    LocalDate first = weekday(today.plusDays(7));
    return List.of(new PaymentPlanRequest.Instalment(first, third),
        new PaymentPlanRequest.Instalment(weekday(first.plusMonths(1)), third),
        new PaymentPlanRequest.Instalment(weekday(first.plusMonths(2)), open.subtract(third).subtract(third)));
  }

  private static String csv(String text) {
    return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }

  private static LocalDate weekday(LocalDate day) {
    return switch (day.getDayOfWeek()) {
      case SATURDAY -> day.plusDays(2);
      case SUNDAY -> day.plusDays(1);
      default -> day;
    };
  }

  /**
   * The four customers the README walks through each place an order that takes a credit path: Acme's and Delta's are
   * approved and shipped (invoiced a moment later), Borealis's waits for a credit analyst, Cobalt's is on credit hold.
   */
  private void placeOrders(Map<Integer, CustomerView> opened) {
    OrderView approved = order(opened.get(1), "Shelving units", "40", "300.00", "5", "NET30", "PO-ACME-1001");
    order(opened.get(2), "Cold-chain sensors", "110", "2200.00", "0", "NET45", "PO-7734");
    order(opened.get(3), "Pallet racking", "30", "300.00", "0", "NET30", null);
    OrderView early = order(opened.get(4), "Sterile supply carts", "8", "600.00", "0", "2/10 NET30", "DC-2291");
    Thread.ofVirtual().name("demo-fulfilment").start(() -> fulfilWhenApproved(List.of(approved.id(), early.id())));
  }

  /** Operations ships the approved demo orders, so their invoices go out a moment after start. */
  private void fulfilWhenApproved(List<Long> orderIds) {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    for (long id : orderIds) {
      while (Instant.now().isBefore(deadline)) {
        if (orders.get(id).status() == OrderStatus.APPROVED) {
          orders.fulfil(id, ACTOR);
          break;
        }
        try {
          Thread.sleep(250);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
    log.info("Demo orders {} fulfilled", orderIds);
  }

  private OrderView order(CustomerView customer, String item, String qty, String price, String discount, String terms, String po) {
    return orders.place(new NewOrder(customer.id(), List.of(new NewOrder.Line(item, new BigDecimal(qty), new BigDecimal(price))),
        new BigDecimal(discount), terms, po), ACTOR);
  }

  static Instant at(LocalDate day, int hour) {
    return day.atStartOfDay(ZoneOffset.UTC).plusHours(hour).toInstant();
  }
}
