package settle.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import io.grpc.Status;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Direct calls to the engine, bounded: the in-memory engine fails under thousands of concurrent
 * requests, and a cluster gains nothing from more than a few dozen in flight from one replica.
 */
@Component
public class EngineCommands {

  static final int MAX_IN_FLIGHT = 32;
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

  private final CamundaClient client;
  private final Duration requestTimeout;
  private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT, true);

  @Autowired
  EngineCommands(CamundaClient client) {
    this(client, REQUEST_TIMEOUT);
  }

  EngineCommands(CamundaClient client, Duration requestTimeout) {
    this.client = client;
    this.requestTimeout = requestTimeout;
  }

  /**
   * Evaluates the deployed decision (latest version) with these inputs. Asked again once if no answer comes in time: the
   * in-memory engine now and then evaluates and then fails to send its answer (its log reads "Expected to execute side
   * effects" for a DECISION_EVALUATION command), and an evaluation changes nothing, so a repeat is harmless.
   */
  public EvaluateDecisionResponse evaluateDecision(String decisionId, Map<String, ?> inputs) {
    try {
      return evaluate(decisionId, inputs);
    } catch (ClientStatusException e) {
      if (e.getStatusCode() != Status.Code.DEADLINE_EXCEEDED) {
        throw e;
      }
      return evaluate(decisionId, inputs);
    }
  }

  private EvaluateDecisionResponse evaluate(String decisionId, Map<String, ?> inputs) {
    return call(c -> c.newEvaluateDecisionCommand().decisionId(decisionId).variables(inputs).requestTimeout(requestTimeout)
        .send().join());
  }

  /** Runs one request against the engine inside the in-flight bound. */
  public <T> T call(Function<CamundaClient, T> request) {
    try {
      inFlight.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the engine", e);
    }
    try {
      return request.apply(client);
    } finally {
      inFlight.release();
    }
  }
}
