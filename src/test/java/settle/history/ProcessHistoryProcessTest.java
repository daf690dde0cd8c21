package settle.history;

import static org.assertj.core.api.Assertions.assertThat;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import settle.collections.InvoiceCollection;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceView;
import settle.orders.OrderToCash;
import settle.testdata.Journeys;
import settle.testdata.SettleTest;

/**
 * The embedded adapter end to end: real processes on the in-memory engine, their record stream copied into the
 * history tables, read back through the port as the path pages and the history API read it.
 */
@SettleTest
class ProcessHistoryProcessTest {

  @Autowired ApplicationContext context;
  @Autowired ProcessInstances instances;
  @Autowired ProcessHistory history;
  @Autowired DecisionLineage lineage;
  @Autowired CamundaClient client;
  Journeys journeys;
  CustomerView customer;

  @BeforeEach
  void setUp() {
    journeys = new Journeys(context);
    customer = journeys.customer(aCustomer());
  }

  @Test
  void anInvoicesCollectionShowsItsPathWithTimesTheDecisionsVariablesEachStepSetAndWhereItWaits() {
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("1000.00"));
    long loop = journeys.instanceOf(InvoiceCollection.PROCESS_ID, "invoiceId", invoice.id());
    journeys.quiesce();

    InstanceHistory h = instances.history(loop);

    assertThat(h.instance().bpmnProcessId()).isEqualTo(InvoiceCollection.PROCESS_ID);
    assertThat(h.instance().state()).isEqualTo("ACTIVE");
    assertThat(h.elements()).extracting(InstanceHistory.Element::elementId)
        .containsSubsequence("customer-segmentation", "next-collection-action", "audit-next-action", "plan-collection-step");
    InstanceHistory.Element decide = h.elements().stream().filter(e -> e.elementId().equals("next-collection-action")).findFirst().orElseThrow();
    assertThat(decide.elementName()).isEqualTo("Decide next action");
    assertThat(decide.elementType()).isEqualTo("BUSINESS_RULE_TASK");
    assertThat(decide.startedAt()).isNotNull();
    assertThat(decide.endedAt()).isAfterOrEqualTo(decide.startedAt());
    assertThat(h.elements()).filteredOn(e -> e.endedAt() == null).as("where it waits now").isNotEmpty()
        .allSatisfy(e -> assertThat(e.state()).isEqualTo("ACTIVE"));
    assertThat(h.variables()).filteredOn(v -> v.name().equals("nextAction")).first()
        .satisfies(v -> assertThat(v.setBy()).isEqualTo(decide.elementInstanceKey()));
    assertThat(h.decisions()).filteredOn(d -> d.decisionId().equals("next-collection-action")).singleElement().satisfies(d -> {
      assertThat(d.elementInstanceKey()).isEqualTo(decide.elementInstanceKey());
      assertThat(d.matchedRules()).containsExactly(new DecisionEvaluation.MatchedRule("standard-0", 7, "Reminder on the due day"));
      assertThat(d.inputs()).containsEntry("Segment", "STANDARD");
    });
    assertThat(instances.about("invoice:" + invoice.id())).extracting(InstanceSummary::processInstanceKey).contains(loop);
  }

  @Test
  void anOrdersInstanceListsTheCollectionItCalledAndTheCollectionNamesItsCaller() {
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("500.00"));
    long order = journeys.instanceOf(OrderToCash.PROCESS_ID, "orderId", invoice.orderId());
    long loop = journeys.instanceOf(InvoiceCollection.PROCESS_ID, "invoiceId", invoice.id());
    journeys.quiesce();

    assertThat(instances.about("order:" + invoice.orderId())).extracting(InstanceSummary::processInstanceKey).contains(order);
    assertThat(instances.history(order).children()).extracting(InstanceSummary::processInstanceKey).contains(loop);
    assertThat(instances.history(loop).instance().parentProcessInstanceKey()).isEqualTo(order);
    assertThat(instances.asJson(instances.history(order))).containsKeys("processInstanceKey", "bpmnProcessId", "version", "state",
        "elements", "decisions", "children");
  }

  @Test
  void anIncidentShowsAtTheStepWhereItHappened() {
    String process = "history-incident-" + System.nanoTime();
    client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess(process).startEvent()
        .businessRuleTask("decide", t -> t.name("Decide").zeebeCalledDecisionId("no-such-table").zeebeResultVariable("r"))
        .endEvent().done(), process + ".bpmn").send().join();
    long key = client.newCreateInstanceCommand().bpmnProcessId(process).latestVersion().send().join().getProcessInstanceKey();

    org.awaitility.Awaitility.await().atMost(Journeys.PATIENCE).until(() -> !instances.history(key).incidents().isEmpty());
    InstanceHistory h = instances.history(key);
    assertThat(h.incidents()).singleElement().satisfies(i -> {
      assertThat(i.elementId()).isEqualTo("decide");
      assertThat(i.errorType()).isEqualTo("CALLED_DECISION_ERROR");
      assertThat(i.resolved()).isFalse();
    });
    assertThat(h.elements()).filteredOn(e -> e.elementId().equals("decide")).singleElement()
        .satisfies(e -> assertThat(e.endedAt()).isNull());
  }
}
