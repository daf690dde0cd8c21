package settle.policy;

import java.util.Map;

/**
 * Evaluates a decision table as written, whether or not it is deployed. The build's cases use the engine
 * that runs the processes ({@link EngineDecisionEvaluator}); a preview of an uploaded table may use an
 * in-process DMN engine.
 */
public interface DecisionEvaluator {

  Evaluation evaluate(DecisionTable table, Map<String, Object> variables);

  /**
   * The first rule that matched (null and 0 when none did) and the outputs by name, as Java values
   * (strings, {@link java.math.BigDecimal} numbers, booleans, maps, lists, null).
   */
  record Evaluation(String ruleId, int ruleRow, Map<String, Object> outputs) {

    public boolean matched() {
      return ruleId != null;
    }
  }
}
