package settle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;
import static settle.testdata.StatementBuilder.aStatement;

import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.value.JobWorkerValue;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.jobhandling.JobHandlingUtil;
import io.camunda.client.jobhandling.JobWorkerManager;
import io.camunda.client.jobhandling.parameter.ParameterResolverStrategy;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import settle.collections.CollectionActions;
import settle.collections.PaymentPlanRequest;
import settle.collections.PromiseRequest;
import settle.customers.CustomerView;
import settle.disputes.DisputeView;
import settle.disputes.Disputes;
import settle.disputes.RaiseDispute;
import settle.disputes.ReasonCode;
import settle.engine.ProcessResources;
import settle.invoicing.InvoiceView;
import settle.orders.OrderStatus;
import settle.orders.OrderView;
import settle.payments.BankStatements;
import settle.payments.StatementImport;
import settle.tasks.TaskView;
import settle.testdata.Journeys;
import settle.testdata.ProcessHistory;
import settle.testdata.SettleTest;
import settle.testdata.Staff;

/**
 * The engine delivers a job at least once. For every job type, a job that ran in a real process is
 * handed to its worker again, the way the Camunda client hands a job over, and no table gains a row:
 * no second mail, posting, credit, task, engine message or audit entry.
 */
@SettleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkersAreIdempotentTest {

  private static final String USER_TASK = "io.camunda.zeebe:userTask";

  /** Every job type the models and workers know; {@link #driveEveryJobType()} runs each of them at least once. */
  static final List<String> JOB_TYPES = List.of(
      // order-to-cash
      "compute-exposure", "audit-decision", "update-order-status", "notify-credit-hold", "issue-invoice", "send-invoice",
      USER_TASK,
      // invoice-collection
      "assess-invoice", "plan-collection-step", "send-heads-up", "take-collection-step", "withdraw-tasks",
      "check-promise", "record-promise", "plan-instalment", "send-instalment-reminder", "check-instalment",
      "raise-dispute", "ask-for-ap-contact", "propose-payment-plan", "cancel-payment-plan", "hand-over-invoice",
      // dispute-resolution
      "total-credits", "credit-invoice", "hold-customer-credit", "resolve-dispute", "notify-sla-breach", "escalate-dispute",
      // cash-application
      "match-statement", "assess-short-pay", "write-off-short-pay", "open-deduction", "ask-customer-about-short-pay",
      "describe-statement-line", "post-manual-match", "close-statement",
      // credit-review
      "request-credit-reviews", "gather-credit-review-facts", "record-credit-review", "announce-credit-cut", "apply-credit-limit",
      "follow-credit-limit", "notify-credit-limit-cut", "close-credit-review");

  @Autowired ApplicationContext context;
  @Autowired JdbcTemplate jdbc;
  @Autowired CollectionActions actions;
  @Autowired Disputes disputes;
  @Autowired BankStatements statements;
  @Autowired settle.credit.CreditReviews creditReviews;
  @Autowired JobWorkerManager workers;
  @Autowired ParameterResolverStrategy parameters;
  @Autowired CamundaClient client;
  @Autowired io.camunda.client.api.JsonMapper jsonMapper;
  Journeys journeys;
  ProcessHistory.Mark journeysBegan;

  /**
   * One timeline over eleven days: an order credit reviews and one it holds, a reminder with its heads-up,
   * a broken promise renewed from the follow-up task, a payment plan cancelled after a missed instalment,
   * a credited and an escalated dispute, a statement whose lines take every cash-application path,
   * collector calls that hear a dispute and a wrong contact, and escalations that propose a payment plan
   * and hand an invoice to the agency.
   */
  @BeforeAll
  void driveEveryJobType() {
    journeys = new Journeys(context);
    journeysBegan = journeys.history.mark();

    CustomerView reviewed = journeys.customer(aCustomer().withCreditLimit("1000"));
    journeys.invoiced(anOrderFor(reviewed.id()).worth("1100.00"));

    CustomerView risky = journeys.customer(aCustomer().rated("HIGH").withCreditLimit("1000"));
    OrderView held = journeys.order(anOrderFor(risky.id()).worth("900.00"));
    journeys.awaitOrder(held.id(), OrderStatus.ON_HOLD);

    // credit reviews: a cut whose heads-up window passes below (holding an approved order), and a cut withdrawn on objection
    CustomerView cut = ratedHighAfterAReview(aCustomer().withCreditLimit("10000"), "6000.00");
    creditReviews.request(cut.id(), "Rating worsened", null);
    CustomerView objected = ratedHighAfterAReview(aCustomer().withCreditLimit("10000"), null);
    creditReviews.request(objected.id(), "Rating worsened", null);
    TaskView objection = journeys.awaitOpenTask("customer:" + objected.id());
    journeys.inbox.complete(objection.id(), Map.of("objection", "They paid everything this week"), Staff.anyone("owner"));
    await().atMost(Journeys.PATIENCE).until(() -> journeys.inbox.find(null, "OPEN", "customer:" + objected.id()).stream()
        .anyMatch(t -> t.taskType().equals("decide-objected-cut")));
    journeys.inbox.complete(journeys.awaitOpenTask("customer:" + objected.id()).id(), Map.of("cut", false, "notes", "Agreed"),
        Staff.anyone("fran"));

    CustomerView customer = journeys.customer(aCustomer());
    journeys.invoiced(anOrderFor(customer.id()).worth("120.00").terms("NET1")); // its due-day reminder is announced within the quarter hour

    InvoiceView promised = journeys.invoiced(anOrderFor(customer.id()).worth("200.00"));
    actions.promise(promised.id(), new PromiseRequest(journeys.today().plusDays(1), new BigDecimal("200"), "Casey", "PHONE"),
        "test", "test:redelivery-promise");

    InvoiceView planned = journeys.invoiced(anOrderFor(customer.id()).worth("300.00"));
    actions.agreePaymentPlan(planned.id(), new PaymentPlanRequest(List.of(
        new PaymentPlanRequest.Instalment(journeys.today().plusDays(1), new BigDecimal("300"))), "Sam"), "sam");

    InvoiceView disputedOne = journeys.invoiced(anOrderFor(customer.id()).worth("400.00"));
    DisputeView credited = raise(disputedOne, "50");
    journeys.pay(disputedOne, "370.00"); // 30 left open: 20 of the credit goes on the customer's credit balance
    journeys.inbox.complete(journeys.awaitOpenTask("dispute:" + credited.id()).id(), Map.of("outcome", "CREDIT_MEMO",
        "creditAmount", "50", "rootCause", "pricing-setup", "notes", "Agreed the lower price"), Staff.anyone("sam.sales"));
    InvoiceView disputedTwo = journeys.invoiced(anOrderFor(customer.id()).worth("450.00"));
    DisputeView leftOpen = raise(disputedTwo, "60");
    journeys.awaitOpenTask("dispute:" + leftOpen.id());

    // NET1 keeps the due dates near: a WATCH customer's call comes at due+7, a HIGH_RISK one's escalation at due+10
    CustomerView watched = journeys.customer(aCustomer().rated("MEDIUM"));
    InvoiceView calledDisputed = journeys.invoiced(anOrderFor(watched.id()).worth("610.00").terms("NET1"));
    CustomerView wronglyReached = journeys.customer(aCustomer().rated("MEDIUM"));
    InvoiceView calledWrongContact = journeys.invoiced(anOrderFor(wronglyReached.id()).worth("620.00").terms("NET1"));
    CustomerView highRisk = journeys.customer(aCustomer().rated("HIGH"));
    InvoiceView escalatedToPlan = journeys.invoiced(anOrderFor(highRisk.id()).worth("630.00").terms("NET1"));
    InvoiceView escalatedToAgency = journeys.invoiced(anOrderFor(highRisk.id()).worth("640.00").terms("NET1"));

    CustomerView payer = journeys.customer(aCustomer());
    InvoiceView paid = journeys.invoiced(anOrderFor(payer.id()).worth("510.00"));
    InvoiceView writtenOff = journeys.invoiced(anOrderFor(payer.id()).worth("1000.00"));
    InvoiceView deducted = journeys.invoiced(anOrderFor(payer.id()).worth("1020.00"));
    InvoiceView asked = journeys.invoiced(anOrderFor(payer.id()).worth("1040.00"));
    InvoiceView appliedByHand = journeys.invoiced(anOrderFor(payer.id()).worth("530.00"));
    var statement = aStatement().on(journeys.today())
        .credit("510.00", payer.name(), null, "Invoice " + paid.number())
        .credit("997.00", payer.name(), null, writtenOff.number())
        .credit("920.00", payer.name(), null, deducted.number() + " less 100 damaged goods")
        .credit("840.00", payer.name(), null, asked.number())
        .credit("530.00", "J Smith private", "GB29NWBK" + System.nanoTime() % 100000000000000L, "payment march");
    StatementImport imported = statements.importStatement(statement.camt053(), statement.id() + ".xml", null, null, "test");
    statements.awaitMatched(imported.id(), false, Journeys.PATIENCE);
    TaskView apply = journeys.awaitOpenTask("statement:" + imported.id());
    journeys.inbox.complete(apply.id(), Map.of("action", "APPLY", "invoiceNumbers", appliedByHand.number()), Staff.anyone("cara"));

    journeys.advanceDays(3); // the reminder, the instalment checked, the promise broken, the dispute's SLA passed
    TaskView brokenPromise = journeys.awaitOpenTask("invoice:" + promised.id());
    journeys.inbox.complete(brokenPromise.id(), Map.of("outcome", "PROMISE",
        "promiseDate", journeys.today().plusDays(5).toString(), "promiseAmount", "200"), Staff.anyone("casey"));
    TaskView missedInstalment = journeys.awaitOpenTask("invoice:" + planned.id());
    assertThat(missedInstalment.taskType()).isEqualTo("missed-instalment");
    journeys.inbox.complete(missedInstalment.id(), Map.of("decision", "CANCEL_PLAN", "notes", "Customer stopped answering"),
        Staff.anyone("morgan"));

    journeys.advanceDays(2); // twice the dispute's SLA
    journeys.advanceTo(escalatedToAgency.dueDate().plusDays(10)); // the escalations; the calls are open since due+7
    complete(calledDisputed, "collector-call", Map.of("outcome", "DISPUTE", "disputeReason", "PRICING", "disputeAmount", "100",
        "notes", "March price list not applied"), "casey");
    complete(calledWrongContact, "collector-call", Map.of("outcome", "WRONG_CONTACT", "notes", "Jo left the company"), "casey");
    complete(escalatedToPlan, "escalation", Map.of("handoff", "PAYMENT_PLAN", "planInstalments", "3",
        "notes", "Cash-flow trouble"), "morgan");
    complete(escalatedToAgency, "escalation", Map.of("handoff", "AGENCY", "notes", "No reply to three reminders"), "morgan");
    journeys.advanceTo(journeys.today().withDayOfMonth(1).plusMonths(1)); // the monthly credit review's timer
    journeys.quiesce();
  }

  /** A customer whose first review kept the limit at a low rating, and who is rated high since (as settle.risk would). */
  private CustomerView ratedHighAfterAReview(settle.testdata.CustomerBuilder builder, String approvedOrder) {
    CustomerView customer = journeys.customer(builder);
    if (approvedOrder != null) {
      journeys.awaitOrder(journeys.order(anOrderFor(customer.id()).worth(approvedOrder)).id(), OrderStatus.APPROVED);
    }
    String because = "First review " + customer.id();
    creditReviews.request(customer.id(), because, null);
    long first = journeys.instanceOf(settle.credit.CreditReviews.PROCESS_ID, "requestedBecause", because);
    await().atMost(Journeys.PATIENCE).until(() -> journeys.history.isCompleted(first));
    jdbc.update("update customer set risk_rating = 'HIGH' where id = ?", customer.id());
    return customer;
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("JOB_TYPES")
  void aJobHandedToItsWorkerAgainChangesNothing(String type) throws Exception {
    JobWorkerValue worker = workers.findJobWorkerConfigByType(type).orElseThrow(() -> new AssertionError("No worker serves " + type));
    boolean all = Boolean.TRUE.equals(worker.getForceFetchAllVariables()) || worker.getFetchVariables() == null
        || worker.getFetchVariables().isEmpty();
    ActivatedJob job = journeys.history.lastJob(type, journeysBegan, all ? null : Set.copyOf(worker.getFetchVariables()), jsonMapper)
        .orElseThrow(() -> new AssertionError("No " + type + " job ran during the journeys: extend driveEveryJobType() so one does"));
    journeys.quiesce();
    Map<String, Long> before = rowsPerTable();
    long lastAudit = jdbc.queryForObject("select coalesce(max(id), 0) from audit_entry", Long.class);

    // as the Camunda client hands a job to a @JobWorker method: the same parameter resolution, the same bean
    Object[] arguments = JobHandlingUtil.createParameterResolvers(parameters, worker).stream()
        .map(resolver -> resolver.resolve(client, job)).toArray();
    worker.getMethodInfo().invoke(arguments);

    Map<String, String> grown = new TreeMap<>();
    rowsPerTable().forEach((table, rows) -> {
      if (!rows.equals(before.get(table))) {
        grown.put(table, before.get(table) + " -> " + rows);
      }
    });
    assertThat(grown).as("tables written when %s (%s of %s) was handed over again; new audit entries: %s", type,
        job.getElementId(), job.getBpmnProcessId(), jdbc.queryForList(
            "select action || ' ' || subject from audit_entry where id > ? order by id", String.class, lastAudit)).isEmpty();
  }

  @Test
  void everyJobTypeOfTheModelsAndWorkersIsRedeliveredHere() {
    Set<String> known = new TreeSet<>();
    for (BpmnModelInstance model : models()) {
      model.getModelElementsByType(ZeebeTaskDefinition.class).forEach(t -> known.add(t.getType()));
      if (!model.getModelElementsByType(UserTask.class).isEmpty()) {
        known.add(USER_TASK);
      }
    }
    for (String name : context.getBeanDefinitionNames()) {
      for (Method m : AopUtils.getTargetClass(context.getBean(name)).getDeclaredMethods()) {
        if (m.getAnnotation(JobWorker.class) != null) {
          known.add(m.getAnnotation(JobWorker.class).type());
        }
      }
    }
    Set<String> missing = new TreeSet<>(known);
    JOB_TYPES.forEach(missing::remove);
    if (!missing.isEmpty()) {
      fail("These job types have no redelivery case: " + missing + ". Add each to WorkersAreIdempotentTest.JOB_TYPES"
          + " and make driveEveryJobType() run a real job of it.");
    }
    assertThat(known).containsAll(JOB_TYPES);
  }

  private void complete(InvoiceView invoice, String taskType, Map<String, Object> form, String person) {
    TaskView task = journeys.awaitOpenTask("invoice:" + invoice.id());
    assertThat(task.taskType()).as("the open task of invoice %s", invoice.number()).isEqualTo(taskType);
    journeys.inbox.complete(task.id(), form, Staff.anyone(person));
  }

  private DisputeView raise(InvoiceView invoice, String amount) {
    return disputes.raise(invoice.id(), new RaiseDispute(ReasonCode.PRICING, new BigDecimal(amount), "Not the agreed price",
        "ap@customer", null), List.of(), "test");
  }

  /** Every table's row count: a redelivery that wrote anything (a mail, a posting, an audit entry…) shows here. */
  private Map<String, Long> rowsPerTable() {
    Map<String, Long> rows = new LinkedHashMap<>();
    for (String table : jdbc.queryForList("select table_name from information_schema.tables where table_schema = 'public'"
        + " and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history' order by table_name", String.class)) {
      rows.put(table, jdbc.queryForObject("select count(*) from \"" + table + "\"", Long.class));
    }
    return rows;
  }

  private static List<BpmnModelInstance> models() {
    return ProcessResources.all().stream().filter(r -> Objects.requireNonNull(r.getFilename()).endsWith(".bpmn"))
        .map(WorkersAreIdempotentTest::read).toList();
  }

  private static BpmnModelInstance read(Resource resource) {
    try (InputStream in = resource.getInputStream()) {
      return Bpmn.readModelFromStream(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
