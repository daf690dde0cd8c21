package settle.history;

import java.time.Instant;
import java.util.List;

/** The path one process instance took, in the order the engine entered the elements. */
public record InstanceHistory(InstanceSummary instance, List<Element> elements, List<VariableSet> variables,
                              List<Incident> incidents, List<DecisionEvaluation> decisions, List<InstanceSummary> children) {

  /** An element entered ({@code endedAt} null while the instance waits there); {@code state} ACTIVE, COMPLETED or TERMINATED. */
  public record Element(long elementInstanceKey, String elementId, String elementName, String elementType, Instant startedAt,
                        Instant endedAt, String state) {}

  /** A variable written, and by which element instance's step ({@code setBy}; the process key for its start). */
  public record VariableSet(long setBy, long scopeKey, String name, String value) {}

  public record Incident(long incidentKey, long elementInstanceKey, String elementId, String errorType, String errorMessage,
                         Instant createdAt, boolean resolved) {}
}
