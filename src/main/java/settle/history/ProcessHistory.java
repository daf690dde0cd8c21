package settle.history;

import java.util.List;
import java.util.Optional;

/**
 * What the engine did: one port, two adapters (the in-memory engine's record stream in embedded mode, the
 * Orchestration Cluster REST API on a cluster). Keys are the engine's keys.
 */
public interface ProcessHistory {

  /** The instance with the elements it passed, the variables each step set, its incidents, decisions and called instances. */
  Optional<InstanceHistory> instance(long processInstanceKey);

  /** Instances whose top scope holds {@code variable} with this value (as the engine writes it: JSON), newest first. */
  List<InstanceSummary> instancesWith(String variable, String jsonValue);

  /** One evaluation of a decision, from a business rule task or called directly. */
  Optional<DecisionEvaluation> decision(long evaluationKey);

  /** The newest evaluation of {@code decisionId} in the instance that came before {@code beforeKey} (engine keys grow). */
  Optional<DecisionEvaluation> decisionBefore(long processInstanceKey, String decisionId, long beforeKey);

  /** The BPMN the instance ran (that version's XML). */
  Optional<String> processXml(long processDefinitionKey);

  /** The DMN holding this decision (that version's XML). */
  Optional<String> decisionXml(long decisionKey);

  /** Brings the history up to what the engine has done so far, where the adapter keeps its own copy. */
  default void catchUp() {}
}
