package io.camunda.zeebe.process.test.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.EvaluateDecisionResponse;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The engine with its state in RocksDB answers many commands at once, and takes its state with it when it stops. */
class RocksDbStateEngineTest {

  private static final int EVALUATIONS = 1000;
  private static final int INSTANCES = 300;

  private static int freePort() throws java.io.IOException {
    try (var socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void decisionsAndInstancesAtOnceAreEachAnsweredAndTheStateIsRemovedAfterwards() throws Exception {
    ZeebeTestEngine engine = RocksDbStateEngine.create(freePort());
    Path state = ((RocksDbStateEngine) engine).directory();
    assertThat(state).isDirectory();
    engine.start();
    try (ZeebeClient client = engine.createClient()) {
      client.newDeployResourceCommand().addResourceFile(Path.of("dmn/customer-segmentation.dmn").toString())
          .addResourceFile(Path.of("dmn/task-priority.dmn").toString()).send().join();
      client.newDeployResourceCommand().addProcessModel(io.camunda.zeebe.model.bpmn.Bpmn.createExecutableProcess("p").startEvent()
          .serviceTask("work", t -> t.zeebeJobType("work")).endEvent().done(), "p.bpmn").send().join();
      AtomicInteger completed = new AtomicInteger();
      var worker = client.newWorker().jobType("work").handler((c, job) -> {
        c.newCompleteCommand(job.getKey()).variables(Map.of("done", job.getVariablesAsMap().get("n"), "list", List.of(1, 2))).send().join();
        completed.incrementAndGet();
      }).open();
      AtomicInteger failed = new AtomicInteger();
      ConcurrentMap<String, Integer> errors = new ConcurrentHashMap<>();
      List<Future<?>> calls = new ArrayList<>();
      long started = System.nanoTime();
      try (ExecutorService pool = Executors.newFixedThreadPool(32)) {
        for (int i = 0; i < EVALUATIONS; i++) {
          int n = i;
          calls.add(pool.submit(() -> {
            try {
              EvaluateDecisionResponse r = client.newEvaluateDecisionCommand().decisionId("customer-segmentation")
                  .variables(Map.of("riskRating", n % 3 == 0 ? "HIGH" : "LOW", "customerOpenBalance", n * 13 % 90000,
                      "tenureDays", n % 2000, "disputesLast12Months", n % 4))
                  .requestTimeout(Duration.ofSeconds(20)).send().join();
              assertThat(r.getDecisionOutput()).contains("segment");
            } catch (RuntimeException e) {
              failed.incrementAndGet();
              errors.merge(String.valueOf(e.getMessage()).substring(0, Math.min(120, String.valueOf(e.getMessage()).length())), 1, Integer::sum);
            }
          }));
        }
        for (int i = 0; i < INSTANCES; i++) {
          int n = i;
          calls.add(pool.submit(() -> {
            try {
              client.newCreateInstanceCommand().bpmnProcessId("p").latestVersion().variables(Map.of("n", n, "pair", List.of(n, "x")))
                  .requestTimeout(Duration.ofSeconds(20)).send().join();
            } catch (RuntimeException e) {
              failed.incrementAndGet();
              errors.merge("create " + e.getMessage(), 1, Integer::sum);
            }
          }));
        }
        for (Future<?> f : calls) {
          f.get();
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> completed.get() >= INSTANCES);
        worker.close();
      }
      System.out.printf("RocksDbStateEngineTest: %d evaluations and %d instances in %d ms, %d failed %s%n", EVALUATIONS, INSTANCES,
          (System.nanoTime() - started) / 1_000_000, failed.get(), errors);
      assertThat(failed.get()).isZero();
      assertThat(completed.get()).isEqualTo(INSTANCES);
    } finally {
      engine.stop();
    }
    assertThat(state).doesNotExist();
  }
}
