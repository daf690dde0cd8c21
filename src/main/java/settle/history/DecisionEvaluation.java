package settle.history;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One evaluation of a DMN decision: which table ({@code decisionId}, its {@code version} and deployed {@code decisionKey}),
 * which rows matched, what went in and what came out. {@code processInstanceKey} is null for a decision called from Java.
 */
public record DecisionEvaluation(long evaluationKey, String decisionId, String decisionName, int version, long decisionKey,
                                 List<MatchedRule> matchedRules, Map<String, Object> inputs, Object outputs,
                                 Long processInstanceKey, Long elementInstanceKey, String elementId, Instant evaluatedAt) {

  /** A matched row: its id, its number in the table (from 1) and the row's annotation in the DMN. */
  public record MatchedRule(String ruleId, int ruleIndex, String annotation) {}

  /** The audit record's {@code details.decision}. */
  public Map<String, Object> asDetails() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("decisionId", decisionId);
    d.put("decisionName", decisionName);
    d.put("version", version);
    d.put("key", String.valueOf(decisionKey));
    d.put("evaluationKey", evaluationKey > 0 ? String.valueOf(evaluationKey) : null);
    d.put("matchedRules", matchedRules.stream().map(r -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("ruleId", r.ruleId());
      m.put("ruleIndex", r.ruleIndex());
      m.put("annotation", r.annotation());
      return m;
    }).toList());
    d.put("inputs", inputs);
    d.put("outputs", outputs);
    return d;
  }

  /** Read back from an audit record's {@code details.decision}. */
  @SuppressWarnings("unchecked")
  public static DecisionEvaluation fromDetails(Map<?, ?> d, Instant at) {
    List<MatchedRule> rules = ((List<Map<String, Object>>) d.get("matchedRules")).stream()
        .map(r -> new MatchedRule(String.valueOf(r.get("ruleId")), ((Number) r.get("ruleIndex")).intValue(), (String) r.get("annotation")))
        .toList();
    return new DecisionEvaluation(d.get("evaluationKey") == null ? 0 : Long.parseLong(String.valueOf(d.get("evaluationKey"))),
        String.valueOf(d.get("decisionId")), (String) d.get("decisionName"), ((Number) d.get("version")).intValue(),
        Long.parseLong(String.valueOf(d.get("key"))), rules, (Map<String, Object>) d.get("inputs"), d.get("outputs"), null, null, null, at);
  }

  public DecisionEvaluation withRules(List<MatchedRule> rules) {
    return new DecisionEvaluation(evaluationKey, decisionId, decisionName, version, decisionKey, rules, inputs, outputs,
        processInstanceKey, elementInstanceKey, elementId, evaluatedAt);
  }
}
