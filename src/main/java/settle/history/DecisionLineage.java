package settle.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import io.camunda.client.api.response.EvaluatedDecision;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import settle.audit.AuditEntry;
import settle.audit.AuditLog;
import settle.common.NotFoundException;

/**
 * Decision lineage: every DMN evaluation as the audit records it (table, version, key, matched rows with their
 * annotations, inputs, outputs) and in words, for the "why" behind a reminder, a task's priority or a credit hold.
 */
@Component
public class DecisionLineage {

  /** How long a business rule task's evaluation may take to reach the history (a cluster's search lags its engine). */
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  private final ProcessHistory history;
  private final AuditLog audit;
  private final ObjectMapper json;
  private final Clock clock;
  private final Map<Long, ModelXml.Table> tables = new ConcurrentHashMap<>();

  DecisionLineage(ProcessHistory history, AuditLog audit, ObjectMapper json, Clock clock) {
    this.history = history;
    this.audit = audit;
    this.json = json;
    this.clock = clock;
  }

  /**
   * The decisions behind what the audit recorded about one thing, e.g. {@code ("mailKey", key)} for a mail or
   * {@code ("taskId", id)} for a task: each entry names its evaluation as {@code decisionKey} or {@code decision.evaluationKey}.
   */
  public List<DecisionEvaluation> behind(String detail, String value) {
    Map<String, DecisionEvaluation> found = new LinkedHashMap<>();
    for (AuditEntry e : audit.withDetail(detail, value)) {
      if (e.details().get("decision") instanceof Map<?, ?> d && d.get("decisionId") != null) {
        // the audit record of the decision itself holds all of it
        DecisionEvaluation recorded = DecisionEvaluation.fromDetails(d, e.at());
        found.putIfAbsent(recorded.evaluationKey() > 0 ? String.valueOf(recorded.evaluationKey()) : "entry:" + e.id(), recorded);
      } else if (e.details().get("decisionKey") != null) {
        String key = String.valueOf(e.details().get("decisionKey"));
        if (!found.containsKey(key)) {
          evaluation(Long.parseLong(key)).ifPresent(evaluation -> found.put(key, evaluation));
        }
      }
    }
    return List.copyOf(found.values());
  }

  /** A decision Java asked the engine for, with its rows' annotations. */
  public DecisionEvaluation of(EvaluateDecisionResponse response) {
    EvaluatedDecision root = response.getEvaluatedDecisions().stream()
        .filter(d -> d.getDecisionId().equals(response.getDecisionId())).reduce((a, b) -> b).orElse(null);
    Map<String, Object> inputs = new LinkedHashMap<>();
    List<DecisionEvaluation.MatchedRule> rules = new ArrayList<>();
    if (root != null) {
      root.getEvaluatedInputs().forEach(i -> inputs.put(i.getInputName(), parse(i.getInputValue())));
      root.getMatchedRules().forEach(r -> rules.add(new DecisionEvaluation.MatchedRule(r.getRuleId(), r.getRuleIndex(), null)));
    }
    // over gRPC a cluster fills the older name of the same key too; the in-memory engine neither (then 0: the audit record
    // of the decision is its lineage)
    long key = response.getDecisionEvaluationKey() > 0 ? response.getDecisionEvaluationKey() : Math.max(0, response.getDecisionInstanceKey());
    return annotated(new DecisionEvaluation(key, response.getDecisionId(), response.getDecisionName(),
        response.getDecisionVersion(), response.getDecisionKey(), rules, inputs, parse(response.getDecisionOutput()),
        null, null, null, clock.instant()));
  }

  /** One evaluation by its key, with its rows' annotations. */
  public Optional<DecisionEvaluation> evaluation(long evaluationKey) {
    history.catchUp();
    return history.decision(evaluationKey).map(this::annotated);
  }

  /**
   * The evaluation of {@code decisionId} a step of the instance follows: the newest before the step's own key.
   * Waits for it a while, since a cluster's history lags its engine; absent after that is an error, so the job is retried.
   */
  public DecisionEvaluation before(long processInstanceKey, String decisionId, long stepKey) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (true) {
      // no catch-up first: the embedded history looks among the records it has not copied yet as well
      Optional<DecisionEvaluation> found = history.decisionBefore(processInstanceKey, decisionId, stepKey);
      if (found.isPresent()) {
        return annotated(found.get());
      }
      if (System.nanoTime() > deadline) {
        throw new NotFoundException("The evaluation of " + decisionId + " in process instance", processInstanceKey);
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** Adds each matched row's annotation from the DMN of that very version. */
  public DecisionEvaluation annotated(DecisionEvaluation e) {
    ModelXml.Table table = table(e);
    return e.withRules(e.matchedRules().stream().map(r -> new DecisionEvaluation.MatchedRule(r.ruleId(), r.ruleIndex(),
        Optional.ofNullable(table.rows().get(r.ruleId())).map(ModelXml.Row::annotation).orElse(r.annotation()))).toList());
  }

  /**
   * The decision in words: "Next collection action, version 3, rule 8 “First overdue reminder” (Segment STANDARD,
   * Steps taken so far 1) → Action: overdue reminder; Days from due date: 3; …".
   */
  public String explain(DecisionEvaluation e) {
    ModelXml.Table table = table(e);
    StringBuilder text = new StringBuilder(e.decisionName() == null ? e.decisionId() : e.decisionName())
        .append(", version ").append(e.version());
    if (e.matchedRules().isEmpty()) {
      text.append(": no rule matched");
    }
    for (DecisionEvaluation.MatchedRule rule : e.matchedRules()) {
      text.append(", rule ").append(rule.ruleIndex());
      if (rule.annotation() != null) {
        text.append(" “").append(rule.annotation()).append("”");
      }
      ModelXml.Row row = table.rows().get(rule.ruleId());
      if (row != null && !row.conditions().isEmpty()) {
        text.append(" (").append(String.join(", ", row.conditions())).append(")");
      }
    }
    return text.append(" → ").append(outputsInWords(e.outputs(), table)).toString();
  }

  private static String outputsInWords(Object outputs, ModelXml.Table table) {
    if (outputs instanceof Map<?, ?> map) {
      List<String> parts = new ArrayList<>();
      map.forEach((name, value) -> parts.add(table.outputLabels().getOrDefault(String.valueOf(name), String.valueOf(name))
          + ": " + words(value)));
      return String.join("; ", parts);
    }
    String label = table.outputLabels().size() == 1 ? table.outputLabels().values().iterator().next() + ": " : "";
    return label + words(outputs);
  }

  /** Yes and no for flags, codes like OVERDUE_REMINDER as "overdue reminder", nothing as "none". */
  static String words(Object value) {
    if (value == null) {
      return "none";
    }
    if (value instanceof Boolean b) {
      return b ? "yes" : "no";
    }
    String s = String.valueOf(value);
    return s.matches("[A-Z][A-Z0-9_]+") ? s.toLowerCase(Locale.ROOT).replace('_', ' ') : s;
  }

  private ModelXml.Table table(DecisionEvaluation e) {
    ModelXml.Table known = tables.get(e.decisionKey());
    if (known != null) {
      return known;
    }
    history.catchUp();
    // a deployed version never changes, so its table is read once; one not (yet) found is asked for again next time
    Optional<ModelXml.Table> table = history.decisionXml(e.decisionKey()).map(xml -> ModelXml.table(xml, e.decisionId()));
    table.ifPresent(t -> tables.put(e.decisionKey(), t));
    return table.orElse(new ModelXml.Table(List.of(), Map.of(), Map.of()));
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
