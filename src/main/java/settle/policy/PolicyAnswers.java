package settle.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import settle.engine.EngineCommands;
import settle.engine.ProcessResources;

/**
 * The answers the processes handle, per decision, as the jar's tables declare them (each output's
 * {@code outputValues}): the jar's processes are the ones that must handle them, whichever version of a
 * table answered. One place for the run-time check and for asking a corrected table again.
 */
@Component
public class PolicyAnswers {

  private final Map<String, DecisionTable> tables = new LinkedHashMap<>();
  private final EngineCommands engine;
  private final ObjectMapper json;

  PolicyAnswers(EngineCommands engine, ObjectMapper json) {
    this.engine = engine;
    this.json = json;
    for (Resource r : ProcessResources.all()) {
      if (r.getFilename() != null && r.getFilename().endsWith(".dmn")) {
        try (var in = r.getInputStream()) {
          DecisionTable table = DecisionTable.parse(r.getFilename(), in.readAllBytes());
          tables.put(table.decisionId(), table);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  public Optional<DecisionTable> table(String decisionId) {
    return Optional.ofNullable(tables.get(decisionId));
  }

  /**
   * What in this answer the processes cannot handle, per output, in words; empty when all is handled.
   * {@code answer} is the decision's result as the process holds it: a map of outputs, or the bare value
   * of a table with one output.
   */
  public Map<String, String> unhandled(String decisionId, Object answer) {
    DecisionTable table = tables.get(decisionId);
    if (table == null) {
      return Map.of();
    }
    return table.unhandled(outputs(table, answer));
  }

  /** Asks the deployed table (its latest version) again with these inputs; the result as a process would hold it. */
  public Object decideAgain(String decisionId, Map<String, Object> inputs) {
    try {
      return json.readValue(engine.evaluateDecision(decisionId, inputs).getDecisionOutput(), Object.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The engine answered " + decisionId + " with something that is not JSON", e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ?> outputs(DecisionTable table, Object answer) {
    if (table.outputs().size() == 1 && !(answer instanceof Map<?, ?>)) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put(table.outputs().getFirst().name(), answer);
      return one;
    }
    return answer instanceof Map<?, ?> map ? (Map<String, ?>) map : Map.of();
  }
}
