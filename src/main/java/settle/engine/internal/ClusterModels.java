package settle.engine.internal;

import io.camunda.client.api.statistics.response.ProcessElementStatistics;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import settle.engine.DeployedModel;
import settle.engine.EngineCommands;
import settle.engine.EngineModels;

/**
 * A cluster: the Orchestration Cluster REST API searches definitions and counts active element instances.
 * Its search reads the exported secondary storage, so it may lag the engine by a few seconds.
 */
class ClusterModels implements EngineModels {

  private static final Logger log = LoggerFactory.getLogger(ClusterModels.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  private final EngineCommands engine;

  ClusterModels(EngineCommands engine) {
    this.engine = engine;
  }

  @Override
  public Optional<InForce> latest(DeployedModel.Kind kind, String definitionId) {
    try {
      return engine.call(client -> kind == DeployedModel.Kind.BPMN
          ? client.newProcessDefinitionSearchRequest().filter(f -> f.processDefinitionId(definitionId))
              .sort(s -> s.version().desc()).page(p -> p.limit(1)).requestTimeout(TIMEOUT).send().join().items().stream()
              .findFirst().map(p -> new InForce(p.getVersion(), p.getProcessDefinitionKey()))
          : client.newDecisionRequirementsSearchRequest().filter(f -> f.decisionRequirementsId(definitionId))
              .sort(s -> s.version().desc()).page(p -> p.limit(1)).requestTimeout(TIMEOUT).send().join().items().stream()
              .findFirst().map(d -> new InForce(d.getVersion(), d.getDecisionRequirementsKey())));
    } catch (RuntimeException e) {
      log.warn("The engine could not say which version of {} is in force: {}", definitionId, e.getMessage());
      return Optional.empty();
    }
  }

  @Override
  public Map<String, Long> waitingAt(long processDefinitionKey) {
    Map<String, Long> waiting = new HashMap<>();
    try {
      for (ProcessElementStatistics s : engine.call(client -> client.newProcessDefinitionElementStatisticsRequest(processDefinitionKey)
          .requestTimeout(TIMEOUT).send().join())) {
        if (s.getActive() != null && s.getActive() > 0) {
          waiting.put(s.getElementId(), s.getActive());
        }
      }
    } catch (RuntimeException e) {
      log.warn("The engine could not count the instances of process definition {}: {}", processDefinitionKey, e.getMessage());
    }
    return waiting;
  }
}
