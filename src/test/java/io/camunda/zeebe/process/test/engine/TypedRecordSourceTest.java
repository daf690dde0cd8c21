package io.camunda.zeebe.process.test.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class TypedRecordSourceTest {

  @Test
  void readsEveryRecordExactlyAsTheEnginesOwnSourceDoes() throws Exception {
    ZeebeTestEngine engine = SeekingEngineFactory.create();
    engine.start();
    try (var client = engine.createClient()) {
      client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("typed").startEvent()
              .serviceTask("work", t -> t.zeebeJobType("work")).endEvent().done(), "typed.bpmn").send().join();
      long instance = client.newCreateInstanceCommand().bpmnProcessId("typed").latestVersion()
          .variables(Map.of("amount", 12.5, "customer", "Müller GmbH")).send().join().getProcessInstanceKey();
      var job = client.newActivateJobsCommand().jobType("work").maxJobsToActivate(1).send().join().getJobs().getFirst();
      client.newCompleteCommand(job.getKey()).variables(Map.of("done", true)).send().join();
      engine.waitForIdleState(Duration.ofSeconds(30));

      List<String> ours = json(engine.getRecordStreamSource().getRecords());
      LogStream log = (LogStream) field(engine, "logStream");
      List<String> theirs = json(new RecordStreamSourceImpl(log.newLogStreamReader(), 1).getRecords());

      assertThat(ours).hasSizeGreaterThan(20).isEqualTo(theirs);
      assertThat(engine.getRecordStreamSource().getRecords()).anySatisfy(r -> {
        assertThat(r.getValueType()).isEqualTo(ValueType.VARIABLE);
        assertThat(r.toJson()).contains("Müller GmbH", String.valueOf(instance));
      });
    } finally {
      engine.stop();
    }
  }

  @Test
  void aSecondReadAddsOnlyTheNewRecordsToTheSameList() throws Exception {
    ZeebeTestEngine engine = SeekingEngineFactory.create();
    engine.start();
    try (var client = engine.createClient()) {
      client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("again").startEvent().endEvent().done(),
          "again.bpmn").send().join();
      engine.waitForIdleState(Duration.ofSeconds(30));
      List<String> first = json(engine.getRecordStreamSource().getRecords());

      client.newCreateInstanceCommand().bpmnProcessId("again").latestVersion().send().join();
      engine.waitForIdleState(Duration.ofSeconds(30));
      List<String> second = json(engine.getRecordStreamSource().getRecords());

      assertThat(second).hasSizeGreaterThan(first.size()).startsWith(first.toArray(String[]::new));
    } finally {
      engine.stop();
    }
  }

  private static List<String> json(Iterable<Record<?>> records) {
    List<String> all = new ArrayList<>();
    records.forEach(r -> all.add(r.toJson()));
    return all;
  }

  private static Object field(Object owner, String name) throws ReflectiveOperationException {
    var field = owner.getClass().getDeclaredField(name);
    field.setAccessible(true);
    return field.get(owner);
  }
}
