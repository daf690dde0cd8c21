package settle.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;

import io.camunda.client.CamundaClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import settle.audit.AuditEntry;
import settle.audit.AuditLog;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceView;
import settle.orders.OrderView;
import settle.testdata.Journeys;
import settle.testdata.SettleTest;
import settle.testdata.Staff;

/** The worklist formula built on dmn/task-priority.dmn (the table's own cases: dmn/tests/task-priority.csv). */
@SettleTest
class TaskPriorityTest {

  @Autowired CamundaClient client;
  @Autowired TaskPriority priorities;
  @Autowired ApplicationContext context;
  @Autowired AuditLog audit;

  @Test
  void priorityIsRiskWeightTimesAmountTimesLateness() {
    TaskPriority.Score score = priorities.score(Map.of("riskRating", "HIGH", "openAmount", "1000.00", "maxDaysPastDue", 45));
    // weight 5 × 1,000 × (1 + 45 / 30)
    assertThat(score.priority()).isEqualByComparingTo("12500.00");
    assertThat(score.inputs()).containsEntry("riskWeight", new java.math.BigDecimal("5"));
  }

  @Test
  void aSmallRiskyOverdueInvoiceOutranksALargerSafeOneOnlyWhenTheRiskOutweighsTheAmount() {
    var riskyLate = priorities.score(Map.of("riskRating", "HIGH", "openAmount", "2000", "maxDaysPastDue", 40)).priority();
    var safeLarge = priorities.score(Map.of("riskRating", "LOW", "openAmount", "8000", "maxDaysPastDue", 5)).priority();
    var safeHuge = priorities.score(Map.of("riskRating", "LOW", "openAmount", "50000", "maxDaysPastDue", 5)).priority();
    assertThat(riskyLate).isGreaterThan(safeLarge);
    assertThat(safeHuge).isGreaterThan(riskyLate);
  }

  @Test
  void aCallTaskCountsTheDaysPastDueOnTheDayItOpensNotWhenTheTurnBegan() {
    Journeys journeys = new Journeys(context);
    CustomerView watched = journeys.customer(aCustomer().rated("MEDIUM"));
    InvoiceView invoice = journeys.invoiced(anOrderFor(watched.id()).worth("900.00"));
    // WATCH cadence: reminder on day 1, then the turn planned on day 1 opens a collector call on day 7
    journeys.advanceTo(invoice.dueDate().plusDays(7));
    TaskView call = journeys.awaitOpenTask("invoice:" + invoice.id());
    assertThat(call.taskType()).isEqualTo("collector-call");

    // weight 2 (MEDIUM) × 900 × (1 + 7 / 30)
    assertThat(call.priority()).isEqualByComparingTo("2220.00");
    assertThat(call.priorityProblem()).isNull();
    AuditEntry opened = audit.trail("invoice:" + invoice.id()).stream().filter(e -> e.action().equals("task.opened"))
        .findFirst().orElseThrow();
    assertThat(opened.details().get("priorityInputs").toString()).contains("daysPastDue=7");
  }

  @Test
  void aPriorityTableThatFailsOpensTheTaskFlaggedFirstOnTheWorklistAndAuditsTheFailure() throws Exception {
    String original = new ClassPathResource("dmn/task-priority.dmn").getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    // a process owner's mistake: UNIQUE, while a HIGH-risk task matches two rows
    String broken = original.replace("hitPolicy=\"FIRST\"", "hitPolicy=\"UNIQUE\"");
    assertThat(broken).isNotEqualTo(original);
    deploy(broken);
    try {
      Journeys journeys = new Journeys(context);
      CustomerView risky = journeys.customer(aCustomer().rated("HIGH"));
      OrderView order = journeys.order(anOrderFor(risky.id()).worth("500.00"));
      TaskView review = journeys.awaitOpenTask("order:" + order.id());

      assertThat(review.priorityProblem()).startsWith("task-priority could not weigh this task");
      assertThat(journeys.inbox.worklist(Staff.member("ana", "credit-analysts"), null, null, 50).getFirst().id())
          .isEqualTo(review.id());
      AuditEntry failed = audit.trail("order:" + order.id()).stream()
          .filter(e -> e.action().equals("task.priority-failed")).findFirst().orElseThrow();
      assertThat(failed.details()).containsEntry("decision", "task-priority").containsKey("why");
      assertThat(audit.trail("order:" + order.id())).filteredOn(e -> e.action().equals("task.opened"))
          .allSatisfy(e -> assertThat(e.details().get("priorityInputs").toString()).doesNotContain("riskWeight"));
    } finally {
      deploy(original);
    }
  }

  private void deploy(String dmn) {
    client.newDeployResourceCommand().addResourceStringUtf8(dmn, "task-priority.dmn").send().join();
  }
}
