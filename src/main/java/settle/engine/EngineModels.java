package settle.engine;

import java.util.Map;
import java.util.Optional;

/**
 * What the engine itself knows about deployed models, whoever deployed them. Two adapters: the in-memory
 * engine's record stream (embedded mode, which has no REST API) and the Orchestration Cluster REST API.
 */
public interface EngineModels {

  /** The version in force of a process (by process id) or decision requirements graph (by definitions id). */
  record InForce(int version, long key) {}

  /** The newest version the engine has; empty when the engine cannot say (no such model, or not searchable). */
  Optional<InForce> latest(DeployedModel.Kind kind, String definitionId);

  /** Running instances of a process definition waiting at each element (element id → count), only elements with any. */
  Map<String, Long> waitingAt(long processDefinitionKey);
}
