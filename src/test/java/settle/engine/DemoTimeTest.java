package settle.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import settle.testdata.SettleTest;

/** The demo clock moves on only over an idle engine, and says so when the engine does not come to rest. */
@SettleTest
class DemoTimeTest {

  @Autowired Clock clock;
  @Autowired EngineActivity activity;
  @Autowired BackgroundWork background;
  @Autowired JdbcTemplate jdbc;
  @Autowired CamundaClient client;

  @Test
  void anEngineThatKeepsWorkingIsReportedNotWaitedOutInSilence() throws Exception {
    DemoTime impatient = new DemoTime(clock, activity, background, jdbc, Duration.ofSeconds(2));
    AtomicBoolean busy = new AtomicBoolean(true);
    // a steady stream of messages nobody waits for keeps the engine's log growing
    Thread traffic = Thread.ofVirtual().start(() -> {
      while (busy.get()) {
        // not joined: a slow answer on a loaded machine must not leave a gap the idle check could take for rest
        client.newPublishMessageCommand().messageName("demo-time-test-noise").correlationKey(UUID.randomUUID().toString())
            .send();
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    try {
      long started = System.nanoTime();
      assertThatThrownBy(impatient::awaitIdle).isInstanceOf(DemoTime.EngineBusyException.class)
          .hasMessageContaining("still busy after 2 s");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    } finally {
      busy.set(false);
      traffic.join();
    }
    impatient.awaitIdle(); // and once the traffic stops, it is idle again
  }

  @Test
  void aJobAWorkerStillHoldsIsWorkUnderWayThoughTheLogStandsStill() throws Exception {
    String type = "demo-time-test-slow-" + UUID.randomUUID();
    client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("demo-time-test-slow").startEvent()
        .serviceTask("slow", t -> t.zeebeJobType(type)).endEvent().done(), "demo-time-test-slow.bpmn").send().join();
    CountDownLatch handed = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (var worker = client.newWorker().jobType(type).handler((jobs, job) -> {
      handed.countDown();
      release.await(1, TimeUnit.MINUTES);
      jobs.newCompleteCommand(job).send().join();
    }).open()) {
      client.newCreateInstanceCommand().bpmnProcessId("demo-time-test-slow").latestVersion().send().join();
      assertThat(handed.await(1, TimeUnit.MINUTES)).isTrue();

      DemoTime impatient = new DemoTime(clock, activity, background, jdbc, Duration.ofSeconds(2));
      long started = System.nanoTime();
      assertThatThrownBy(impatient::awaitIdle).isInstanceOf(DemoTime.EngineBusyException.class)
          .hasMessageContaining("work under way: {" + type + "=1}");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));

      release.countDown();
      new DemoTime(clock, activity, background, jdbc, Duration.ofSeconds(30)).awaitIdle();
      assertThat(activity.workUnderWay(clock.instant())).isEmpty();
    }
  }

  @Test
  void backgroundWorkQueuedOrRunningIsWorkUnderWay() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    DemoTime patient = new DemoTime(clock, activity, background, jdbc, Duration.ofSeconds(30));
    patient.awaitIdle();
    DemoTime impatient = new DemoTime(clock, activity, background, jdbc, Duration.ofSeconds(2));
    background.start("demo-time-test work", () -> {
      try {
        release.await(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    try {
      assertThatThrownBy(impatient::awaitIdle).isInstanceOf(DemoTime.EngineBusyException.class)
          .hasMessageContaining("work under way: {demo-time-test work=1}");
    } finally {
      release.countDown();
    }
    patient.awaitIdle();
    assertThat(background.underWay()).isEmpty();
  }

  @Test
  void aCommandTheRelayHasNotTriedYetIsWorkUnderWayButOneWaitingForItsRetryIsNot() {
    // due in an hour, so the relay leaves it alone while the clock is checked: as a row is between commit and send
    long row = jdbc.queryForObject("insert into engine_outbox(message_name, correlation_key, next_attempt_at)"
        + " values ('demo-time-test-waiting', ?, now() + interval '1 hour') returning id", Long.class, UUID.randomUUID().toString());
    try {
      DemoTime impatient = new DemoTime(clock, activity, background, jdbc, Duration.ofSeconds(2));
      assertThatThrownBy(impatient::awaitIdle).isInstanceOf(DemoTime.EngineBusyException.class)
          .hasMessageContaining("engine commands waiting=1");

      // tried once and failed (the engine away): a retry waits its back-off, and the clock need not wait for it
      jdbc.update("update engine_outbox set attempts = 1, last_error = 'UNAVAILABLE' where id = ?", row);
      impatient.awaitIdle();
    } finally {
      jdbc.update("delete from engine_outbox where id = ?", row);
    }
  }
}
