package settle.history.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import settle.history.DecisionEvaluation;
import settle.history.InstanceHistory;
import settle.history.InstanceSummary;
import settle.history.ProcessHistory;

/**
 * Cluster mode's adapter: asks the Orchestration Cluster REST API (v2) for process instances, element instances,
 * variables, incidents and decision instances. Its search is eventually consistent: a step just taken may show a
 * moment later. Keys travel as strings in its JSON.
 */
public class ClusterHistory implements ProcessHistory {

  private static final int PAGE = 1000;
  /** The API writes offsets as "Z", "+00:00" or "+0000". */
  private static final DateTimeFormatter DATES = new DateTimeFormatterBuilder().append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
      .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd().optionalStart().appendOffset("+HHMM", "Z").optionalEnd().toFormatter();

  private final RestClient rest;
  private final ObjectMapper json;

  /** {@code rest} points at the API's {@code /v2} and carries the credentials. */
  public ClusterHistory(RestClient rest, ObjectMapper json) {
    this.rest = rest;
    this.json = json;
  }

  @Override
  public Optional<InstanceHistory> instance(long processInstanceKey) {
    return get("/process-instances/" + processInstanceKey).map(pi -> {
      String key = String.valueOf(processInstanceKey);
      List<InstanceHistory.Element> elements = new ArrayList<>();
      for (JsonNode e : search("/element-instances/search", Map.of("processInstanceKey", key))) {
        if (!"PROCESS".equals(e.path("type").asText())) {
          elements.add(new InstanceHistory.Element(key(e, "elementInstanceKey"), e.path("elementId").asText(), text(e, "elementName"),
              e.path("type").asText(), date(e, "startDate"), date(e, "endDate"), e.path("state").asText()));
        }
      }
      elements.sort(Comparator.comparing(InstanceHistory.Element::startedAt, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparingLong(InstanceHistory.Element::elementInstanceKey));
      List<InstanceHistory.VariableSet> variables = new ArrayList<>();
      for (JsonNode v : search("/variables/search", Map.of("processInstanceKey", key))) {
        variables.add(new InstanceHistory.VariableSet(key(v, "scopeKey"), key(v, "scopeKey"), v.path("name").asText(), v.path("value").asText()));
      }
      List<InstanceHistory.Incident> incidents = new ArrayList<>();
      for (JsonNode i : search("/incidents/search", Map.of("processInstanceKey", key))) {
        incidents.add(new InstanceHistory.Incident(key(i, "incidentKey"), key(i, "elementInstanceKey"), i.path("elementId").asText(),
            i.path("errorType").asText(), text(i, "errorMessage"), date(i, "creationTime"), "RESOLVED".equals(i.path("state").asText())));
      }
      List<DecisionEvaluation> decisions = roots(search("/decision-instances/search", Map.of("processInstanceKey", key))).stream()
          .map(this::details).flatMap(Optional::stream).sorted(Comparator.comparingLong(DecisionEvaluation::evaluationKey)).toList();
      List<InstanceSummary> children = search("/process-instances/search", Map.of("parentProcessInstanceKey", key)).stream()
          .map(ClusterHistory::summary).toList();
      return new InstanceHistory(summary(pi), elements, variables, incidents, decisions, children);
    });
  }

  @Override
  public List<InstanceSummary> instancesWith(String variable, String jsonValue) {
    Set<Long> keys = new LinkedHashSet<>();
    for (JsonNode v : search("/variables/search", Map.of("name", variable, "value", jsonValue))) {
      if (key(v, "scopeKey") == key(v, "processInstanceKey")) {
        keys.add(key(v, "processInstanceKey"));
      }
    }
    return keys.stream().map(k -> get("/process-instances/" + k)).flatMap(Optional::stream).map(ClusterHistory::summary)
        .sorted(Comparator.comparing(InstanceSummary::processInstanceKey).reversed()).toList();
  }

  @Override
  public Optional<DecisionEvaluation> decision(long evaluationKey) {
    return roots(search("/decision-instances/search", Map.of("decisionEvaluationKey", String.valueOf(evaluationKey)))).stream()
        .findFirst().flatMap(this::details);
  }

  @Override
  public Optional<DecisionEvaluation> decisionBefore(long processInstanceKey, String decisionId, long beforeKey) {
    return roots(search("/decision-instances/search", Map.of("processInstanceKey", String.valueOf(processInstanceKey),
        "decisionDefinitionId", decisionId))).stream()
        .filter(d -> key(d, "decisionEvaluationKey") < beforeKey)
        .max(Comparator.comparingLong(d -> key(d, "decisionEvaluationKey"))).flatMap(this::details);
  }

  @Override
  public Optional<String> processXml(long processDefinitionKey) {
    return xml("/process-definitions/" + processDefinitionKey + "/xml");
  }

  @Override
  public Optional<String> decisionXml(long decisionKey) {
    return xml("/decision-definitions/" + decisionKey + "/xml");
  }

  /** The decision instances that are an evaluation's own decision, not a required decision evaluated on the way. */
  private static List<JsonNode> roots(List<JsonNode> instances) {
    return instances.stream().filter(d -> !d.hasNonNull("rootDecisionDefinitionKey")
        || d.path("rootDecisionDefinitionKey").asText().equals(d.path("decisionDefinitionKey").asText())).toList();
  }

  /** Search results carry no matched rules or inputs; the single decision instance does. */
  private Optional<DecisionEvaluation> details(JsonNode found) {
    return get("/decision-instances/" + found.path("decisionEvaluationInstanceKey").asText()).map(d -> {
      Map<String, Object> inputs = new LinkedHashMap<>();
      d.path("evaluatedInputs").forEach(i -> inputs.put(i.path("inputName").asText(), parse(i.path("inputValue").asText())));
      List<DecisionEvaluation.MatchedRule> rules = new ArrayList<>();
      d.path("matchedRules").forEach(r -> rules.add(new DecisionEvaluation.MatchedRule(r.path("ruleId").asText(), r.path("ruleIndex").asInt(), null)));
      long pik = found.hasNonNull("processInstanceKey") ? key(found, "processInstanceKey") : 0;
      long eik = found.hasNonNull("elementInstanceKey") ? key(found, "elementInstanceKey") : 0;
      return new DecisionEvaluation(key(found, "decisionEvaluationKey"), d.path("decisionDefinitionId").asText(),
          text(d, "decisionDefinitionName"), d.path("decisionDefinitionVersion").asInt(), key(d, "decisionDefinitionKey"), rules, inputs,
          parse(text(d, "result")), pik > 0 ? pik : null, eik > 0 ? eik : null, null, date(d, "evaluationDate"));
    });
  }

  private static InstanceSummary summary(JsonNode pi) {
    long parent = pi.hasNonNull("parentProcessInstanceKey") ? key(pi, "parentProcessInstanceKey") : 0;
    return new InstanceSummary(key(pi, "processInstanceKey"), pi.path("processDefinitionId").asText(),
        pi.path("processDefinitionVersion").asInt(), key(pi, "processDefinitionKey"), pi.path("state").asText(),
        date(pi, "startDate"), date(pi, "endDate"), parent > 0 ? parent : null);
  }

  private List<JsonNode> search(String path, Map<String, Object> filter) {
    JsonNode body = rest.post().uri(path).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("filter", filter, "page", Map.of("limit", PAGE))).retrieve().body(JsonNode.class);
    List<JsonNode> items = new ArrayList<>();
    if (body != null) {
      body.path("items").forEach(items::add);
    }
    return items;
  }

  private Optional<JsonNode> get(String path) {
    try {
      return Optional.ofNullable(rest.get().uri(path).retrieve().body(JsonNode.class));
    } catch (HttpClientErrorException.NotFound e) {
      return Optional.empty();
    }
  }

  private Optional<String> xml(String path) {
    try {
      return Optional.ofNullable(rest.get().uri(path).accept(MediaType.TEXT_XML, MediaType.APPLICATION_XML, MediaType.TEXT_PLAIN)
          .retrieve().onStatus(HttpStatusCode::is4xxClientError, (req, res) -> {
            throw new HttpClientErrorException(res.getStatusCode());
          }).body(String.class));
    } catch (HttpClientErrorException e) {
      return Optional.empty();
    }
  }

  private static long key(JsonNode node, String field) {
    return Long.parseLong(node.path(field).asText());
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.path(field).asText() : null;
  }

  private static Instant date(JsonNode node, String field) {
    return node.hasNonNull(field) ? OffsetDateTime.parse(node.path(field).asText(), DATES).toInstant() : null;
  }

  private Object parse(String value) {
    if (value == null) {
      return null;
    }
    try {
      return json.readValue(value, Object.class);
    } catch (JsonProcessingException e) {
      return value;
    }
  }
}
