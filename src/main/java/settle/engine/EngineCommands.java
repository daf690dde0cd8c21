package settle.engine;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
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
  private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT, true);

  EngineCommands(CamundaClient client) {
    this.client = client;
  }

  /** Evaluates the deployed decision (latest version) with these inputs. */
  public io.camunda.client.api.response.EvaluateDecisionResponse evaluateDecision(String decisionId, Map<String, ?> inputs) {
    return call(c -> c.newEvaluateDecisionCommand().decisionId(decisionId).variables(inputs).requestTimeout(REQUEST_TIMEOUT)
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
