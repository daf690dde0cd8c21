package settle.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import io.camunda.client.api.response.EvaluatedDecision;
import io.camunda.client.api.response.MatchedDecisionRule;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import settle.engine.EngineCommands;

/**
 * Evaluates a table on the engine that runs the processes: the table is deployed as written (an unchanged
 * table is the version already there, so nothing new appears) and evaluated by that version's key, so a
 * newer version deployed meanwhile does not answer in its place.
 */
@Component
public class EngineDecisionEvaluator implements DecisionEvaluator {

  private final EngineCommands engine;
  private final ObjectMapper json;
  private final Map<String, Long> keysByContent = new ConcurrentHashMap<>();

  EngineDecisionEvaluator(EngineCommands engine, ObjectMapper json) {
    this.engine = engine;
    this.json = json;
  }

  @Override
  public Evaluation evaluate(DecisionTable table, Map<String, Object> variables) {
    long key = keysByContent.computeIfAbsent(sha256(table.xml()), sha -> deploy(table));
    EvaluateDecisionResponse response = engine.call(c -> c.newEvaluateDecisionCommand().decisionKey(key).variables(variables)
        .send().join());
    EvaluatedDecision decision = response.getEvaluatedDecisions().stream()
        .filter(d -> d.getDecisionId().equals(table.decisionId())).findFirst().orElseThrow();
    if (decision.getMatchedRules().isEmpty()) {
      return new Evaluation(null, 0, Map.of());
    }
    MatchedDecisionRule rule = decision.getMatchedRules().getFirst();
    Map<String, Object> outputs = new LinkedHashMap<>();
    // the engine names an output by its label; the processes know it by its name
    rule.getEvaluatedOutputs().forEach(o -> outputs.put(table.outputs().stream().filter(c -> c.id().equals(o.getOutputId()))
        .map(DecisionTable.Output::name).findFirst().orElse(o.getOutputName()), value(o.getOutputValue())));
    return new Evaluation(rule.getRuleId(), rule.getRuleIndex(), outputs);
  }

  private long deploy(DecisionTable table) {
    DeploymentEvent deployed = engine.call(c -> c.newDeployResourceCommand().addResourceBytes(table.xml(), table.fileName())
        .send().join());
    return deployed.getDecisions().stream().filter(d -> d.getDmnDecisionId().equals(table.decisionId())).findFirst()
        .orElseThrow(() -> new PolicyFileException(table.fileName(), 0, "deployed without decision " + table.decisionId()))
        .getDecisionKey();
  }

  private Object value(String jsonValue) {
    try {
      JsonNode node = json.readTree(jsonValue);
      if (node == null || node.isNull()) {
        return null;
      }
      if (node.isNumber()) {
        return node.decimalValue();
      }
      if (node.isBoolean()) {
        return node.booleanValue();
      }
      return node.isTextual() ? node.textValue() : json.convertValue(node, Object.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The engine answered an output that is not JSON: " + jsonValue, e);
    }
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
