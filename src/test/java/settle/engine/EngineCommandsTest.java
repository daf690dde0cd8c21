package settle.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.SeekingEngineFactory;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Direct engine calls: an evaluation whose answer never came is asked again. */
class EngineCommandsTest {

  private ZeebeTestEngine engine;

  @BeforeEach
  void engineWithTheTaskPriorityTable() {
    engine = SeekingEngineFactory.create();
    engine.start();
    try (var deployer = engine.createClient()) {
      deployer.newDeployResourceCommand().addResourceFile(Path.of("dmn", "task-priority.dmn").toString())
          .requestTimeout(Duration.ofMinutes(2)).send().join();
    }
  }

  @AfterEach
  void stop() {
    engine.stop();
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void anEvaluationWhoseAnswerIsLostIsAskedAgainAndAnswered() {
    LoseFirstAnswer line = new LoseFirstAnswer();
    try (CamundaClient client = CamundaClient.newClientBuilder().preferRestOverGrpc(false)
        .grpcAddress(URI.create("http://127.0.0.1:" + RenewableEngine.port(engine))).withInterceptors(line).build()) {
      EngineCommands commands = new EngineCommands(client, Duration.ofSeconds(30));

      var answer = commands.evaluateDecision("task-priority", Map.of("riskRating", "HIGH", "daysPastDue", 45));

      assertThat(answer.getDecisionOutput()).isEqualTo("5");
      assertThat(line.calls.get()).as("asked twice").isEqualTo(2);
      assertThat(EngineRecords.all(engine).stream().filter(r -> r.getValueType() == ValueType.DECISION_EVALUATION
          && r.getRecordType() == RecordType.EVENT).count()).as("the engine evaluated both times").isEqualTo(2);
    }
  }

  /**
   * Passes every call to the engine; the first evaluation's answer never reaches the client, which is told its deadline
   * passed instead (at once, so the test need not wait one out), as when the engine evaluates and then loses its answer.
   */
  private static final class LoseFirstAnswer implements ClientInterceptor {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public <Q, A> ClientCall<Q, A> interceptCall(MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
      boolean lose = method.getFullMethodName().endsWith("EvaluateDecision") && calls.incrementAndGet() == 1;
      return new SimpleForwardingClientCall<>(next.newCall(method, options)) {
        @Override
        public void start(Listener<A> listener, Metadata headers) {
          super.start(lose ? new Listener<>() {
            @Override
            public void onClose(Status status, Metadata trailers) {
              listener.onClose(Status.DEADLINE_EXCEEDED.withDescription("the answer was lost"), new Metadata());
            }
          } : listener, headers);
        }
      };
    }
  }
}
