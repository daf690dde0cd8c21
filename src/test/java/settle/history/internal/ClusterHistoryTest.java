package settle.history.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;
import settle.history.DecisionEvaluation;
import settle.history.InstanceHistory;
import settle.history.InstanceSummary;
import settle.history.ModelXml;

/**
 * The cluster adapter's mapping of the Orchestration Cluster REST API, against responses in
 * {@code src/test/resources/cluster-history/} that follow the documented response shapes (written from the
 * documentation, not captured from a live cluster: none is reachable here). A real HTTP server on loopback answers
 * each request with the file named after it and records what was asked.
 */
class ClusterHistoryTest {

  private static final long INSTANCE = 2251799813685300L;

  private final ObjectMapper json = new ObjectMapper();
  private final List<String> asked = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private ClusterHistory history;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v2/", exchange -> {
      String path = exchange.getRequestURI().getPath().substring("/v2/".length()).replace('/', '_');
      String name = exchange.getRequestMethod() + "_" + path;
      if (exchange.getRequestMethod().equals("POST")) {
        JsonNode body = json.readTree(exchange.getRequestBody());
        asked.add(path + " " + body);
        name += "__" + String.join("_", new TreeSet<String>((java.util.Collection<String>) toList(body.path("filter").fieldNames())));
      }
      InputStream fixture = getClass().getResourceAsStream("/cluster-history/" + name + (path.endsWith("_xml") ? ".xml" : ".json"));
      if (fixture == null) {
        exchange.sendResponseHeaders(404, -1);
      } else {
        byte[] bytes = fixture.readAllBytes();
        exchange.getResponseHeaders().add("Content-Type", path.endsWith("_xml") ? "text/xml" : "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
      }
      exchange.close();
    });
    server.start();
    history = new ClusterHistory(RestClient.builder().baseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/v2").build(), json);
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void anInstancesElementsComeInTheOrderTheyStartedWithNamesTimesAndWhereItWaits() {
    InstanceHistory h = history.instance(INSTANCE).orElseThrow();

    assertThat(h.instance()).isEqualTo(new InstanceSummary(INSTANCE, "invoice-collection", 3, 2251799813685100L, "ACTIVE",
        Instant.parse("2026-11-02T09:00:00Z"), null, 2251799813685200L));
    assertThat(h.elements()).extracting(InstanceHistory.Element::elementId)
        .containsExactly("customer-segmentation", "next-collection-action", "take-collection-step");
    assertThat(h.elements().get(1)).isEqualTo(new InstanceHistory.Element(2251799813685315L, "next-collection-action",
        "Decide next action", "BUSINESS_RULE_TASK", Instant.parse("2026-11-02T09:00:01.200Z"), Instant.parse("2026-11-02T09:00:01.300Z"),
        "COMPLETED"));
    assertThat(h.elements().get(2).endedAt()).isNull();
    assertThat(asked).anySatisfy(a -> assertThat(a).startsWith("element-instances_search ")
        .contains("\"processInstanceKey\":\"" + INSTANCE + "\""));
  }

  @Test
  void variablesIncidentsAndCalledInstancesAreMapped() {
    InstanceHistory h = history.instance(INSTANCE).orElseThrow();

    assertThat(h.variables()).contains(new InstanceHistory.VariableSet(INSTANCE, INSTANCE, "invoiceId", "42"),
        new InstanceHistory.VariableSet(2251799813685350L, 2251799813685350L, "stage", "0"));
    assertThat(h.incidents()).containsExactly(new InstanceHistory.Incident(2251799813685360L, 2251799813685350L, "take-collection-step",
        "JOB_NO_RETRIES", "The mail server refused the reminder", Instant.parse("2026-11-05T00:00:02.500Z"), false));
    assertThat(h.children()).singleElement().satisfies(c -> {
      assertThat(c.processInstanceKey()).isEqualTo(2251799813685400L);
      assertThat(c.bpmnProcessId()).isEqualTo("dispute-resolution");
      assertThat(c.state()).isEqualTo("COMPLETED");
      assertThat(c.endedAt()).isEqualTo(Instant.parse("2026-11-09T16:40:00Z"));
    });
  }

  @Test
  void decisionsCarryTheirTableVersionKeyMatchedRowsInputsAndResult() {
    List<DecisionEvaluation> decisions = history.instance(INSTANCE).orElseThrow().decisions();

    assertThat(decisions).extracting(DecisionEvaluation::decisionId).containsExactly("customer-segmentation", "next-collection-action");
    DecisionEvaluation cadence = decisions.get(1);
    assertThat(cadence.evaluationKey()).isEqualTo(2251799813685320L);
    assertThat(cadence.decisionName()).isEqualTo("Next collection action");
    assertThat(cadence.version()).isEqualTo(3);
    assertThat(cadence.decisionKey()).isEqualTo(2251799813685150L);
    assertThat(cadence.matchedRules()).containsExactly(new DecisionEvaluation.MatchedRule("standard-0", 7, null));
    assertThat(cadence.inputs()).isEqualTo(Map.of("Segment", "STANDARD", "Steps taken so far", 0));
    assertThat(cadence.outputs()).isEqualTo(Map.of("action", "DUE_REMINDER", "dueOffset", 0, "template", "reminder-due", "headsUp", true));
    assertThat(cadence.elementInstanceKey()).isEqualTo(2251799813685315L);
    assertThat(history.decision(2251799813685320L)).contains(cadence);
  }

  @Test
  void theEvaluationAStepFollowsIsTheNewestOfItsTableBeforeTheStep() {
    assertThat(history.decisionBefore(INSTANCE, "next-collection-action", 2251799813685330L))
        .map(DecisionEvaluation::evaluationKey).contains(2251799813685320L);
    assertThat(asked).anySatisfy(a -> assertThat(a).startsWith("decision-instances_search ")
        .contains("\"decisionDefinitionId\":\"next-collection-action\""));
  }

  @Test
  void aSubjectsInstancesAreThoseHoldingItAtTheirTopScope() {
    assertThat(history.instancesWith("invoiceId", "42")).extracting(InstanceSummary::processInstanceKey).containsExactly(INSTANCE);
  }

  @Test
  void theDecisionsTableComesFromTheVersionThatDecidedAndAnUnknownInstanceIsAbsent() {
    ModelXml.Table table = ModelXml.table(history.decisionXml(2251799813685150L).orElseThrow(), "next-collection-action");
    assertThat(table.rows().get("standard-0").annotation()).isEqualTo("Reminder on the due day");
    assertThat(history.instance(9999L)).isEmpty();
    assertThat(history.decisionXml(1L)).isEmpty();
  }

  private static List<String> toList(java.util.Iterator<String> it) {
    List<String> names = new java.util.ArrayList<>();
    it.forEachRemaining(names::add);
    return names;
  }
}
