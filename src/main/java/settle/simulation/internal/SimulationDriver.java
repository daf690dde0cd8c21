package settle.simulation.internal;

import io.camunda.client.api.response.ProcessInstanceEvent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import settle.collections.CollectionActions;
import settle.collections.InvoiceCollection;
import settle.collections.PaymentPlanRequest;
import settle.customers.CustomerDirectory;
import settle.customers.CustomerView;
import settle.customers.NewCustomer;
import settle.disputes.Disputes;
import settle.disputes.RaiseDispute;
import settle.disputes.ReasonCode;
import settle.engine.DemoTime;
import settle.engine.EngineCommands;
import settle.invoicing.InvoiceView;
import settle.invoicing.Invoices;
import settle.metrics.Grouping;
import settle.metrics.Metrics;
import settle.metrics.MetricsReport;
import settle.payments.Payments;
import settle.payments.RecordPayment;
import settle.risk.RiskRatings;
import settle.simulation.BehaviourModel;
import settle.simulation.Calibration;
import settle.simulation.Contact;
import settle.simulation.Draws;
import settle.simulation.InvoiceBehaviour;
import settle.simulation.Population;
import settle.simulation.RunFigures;
import settle.staff.StaffDirectory;
import settle.staff.StaffMember;
import settle.tasks.Inbox;
import settle.tasks.TaskView;
import settle.common.Doubles;

/**
 * Drives a simulation inside a Settle context started for it (the {@code settle.simulation.scratch} context: its own
 * engine, database and mailbox). Every run's customers are opened in that ledger with the run's name as their account
 * owner; each day the customers act through Settle's own services (payments, disputes, promises, plans) and the
 * simulated staff complete the tasks the processes opened, then the engine's clock moves a day. In the live
 * application this bean exists but is never called.
 */
@Component
public class SimulationDriver {

  private static final Logger log = LoggerFactory.getLogger(SimulationDriver.class);
  static final String ACTOR = "system:simulation";
  static final String CURRENCY = "EUR";
  /** Where the simulated customers' AP contacts sit: their steps go out at the send hour of this zone's days. */
  static final java.time.ZoneId CUSTOMERS_ZONE = java.time.ZoneId.of("Europe/Berlin");
  /**
   * The simulated morning, when customers act and staff work, before the day's steps go out at the send hour (09:00):
   * the clock moves from morning to morning, so a step is taken on its own day whatever the hour the run was started.
   */
  private static final java.time.LocalTime MORNING = java.time.LocalTime.of(6, 0);
  /** A simulated day may bring thousands of steps, and nobody waits on a page for it. */
  private static final Duration DAY_LIMIT = Duration.ofMinutes(10);
  /** Half a second apart: a minute for the client to reach a fresh engine. */
  private static final int RECONNECT_ATTEMPTS = 120;

  /** Minutes a person spends on each task, by the task's name (docs/simulation.md). */
  static final Map<String, Integer> MINUTES_PER_TASK = Map.of(
      "Call customer", 10, "Follow up broken promise", 10, "Call customer about missed instalment", 10,
      "Decide escalation", 15, "Handle missed instalment", 15, "Follow up hand-over", 15,
      "Investigate dispute", 45, "Investigate escalated dispute", 45, "Review the credit", 20, "Approve credit", 10);

  private final JdbcTemplate jdbc;
  private final CustomerDirectory customers;
  private final EngineCommands engine;
  private final DemoTime demoTime;
  private final Clock clock;
  private final Payments payments;
  private final Disputes disputes;
  private final Inbox inbox;
  private final StaffDirectory staff;
  private final CollectionActions collections;
  private final Invoices invoices;
  private final Metrics metrics;
  private final settle.engine.ModelDeployments deployments;
  private final RiskRatings ratings;

  SimulationDriver(JdbcTemplate jdbc, CustomerDirectory customers, EngineCommands engine, DemoTime demoTime, Clock clock,
                   Payments payments, Disputes disputes, Inbox inbox, StaffDirectory staff, CollectionActions collections,
                   Invoices invoices, Metrics metrics, settle.engine.ModelDeployments deployments, RiskRatings ratings) {
    this.jdbc = jdbc;
    this.customers = customers;
    this.engine = engine;
    this.demoTime = demoTime;
    this.clock = clock;
    this.payments = payments;
    this.disputes = disputes;
    this.inbox = inbox;
    this.staff = staff;
    this.collections = collections;
    this.invoices = invoices;
    this.metrics = metrics;
    this.deployments = deployments;
    this.ratings = ratings;
  }

  /**
   * A fresh engine for the next batch of customers (or the next policy), its clock on the morning of {@code start}, the
   * first day of the run, so every batch meets the same days; then the policy's models (a folder of {@code bpmn/} and
   * {@code dmn/}, null for the jar's) are deployed to it. What the earlier batches wrote stays in the ledger.
   */
  public void freshEngine(LocalDate start, java.nio.file.Path policy) {
    demoTime.freshEngine(start.atTime(MORNING).atZone(CUSTOMERS_ZONE).toInstant());
    String location = policy == null ? settle.engine.ProcessResources.IN_THE_JAR : policy.toAbsolutePath().toUri().toString();
    List<settle.engine.ModelDeployments.ModelFile> files = settle.engine.ProcessResources.all(location).stream().map(r -> {
      try (var in = r.getInputStream()) {
        return new settle.engine.ModelDeployments.ModelFile(r.getFilename(), in.readAllBytes());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }).toList();
    // the client finds the new engine at the old address once its connection has been made again: until then a call
    // fails as unavailable
    for (int attempt = 1; ; attempt++) {
      try {
        deployments.deploy(files, ACTOR);
        break;
      } catch (RuntimeException e) {
        if (attempt == RECONNECT_ATTEMPTS) {
          throw e;
        }
        log.debug("The fresh engine did not answer yet ({}); trying again", e.getMessage());
        try {
          Thread.sleep(500);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
    demoTime.awaitIdle(DAY_LIMIT);
  }

  /** One population under the policy deployed in this context, on its seed; its name becomes the account owner. */
  public record Run(String label, long seed, Population population) {}

  /** What the driver reports as it goes: the day done, of how many, and the instances started so far. */
  public interface Progress {
    void day(int done, int of, long instances);
  }

  /** An invoice during the run: its customer's behaviour and what has happened to it. */
  private static final class Live {
    final Run run;
    final Population.Customer customer;
    final Population.Invoice invoice;
    final InvoiceBehaviour behaviour;
    final LocalDate due;
    long id;
    String number;
    long customerId;
    boolean disputeRaised;
    int payments;
    boolean firstPartPaid;
    boolean planProposed;
    boolean planDecided;
    List<PaymentPlanRequest.Instalment> plan;
    boolean settled;

    Live(Run run, Population.Customer customer, Population.Invoice invoice, InvoiceBehaviour behaviour, LocalDate due) {
      this.run = run;
      this.customer = customer;
      this.invoice = invoice;
      this.behaviour = behaviour;
      this.due = due;
    }
  }

  /** The cadence of each habit's customers as the deployed next-collection-action table gives it, stage by stage. */
  public Map<BehaviourModel.Habit, List<Calibration.Step>> cadence() {
    Map<BehaviourModel.Habit, List<Calibration.Step>> cadence = new LinkedHashMap<>();
    for (BehaviourModel.Habit habit : BehaviourModel.Habit.values()) {
      Map<String, Object> segmentation = decide("customer-segmentation", Map.of("riskRating", habit.riskRating(),
          "customerOpenBalance", 5000, "tenureDays", 365, "disputesLast12Months", 0));
      List<Calibration.Step> steps = new ArrayList<>();
      for (int stage = 0; stage < 20; stage++) {
        Map<String, Object> next = decide(InvoiceCollection.NEXT_COLLECTION_ACTION,
            Map.of("segmentation", segmentation, "stage", stage, "openAmount", 1000));
        if ("NONE".equals(next.get("action"))) {
          break;
        }
        Contact contact = Contact.of((String) next.get("action"));
        if (contact != null) {
          steps.add(new Calibration.Step(((Number) next.get("dueOffset")).intValue(), contact));
        }
      }
      cadence.put(habit, steps);
    }
    return cadence;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> decide(String decisionId, Map<String, Object> inputs) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readValue(
          engine.evaluateDecision(decisionId, inputs).getDecisionOutput(), Map.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(decisionId + " answered what is not JSON", e);
    }
  }

  /**
   * Moves the clock to the morning of the first day the runs start on: the history's weekday when the population comes
   * from history (so weekends fall as they did), else tomorrow.
   */
  public LocalDate startDay(LocalDate historyStart) {
    LocalDate today = clock.instant().atZone(CUSTOMERS_ZONE).toLocalDate();
    int ahead = 1;
    if (historyStart != null) {
      DayOfWeek want = historyStart.getDayOfWeek();
      while (today.plusDays(ahead).getDayOfWeek() != want) {
        ahead++;
      }
    }
    for (int i = 0; i < ahead; i++) {
      nextDay();
    }
    return today();
  }

  private LocalDate today() {
    return clock.instant().atZone(CUSTOMERS_ZONE).toLocalDate();
  }

  /**
   * The day's work finished, the clock moves to the next morning and the engine does what falls due on the way. It
   * stops at each timer (DemoTime.advance), so a step due at the send hour is taken at that hour of its own day: moved a
   * whole day at once, the clock was past the day when the engine saw the timer, and the step went out a day late or,
   * when the table skips a step whose day has passed, not at all. Many days to go, so it may take long.
   */
  private void nextDay() {
    Instant now = clock.instant();
    Instant nextMorning = now.atZone(CUSTOMERS_ZONE).toLocalDate().plusDays(1).atTime(MORNING).atZone(CUSTOMERS_ZONE).toInstant();
    // advance waits for the engine to rest before it moves and after each stop (settle.demo-clock.idle-limit, 10 minutes
    // in a simulation's Settle): a wait of our own around it would only add two quiet spells a day
    demoTime.advance(Duration.between(now, nextMorning));
  }

  /** All runs side by side on the same days, then their figures in the order given. */
  public List<RunFigures> simulate(List<Run> runs, BehaviourModel model, LocalDate start, Progress progress) {
    StaffMember collector = staff.get("casey");
    StaffMember manager = staff.get("morgan");
    StaffMember teams = staff.get("demo");
    int days = runs.stream().mapToInt(r -> r.population().days()).max().orElse(0);
    Map<Integer, List<Live>> issuedOn = new HashMap<>();
    for (Run run : runs) {
      Map<String, CustomerView> opened = open(run, start, run.population().days(), manager);
      for (Population.Customer c : run.population().customers()) {
        for (Population.Invoice i : c.invoices()) {
          LocalDate issued = start.plusDays(i.issueDay());
          LocalDate due = issued.plusDays(i.termDays());
          Live live = new Live(run, c, i, new InvoiceBehaviour(model, c.profile(), Draws.of(run.seed(), c.key(), i.no()), due), due);
          live.customerId = opened.get(c.key()).id();
          issuedOn.computeIfAbsent(i.issueDay(), d -> new ArrayList<>()).add(live);
        }
      }
    }
    Map<Long, Live> byInvoice = new HashMap<>();
    Map<Long, Live> byDispute = new HashMap<>();
    Instant lastLook = clock.instant();
    long instances = 0;
    for (int day = 0; day < days; day++) {
      LocalDate today = today();
      List<Live> fresh = issuedOn.getOrDefault(day, List.of());
      issue(fresh, today);
      fresh.forEach(l -> byInvoice.put(l.id, l));
      instances += fresh.size();
      Instant now = clock.instant();
      contacts(byInvoice, lastLook);
      lastLook = now;
      tasks(byInvoice, byDispute, today, model, collector, manager, teams);
      for (Live live : byInvoice.values()) {
        if (!live.settled) {
          act(live, today, model, byDispute);
        }
      }
      nextDay();
      progress.day(day + 1, days, instances + byDispute.size());
    }
    LocalDate end = start.plusDays(days - 1);
    return runs.stream().map(r -> figures(r, start, end)).toList();
  }

  /**
   * The run's customers, each rated by their habit for the whole run. The rating is set as an override: the risk
   * scorecard would otherwise rate them anew after their first payment from the scratch ledger, which holds none of the
   * history their habit comes from, and the cadence they meet would no longer be the one the behaviour was calibrated
   * under.
   */
  private Map<String, CustomerView> open(Run run, LocalDate start, int days, StaffMember rater) {
    Map<String, CustomerView> opened = new HashMap<>();
    String owner = run.label();
    String ownerMail = owner.toLowerCase().replaceAll("[^a-z0-9]+", "-") + "@simulation.example";
    for (Population.Customer c : run.population().customers()) {
      String slug = (owner + "-" + c.key()).toLowerCase().replaceAll("[^a-z0-9]+", "-");
      String rating = c.profile().habit().riskRating();
      // a year's tenure, so the segmentation table reads the habit's rating as it would for an established customer
      CustomerView customer = customers.open(new NewCustomer("Customer " + c.key(), "ap-" + slug + "@customers.simulation.example",
          owner, ownerMail, new BigDecimal("10000000"), CURRENCY, rating, start.minusDays(365), null, null, null, null, null, "DE", null,
          CUSTOMERS_ZONE.getId(), null), ACTOR);
      ratings.override(customer.id(), new RiskRatings.RatingOverride(rating, "Simulation: the rating of the customer's payment habit"
          + " (" + c.profile().habit() + "), held for the run", start.plusDays(days + 1L)), rater);
      opened.put(c.key(), customer);
    }
    return opened;
  }

  /** The day's invoices written as issued (with the order they come from) and each one's collection loop started. */
  private void issue(List<Live> fresh, LocalDate today) {
    if (fresh.isEmpty()) {
      return;
    }
    Timestamp at = Timestamp.from(today.atTime(7, 0).toInstant(ZoneOffset.UTC));
    for (Live l : fresh) {
      BigDecimal amount = l.invoice.amount();
      String terms = "NET" + l.invoice.termDays();
      long orderId = jdbc.queryForObject("insert into sales_order(customer_id, status, currency, subtotal, discount_percent, total,"
          + " payment_terms, created_at) values (?, 'INVOICED', ?, ?, 0, ?, ?, ?) returning id", Long.class,
          l.customerId, CURRENCY, amount, amount, terms, at);
      l.id = jdbc.queryForObject("select nextval('invoice_id_seq')", Long.class);
      l.number = "INV-%d-%06d".formatted(today.getYear(), l.id);
      jdbc.update("insert into invoice(id, number, customer_id, order_id, currency, subtotal, discount_percent, discount_amount,"
              + " total, open_amount, issue_date, due_date, payment_terms, status, created_at)"
              + " values (?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?, ?, 'OPEN', ?)",
          l.id, l.number, l.customerId, orderId, CURRENCY, amount, amount, amount, Date.valueOf(today), Date.valueOf(l.due), terms, at);
      jdbc.update("update sales_order set invoice_id = ? where id = ?", l.id, orderId);
      jdbc.update("insert into invoice_line(invoice_id, line_no, description, quantity, unit_price, amount) values (?, 1, ?, 1, ?, ?)",
          l.id, "Goods as ordered", amount, amount);
    }
    List<CompletableFuture<ProcessInstanceEvent>> pending = new ArrayList<>();
    for (Live l : fresh) {
      pending.add(engine.call(client -> client.newCreateInstanceCommand().bpmnProcessId(InvoiceCollection.PROCESS_ID)
          .latestVersion().variables(Map.of("invoiceId", l.id, "customerId", l.customerId, "stage", 0))
          .requestTimeout(Duration.ofMinutes(3)).send().toCompletableFuture()));
      if (pending.size() >= 64) {
        pending.forEach(CompletableFuture::join);
        pending.clear();
      }
    }
    pending.forEach(CompletableFuture::join);
  }

  /** Reminders and final notices sent since the last look reach their customers. */
  private void contacts(Map<Long, Live> byInvoice, Instant since) {
    jdbc.query("select invoice_id, action, performed_at from dunning_step where status = 'SENT' and performed_at >= ?"
            + " order by performed_at, id", rs -> {
          Live l = byInvoice.get(rs.getLong(1));
          Contact contact = Contact.of(rs.getString(2));
          if (l != null && contact != null && contact != Contact.CALL && !l.settled) {
            l.behaviour.contacted(contact, rs.getTimestamp(3).toInstant().atZone(CUSTOMERS_ZONE).toLocalDate());
          }
        }, Timestamp.from(since));
  }

  /** The simulated staff work every open task of the runs' invoices. */
  private void tasks(Map<Long, Live> byInvoice, Map<Long, Live> byDispute, LocalDate today, BehaviourModel model,
                     StaffMember collector, StaffMember manager, StaffMember teams) {
    // an earlier batch's tasks stay open in the shared ledger after its engine has gone: only this batch's are worked
    Map<Long, Live> open = new LinkedHashMap<>();
    jdbc.query("select id, subject from task where status = 'OPEN' order by id", rs -> {
      String subject = rs.getString(2) == null ? "" : rs.getString(2);
      Live l = subject.startsWith("invoice:") ? byInvoice.get(Long.parseLong(subject.substring(8)))
          : subject.startsWith("dispute:") ? byDispute.get(Long.parseLong(subject.substring(8))) : null;
      if (l != null) {
        open.put(rs.getLong(1), l);
      }
    });
    for (Map.Entry<Long, Live> entry : open.entrySet()) {
      long id = entry.getKey();
      Live l = entry.getValue();
      TaskView task = inbox.get(id);
      Map<String, Object> form = new LinkedHashMap<>();
      StaffMember who = collector;
      switch (task.name()) {
        case "Call customer", "Follow up broken promise" -> {
          InvoiceBehaviour.CallOutcome heard = l.behaviour.called(today);
          BigDecimal promisable = disputes.undisputedOpenAmount(invoices.get(l.id));
          // nothing undisputed to promise: the customer was reached, the dispute is the answer
          form.put("outcome", heard.promised() != null && promisable.signum() <= 0 ? "REACHED" : heard.outcome());
          if (heard.promised() != null && promisable.signum() > 0) {
            form.put("promiseDate", heard.promised().toString());
            form.put("promiseAmount", promisable);
          }
        }
        case "Call customer about missed instalment" -> form.put("outcome", model.picksUp(l.behaviour.draws()) ? "REACHED" : "NO_ANSWER");
        case "Decide escalation" -> {
          who = manager;
          String decision = model.managerDecides(l.behaviour.draws());
          form.put("handoff", decision);
          if (decision.equals("PAYMENT_PLAN")) {
            form.put("planInstalments", "3");
            l.planProposed = true;
          }
          form.put("notes", "Simulated collections manager");
        }
        case "Handle missed instalment" -> {
          who = manager;
          form.put("decision", "CALL_CUSTOMER");
        }
        case "Follow up hand-over" -> {
          who = manager;
          form.put("notes", "Simulated follow-up");
        }
        case "Investigate dispute", "Investigate escalated dispute", "Review the credit" -> {
          who = teams;
          if (task.createdAt().atZone(CUSTOMERS_ZONE).toLocalDate().plusDays(model.investigationDays(l.behaviour.draws())).isAfter(today)) {
            continue;
          }
          boolean credit = model.disputeEndsInCreditMemo(l.behaviour.draws()) && task.variables().get("amount") != null;
          form.put("outcome", credit ? "CREDIT_MEMO" : "REJECTED");
          if (credit) {
            form.put("creditAmount", task.variables().get("amount"));
          }
          form.put("rootCause", credit ? "Simulated: the customer was right" : "Simulated: invoice correct");
          form.put("notes", "Simulated investigation");
        }
        case "Approve credit" -> {
          who = manager;
          form.put("approved", true);
        }
        default -> {
          continue;
        }
      }
      try {
        inbox.complete(id, form, who);
      } catch (RuntimeException e) {
        log.debug("Task {} ({}) not completed: {}", id, task.name(), e.getMessage());
      }
    }
  }

  /** What the customer of one open invoice does today: dispute, accept a plan, pay (in full, in parts or by instalment). */
  private void act(Live l, LocalDate today, BehaviourModel model, Map<Long, Live> byDispute) {
    Draws draws = l.behaviour.draws();
    if (l.behaviour.disputes() && !l.disputeRaised && !today.isBefore(l.behaviour.disputeDate())) {
      l.disputeRaised = true;
      InvoiceView invoice = invoices.get(l.id);
      ReasonCode reason = model.reason(draws);
      BigDecimal amount = invoice.openAmount().multiply(BigDecimal.valueOf(model.disputedShare(reason, draws)))
          .setScale(2, RoundingMode.DOWN);
      if (amount.signum() > 0) {
        try {
          long disputeId = disputes.raise(l.id, new RaiseDispute(reason, amount, "Simulated dispute", "AP team", l.customerId),
              List.of(), ACTOR).id();
          byDispute.put(disputeId, l);
        } catch (RuntimeException e) {
          log.debug("Dispute on {} not raised: {}", l.number, e.getMessage());
        }
      }
    }
    if (l.planProposed && !l.planDecided) {
      l.planDecided = true;
      if (model.acceptsPlan(draws)) {
        agreePlan(l, today);
      }
    }
    if (l.plan != null) {
      for (PaymentPlanRequest.Instalment due : l.plan) {
        if (due.date().equals(today)) {
          pay(l, due.amount(), today);
        }
      }
      return;
    }
    LocalDate firstPart = l.behaviour.firstPartDate();
    // the first part on its own day only: a contact that brings the customer's day nearer than the days between the
    // parts moves the first part's day into the past, and the customer then pays all of it on the new day, not part of
    // it at once on the contact's day
    boolean firstPartToday = firstPart != null && !l.firstPartPaid && today.equals(firstPart);
    if (today.isBefore(l.behaviour.payDate()) && !firstPartToday) {
      return;
    }
    InvoiceView invoice = invoices.get(l.id);
    if (invoice.openAmount().signum() == 0) { // credited in full
      l.settled = true;
      return;
    }
    BigDecimal payable = disputes.undisputedOpenAmount(invoice);
    if (today.isBefore(l.behaviour.payDate())) {
      // the first of two parts; the rest comes on the customer's day, which settles the invoice
      l.firstPartPaid = true;
      payable = payable.multiply(BigDecimal.valueOf(model.firstPartShare(draws))).setScale(2, RoundingMode.DOWN);
    }
    pay(l, payable, today);
  }

  private void agreePlan(Live l, LocalDate today) {
    InvoiceView invoice = invoices.get(l.id);
    BigDecimal due = disputes.undisputedOpenAmount(invoice);
    BigDecimal each = due.divide(BigDecimal.valueOf(3), 2, RoundingMode.DOWN);
    List<PaymentPlanRequest.Instalment> plan = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      plan.add(new PaymentPlanRequest.Instalment(today.plusMonths(i), i < 3 ? each : due.subtract(each.multiply(BigDecimal.TWO))));
    }
    try {
      collections.agreePaymentPlan(l.id, new PaymentPlanRequest(plan, "AP team"), ACTOR);
      l.plan = plan;
    } catch (RuntimeException e) {
      log.debug("Plan on {} not agreed: {}", l.number, e.getMessage());
    }
  }

  private void pay(Live l, BigDecimal amount, LocalDate today) {
    if (amount.signum() <= 0) {
      return;
    }
    try {
      var paid = payments.record(new RecordPayment(l.number, amount, today, "SIM-" + l.id + "-" + (++l.payments), CURRENCY), ACTOR);
      if (paid.invoiceOpenAmount().signum() == 0) {
        l.settled = true;
      }
    } catch (RuntimeException e) {
      log.debug("Payment on {} not recorded: {}", l.number, e.getMessage());
    }
  }

  /** The run's figures from the scratch ledger, DSO, countback, CEI and promise-kept rate by settle.metrics. */
  public RunFigures figures(Run run, LocalDate from, LocalDate to) {
    String owner = run.label();
    MetricsReport report = metrics.by(Grouping.OWNER, CURRENCY, from, to).stream()
        .filter(r -> owner.equals(r.group())).findFirst().orElse(null);
    List<BigDecimal> monthly = new ArrayList<>();
    for (LocalDate m = from.withDayOfMonth(1).plusMonths(from.getDayOfMonth() == 1 ? 0 : 1);
         !m.plusMonths(1).minusDays(1).isAfter(to); m = m.plusMonths(1)) {
      LocalDate first = m;
      monthly.add(metrics.by(Grouping.OWNER, CURRENCY, first, first.plusMonths(1).minusDays(1)).stream()
          .filter(r -> owner.equals(r.group())).map(MetricsReport::dso).findFirst().orElse(null));
    }
    String ofRun = " join customer c on c.id = i.customer_id where c.account_owner_name = ?";
    int invoiceCount = count("select count(*) from invoice i" + ofRun, owner);
    Double late = jdbc.queryForObject("""
        select avg(case when coalesce((select max(p.value_date) from payment p where p.invoice_id = i.id and i.open_amount = 0), ?)
                             > i.due_date then 1.0 else 0.0 end)
        from invoice i join customer c on c.id = i.customer_id where c.account_owner_name = ? and i.due_date < ?""",
        Double.class, Date.valueOf(to.plusDays(1)), owner, Date.valueOf(to));
    List<BigDecimal> weekly = new ArrayList<>();
    for (LocalDate w = from; !w.isAfter(to); w = w.plusDays(7)) {
      weekly.add(jdbc.queryForObject("select coalesce(sum(p.amount), 0) from payment p join invoice i on i.id = p.invoice_id"
          + " join customer c on c.id = i.customer_id where c.account_owner_name = ? and p.value_date between ? and ?",
          BigDecimal.class, owner, Date.valueOf(w), Date.valueOf(w.plusDays(6).isAfter(to) ? to : w.plusDays(6))));
    }
    long mails = count("select count(*) from mail_outbox m join customer c on c.ap_email = m.to_address where c.account_owner_name = ?", owner);
    String tasksOfRun = """
        select t.name, count(*) from task t
        where t.subject in (select 'invoice:' || i.id from invoice i join customer c on c.id = i.customer_id where c.account_owner_name = ?)
           or t.subject in (select 'dispute:' || d.id from dispute d join customer c on c.id = d.customer_id where c.account_owner_name = ?)
        group by t.name""";
    Map<String, Long> tasks = new HashMap<>();
    jdbc.query(tasksOfRun, rs -> {
      tasks.put(rs.getString(1), rs.getLong(2));
    }, owner, owner);
    long calls = tasks.entrySet().stream().filter(e -> e.getKey().startsWith("Call customer") || e.getKey().equals("Follow up broken promise"))
        .mapToLong(Map.Entry::getValue).sum();
    double minutes = Doubles.sum(tasks.entrySet(), e -> MINUTES_PER_TASK.getOrDefault(e.getKey(), 10) * e.getValue());
    long disputeCount = count("select count(*) from dispute d join customer c on c.id = d.customer_id where c.account_owner_name = ?", owner);
    long holds = count("select count(*) from collection_hold h join invoice i on i.id = h.invoice_id" + ofRun, owner);
    long handedOver = count("select count(*) from invoice i" + ofRun + " and i.status in ('WITH_AGENCY', 'WITH_LEGAL')", owner);
    BigDecimal writtenOff = jdbc.queryForObject("select coalesce(sum(w.amount), 0) from invoice_write_off w join invoice i on i.id = w.invoice_id"
        + ofRun, BigDecimal.class, owner);
    long promises = count("select count(*) from promise_to_pay p join invoice i on i.id = p.invoice_id" + ofRun, owner);
    return new RunFigures(owner, run.seed(), from, to, run.population().customers().size(), invoiceCount,
        report == null ? null : report.dso(), report == null ? null : report.dsoCountback(), report == null ? null : report.cei(),
        report == null ? null : report.promiseKeptRate(), late == null ? 0 : late, monthly, weekly, mails, calls,
        tasks.values().stream().mapToLong(Long::longValue).sum(), minutes / 60, disputeCount, holds,
        tasks.getOrDefault("Decide escalation", 0L), handedOver, writtenOff, promises, fingerprint(owner, from));
  }

  private int count(String sql, String owner) {
    return jdbc.queryForObject(sql, Integer.class, owner);
  }

  /** A digest of the run's population as the ledger holds it: customers, their ratings, and their invoices' days and amounts. */
  private String fingerprint(String owner, LocalDate from) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      jdbc.query("""
          select c.name, c.risk_rating, i.issue_date - cast(? as date), i.due_date - i.issue_date, i.total
          from invoice i join customer c on c.id = i.customer_id where c.account_owner_name = ? order by c.name, i.issue_date, i.total""",
          rs -> {
            digest.update((rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getInt(3) + "|" + rs.getInt(4) + "|"
                + rs.getBigDecimal(5).stripTrailingZeros().toPlainString() + "\n").getBytes(StandardCharsets.UTF_8));
          }, Date.valueOf(from), owner);
      return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The history as it happened, written into the scratch ledger under its own account owner (no process runs for it),
   * so settle.metrics computes its figures exactly as it does the simulation's.
   */
  public void writeHistory(String owner, List<settle.risk.InvoiceFact> history, LocalDate historyStart, LocalDate start) {
    long shift = ChronoUnit.DAYS.between(historyStart, start);
    Map<String, Long> ids = new HashMap<>();
    Consumer<String> openCustomer = key -> ids.computeIfAbsent(key, k -> customers.open(new NewCustomer("History " + k,
        "history-" + k.toLowerCase().replaceAll("[^a-z0-9]+", "-") + "@history.simulation.example", owner,
        "history@simulation.example", new BigDecimal("10000000"), CURRENCY, "MEDIUM", start.minusDays(365)), ACTOR).id());
    for (settle.risk.InvoiceFact f : history) {
      openCustomer.accept(f.customerId());
      long customerId = ids.get(f.customerId());
      LocalDate issued = f.issued().plusDays(shift);
      LocalDate due = f.due().plusDays(shift);
      LocalDate settled = f.settled() == null ? null : f.settled().plusDays(shift);
      BigDecimal amount = f.amount().setScale(2, RoundingMode.HALF_UP);
      Timestamp at = Timestamp.from(issued.atTime(7, 0).toInstant(ZoneOffset.UTC));
      long orderId = jdbc.queryForObject("insert into sales_order(customer_id, status, currency, subtotal, discount_percent, total,"
          + " payment_terms, created_at) values (?, 'INVOICED', ?, ?, 0, ?, 'NET30', ?) returning id", Long.class,
          customerId, CURRENCY, amount, amount, at);
      long id = jdbc.queryForObject("select nextval('invoice_id_seq')", Long.class);
      String number = "HIST-" + f.invoiceId();
      jdbc.update("insert into invoice(id, number, customer_id, order_id, currency, subtotal, discount_percent, discount_amount,"
              + " total, open_amount, issue_date, due_date, payment_terms, status, created_at)"
              + " values (?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?, 'NET30', ?, ?)",
          id, number, customerId, orderId, CURRENCY, amount, amount, settled == null ? amount : BigDecimal.ZERO,
          Date.valueOf(issued), Date.valueOf(due), settled == null ? "OPEN" : "PAID", at);
      if (settled != null) {
        jdbc.update("insert into payment(invoice_id, invoice_number, amount, currency, value_date, reference, received_at)"
            + " values (?, ?, ?, ?, ?, ?, ?)", id, number, amount, CURRENCY, Date.valueOf(settled), "HIST-" + f.invoiceId(),
            Timestamp.from(settled.atTime(12, 0).toInstant(ZoneOffset.UTC)));
      }
    }
  }
}
