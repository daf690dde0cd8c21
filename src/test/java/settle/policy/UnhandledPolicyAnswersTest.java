package settle.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;
import static settle.testdata.StatementBuilder.aStatement;

import io.camunda.client.CamundaClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import settle.audit.AuditLog;
import settle.common.InvalidRequestException;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceView;
import settle.orders.OrderStatus;
import settle.orders.OrderView;
import settle.payments.BankStatements;
import settle.payments.StatementImport;
import settle.staff.StaffMember;
import settle.tasks.Inbox;
import settle.tasks.TaskView;
import settle.testdata.Journeys;
import settle.testdata.SettleTest;
import settle.testdata.Staff;

/**
 * A table edited to answer what its process cannot handle (outside the output's declared values): the process
 * does not quietly take its default path; it waits, and the process owners get a task naming the decision, its
 * inputs and the answer. Completing the task asks the corrected table again; a table still wrong is refused.
 */
@SettleTest
class UnhandledPolicyAnswersTest {

  @Autowired ApplicationContext context;
  @Autowired CamundaClient client;
  @Autowired Inbox inbox;
  @Autowired AuditLog audit;
  @Autowired BankStatements statements;
  final StaffMember pat = Staff.member("pat", "process-owners");
  Journeys journeys;
  CustomerView customer;

  @BeforeEach
  void setUp() {
    journeys = new Journeys(context);
    customer = journeys.customer(aCustomer());
  }

  @Test
  void anUnknownCreditOutcomeWaitsForTheProcessOwnerInsteadOfHoldingTheOrder() throws Exception {
    String original = deployEdited("credit-decision.dmn", "<outputEntry id=\"approve-out-1\"><text>\"APPROVE\"</text>",
        "<outputEntry id=\"approve-out-1\"><text>\"ESCALATE\"</text>");
    try {
      OrderView order = journeys.order(anOrderFor(customer.id()).worth("500.00"));

      TaskView task = journeys.awaitOpenTask("order:" + order.id());
      assertThat(task.taskType()).isEqualTo(Inbox.UNHANDLED_ANSWER);
      assertThat(task.candidateGroups()).containsExactly("process-owners");
      assertThat(task.name()).isEqualTo("Correct the credit decision table");
      assertThat(task.variables().get("problem")).asString()
          .contains("Credit decision gave an answer the process cannot handle: decision answered \"ESCALATE\"; the processes handle APPROVE, REVIEW, HOLD");
      assertThat(String.valueOf(task.variables().get("inputs"))).contains("riskRating=LOW", "exposureRatio=");
      long instance = journeys.instanceOf("order-to-cash", "orderId", order.id());
      journeys.awaitWaitingAt(instance, "audit-credit-decision");
      assertThat(journeys.orders.get(order.id()).status()).isEqualTo(OrderStatus.RECEIVED);

      // completing before the table is corrected changes nothing
      assertThatThrownBy(() -> inbox.complete(task.id(), Map.of(), pat)).isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("Credit decision still gives an answer the process cannot handle (decision answered \"ESCALATE\"");
      assertThat(inbox.get(task.id()).status()).isEqualTo("OPEN");

      deploy(original, "credit-decision.dmn");
      inbox.complete(task.id(), Map.of("note", "approve row fixed"), pat);
      journeys.awaitOrder(order.id(), OrderStatus.APPROVED);
      assertThat(audit.trail("order:" + order.id())).anySatisfy(e -> {
        assertThat(e.action()).isEqualTo("decision.credit-decision.decided-again");
        assertThat(String.valueOf(e.details())).contains("ESCALATE", "APPROVE");
      });
    } finally {
      deploy(original, "credit-decision.dmn");
    }
  }

  @Test
  void anUnknownSegmentWaitsForTheProcessOwnerInsteadOfNeverBeingDunned() throws Exception {
    String original = deployEdited("customer-segmentation.dmn", "<outputEntry id=\"standard-out-1\"><text>\"STANDARD\"</text>",
        "<outputEntry id=\"standard-out-1\"><text>\"VIP\"</text>");
    try {
      OrderView order = journeys.order(anOrderFor(customer.id()).worth("700.00"));
      journeys.awaitOrder(order.id(), OrderStatus.APPROVED);
      journeys.orders.fulfil(order.id(), "test");
      InvoiceView invoice = journeys.invoices.get(journeys.awaitOrder(order.id(), OrderStatus.INVOICED).invoiceId());

      TaskView task = journeys.awaitOpenTask("invoice:" + invoice.id());
      assertThat(task.taskType()).isEqualTo(Inbox.UNHANDLED_ANSWER);
      assertThat(task.variables().get("problem")).asString()
          .contains("segment answered \"VIP\"; the processes handle STRATEGIC, STANDARD, WATCH, HIGH_RISK");
      long instance = journeys.instanceOf("invoice-collection", "invoiceId", invoice.id());
      journeys.awaitWaitingAt(instance, "audit-segmentation");
      // the cadence is not asked on a segment the processes cannot handle
      assertThat(journeys.history.completedElements(instance))
          .doesNotContain("audit-segmentation", "next-collection-action", "plan-collection-step");

      deploy(original, "customer-segmentation.dmn");
      inbox.complete(task.id(), Map.of(), pat);
      await().atMost(Journeys.PATIENCE).until(() -> journeys.history.completedElements(instance).contains("audit-segmentation"));
      assertThat(audit.trail("invoice:" + invoice.id())).anySatisfy(e -> {
        assertThat(e.action()).isEqualTo("decision.customer-segmentation.decided-again");
        assertThat(String.valueOf(e.details())).contains("VIP", "STANDARD");
      });
      // and then it is asked on the corrected one
      await().atMost(Journeys.PATIENCE).until(() -> audit.trail("invoice:" + invoice.id()).stream()
          .anyMatch(e -> e.action().equals("decision.next-collection-action")));
      assertThat(audit.trail("invoice:" + invoice.id())).filteredOn(e -> e.action().equals("decision.next-collection-action"))
          .allSatisfy(e -> assertThat(String.valueOf(e.details())).contains("STANDARD").doesNotContain("VIP"));
    } finally {
      deploy(original, "customer-segmentation.dmn");
    }
  }

  @Test
  void anUnknownShortPayActionWaitsForTheProcessOwnerInsteadOfAskingTheCustomer() throws Exception {
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("1000.00"));
    journeys.awaitMailsTo(customer.apEmail(), 1);
    String original = deployEdited("short-pay-tolerance.dmn", "<outputEntry id=\"unexplained-out-1\"><text>\"ASK_CUSTOMER\"</text>",
        "<outputEntry id=\"unexplained-out-1\"><text>\"CALL_CUSTOMER\"</text>");
    try {
      var statement = aStatement().on(journeys.today()).credit("800.00", customer.name(), null, invoice.number());
      StatementImport imported = statements.importStatement(statement.camt053(), statement.id() + ".xml", null, null, "test");
      statements.awaitMatched(imported, Duration.ofSeconds(30));

      TaskView task = journeys.awaitOpenTask("statement:" + imported.id());
      assertThat(task.taskType()).isEqualTo(Inbox.UNHANDLED_ANSWER);
      assertThat(task.variables().get("problem")).asString()
          .contains("action answered \"CALL_CUSTOMER\"; the processes handle WRITE_OFF, DEDUCTION, ASK_CUSTOMER");
      long instance = journeys.instanceOf("cash-application", "statementId", imported.id());
      journeys.awaitWaitingAt(instance, "audit-short-pay-decision");
      assertThat(journeys.subjectsTo(customer.apEmail())).hasSize(1); // the invoice; no short-pay question
    } finally {
      deploy(original, "short-pay-tolerance.dmn");
    }
  }

  /** Deploys the jar's table with one cell changed; returns the table as it was. */
  private String deployEdited(String file, String from, String to) throws Exception {
    String original = new ClassPathResource("dmn/" + file).getContentAsString(StandardCharsets.UTF_8);
    String edited = original.replace(from, to);
    assertThat(edited).isNotEqualTo(original);
    deploy(edited, file);
    return original;
  }

  private void deploy(String dmn, String file) {
    client.newDeployResourceCommand().addResourceStringUtf8(dmn, file).send().join();
  }
}
