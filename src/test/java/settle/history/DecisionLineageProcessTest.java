package settle.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.DeploymentEvent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import settle.audit.AuditEntry;
import settle.audit.AuditLog;
import settle.collections.InvoiceCollection;
import settle.customers.CustomerView;
import settle.disputes.DisputeView;
import settle.disputes.Disputes;
import settle.disputes.RaiseDispute;
import settle.disputes.ReasonCode;
import settle.invoicing.InvoiceView;
import settle.testdata.Journeys;
import settle.testdata.SettleTest;

/**
 * Decision lineage on the real engine: every DMN evaluation, from a business rule task or asked from Java, is audited
 * with the table's id, name, version and key, the rows that matched (number and annotation), inputs and outputs; and
 * what a decision caused (a reminder, a task's priority) leads back to it. The builder's customer is STANDARD.
 */
@SettleTest
class DecisionLineageProcessTest {

  @Autowired ApplicationContext context;
  @Autowired AuditLog audit;
  @Autowired DecisionLineage lineage;
  @Autowired Disputes disputes;
  @Autowired CamundaClient client;
  Journeys journeys;
  CustomerView customer;

  @BeforeEach
  void setUp() {
    journeys = new Journeys(context);
    customer = journeys.customer(aCustomer());
  }

  @Test
  void aBusinessRuleTasksDecisionIsAuditedWithTableVersionKeyAndTheRowThatMatched() {
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("1000.00"));

    AuditEntry cadence = await().atMost(Journeys.PATIENCE).until(() -> entry("invoice:" + invoice.id(), "decision.next-collection-action"),
        e -> e != null);
    @SuppressWarnings("unchecked")
    Map<String, Object> decision = (Map<String, Object>) cadence.details().get("decision");
    assertThat(decision.keySet()).contains("decisionId", "decisionName", "version", "key", "matchedRules", "inputs", "outputs");
    assertThat(decision.get("decisionId")).isEqualTo("next-collection-action");
    assertThat(decision.get("decisionName")).isEqualTo("Next collection action");
    assertThat(((Number) decision.get("version")).intValue()).isPositive();
    assertThat(String.valueOf(decision.get("key"))).matches("[0-9]+");
    assertThat((List<?>) decision.get("matchedRules")).singleElement()
        .isEqualTo(Map.of("ruleId", "standard-0", "ruleIndex", 7, "annotation", "Reminder on the due day"));
    assertThat(decision.get("inputs")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("Segment", "STANDARD").containsEntry("Steps taken so far", 0);
    assertThat(decision.get("outputs")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("action", "DUE_REMINDER").containsEntry("template", "reminder-due");

    AuditEntry segmentation = entry("invoice:" + invoice.id(), "decision.customer-segmentation");
    assertThat(((Map<?, ?>) segmentation.details().get("decision")).get("matchedRules")).asList().isNotEmpty();
  }

  @Test
  void decisionsAskedFromJavaAreAuditedWithTheirVersionAndRowAndATasksPriorityLeadsToIts() {
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("1000.00"));

    DisputeView dispute = disputes.raise(invoice.id(), new RaiseDispute(ReasonCode.PRICING, new BigDecimal("100"),
        "Price differs from the quote", "ap@customer", null), List.of(), "test");

    Map<?, ?> routing = (Map<?, ?>) entry("dispute:" + dispute.id(), "decision.dispute-routing").details().get("decision");
    assertThat(routing.get("decisionId")).isEqualTo("dispute-routing");
    assertThat(((Number) routing.get("version")).intValue()).isPositive();
    assertThat((List<?>) routing.get("matchedRules")).singleElement().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("ruleId", "pricing");
    assertThat(String.valueOf(routing.get("key"))).matches("[0-9]+");
    assertThat(entry("dispute:" + dispute.id(), "decision.customer-segmentation")).isNotNull();

    var task = journeys.awaitOpenTask("dispute:" + dispute.id());
    List<DecisionEvaluation> behindTask = lineage.behind("taskId", String.valueOf(task.id()));
    assertThat(behindTask).singleElement().satisfies(e -> {
      assertThat(e.decisionId()).isEqualTo("task-priority");
      assertThat(e.matchedRules()).isNotEmpty();
      assertThat(lineage.explain(e)).startsWith("Task priority, version ").contains(", rule ");
    });
  }

  @Test
  void afterACadenceTableEditTwoRemindersOfOneInvoiceShowTheTwoTableVersionsThatDecidedThem() throws Exception {
    String original = new ClassPathResource("dmn/next-collection-action.dmn").getContentAsString(StandardCharsets.UTF_8);
    String edited = original.replace("<description>First overdue reminder</description>",
        "<description>First overdue reminder, two days later</description>").replace(
        "<outputEntry id=\"standard-1-out-2\"><text>3</text>", "<outputEntry id=\"standard-1-out-2\"><text>5</text>");
    assertThat(edited).isNotEqualTo(original);
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("900.00"));
    int editedVersion = version(deploy(edited));
    try {
      journeys.advanceTo(invoice.dueDate());
      journeys.awaitMailsTo(customer.apEmail(), 2);
      journeys.advanceTo(invoice.dueDate().plusDays(5));
      journeys.awaitMailsTo(customer.apEmail(), 3);

      List<AuditEntry> reminders = audit.trail("invoice:" + invoice.id()).stream()
          .filter(e -> e.action().equals("collections.reminder-sent")).toList();
      assertThat(reminders).hasSize(2);
      DecisionEvaluation first = lineage.behind("mailKey", String.valueOf(reminders.get(0).details().get("mailKey"))).getFirst();
      DecisionEvaluation second = lineage.behind("mailKey", String.valueOf(reminders.get(1).details().get("mailKey"))).getFirst();
      assertThat(first.version()).isLessThan(editedVersion);
      assertThat(second.version()).isEqualTo(editedVersion);
      assertThat(lineage.explain(first)).contains("version " + first.version(), "rule 7 “Reminder on the due day”",
          "Segment STANDARD", "Action: due reminder", "Heads-up to account owner: yes");
      assertThat(lineage.explain(second)).contains("version " + editedVersion, "rule 8 “First overdue reminder, two days later”",
          "Days from due date: 5", "Mail template: reminder-overdue");
    } finally {
      deploy(original);
    }
  }

  private AuditEntry entry(String subject, String action) {
    return audit.trail(subject).stream().filter(e -> e.action().equals(action)).findFirst().orElse(null);
  }

  private DeploymentEvent deploy(String dmn) {
    return client.newDeployResourceCommand().addResourceStringUtf8(dmn, "next-collection-action.dmn").send().join();
  }

  private static int version(DeploymentEvent deployment) {
    return deployment.getDecisions().stream().filter(d -> d.getDmnDecisionId().equals(InvoiceCollection.NEXT_COLLECTION_ACTION))
        .findFirst().orElseThrow().getVersion();
  }
}
