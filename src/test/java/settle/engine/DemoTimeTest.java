package settle.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import settle.testdata.SettleTest;

/** The demo clock moves on only over an idle engine, and says so when the engine does not come to rest. */
@SettleTest
class DemoTimeTest {

  @Autowired Clock clock;
  @Autowired EngineActivity activity;
  @Autowired JdbcTemplate jdbc;
  @Autowired CamundaClient client;

  @Test
  void anEngineThatKeepsWorkingIsReportedNotWaitedOutInSilence() throws Exception {
    DemoTime impatient = new DemoTime(clock, activity, jdbc, Duration.ofSeconds(2));
    AtomicBoolean busy = new AtomicBoolean(true);
    // a steady stream of messages nobody waits for keeps the engine's log growing
    Thread traffic = Thread.ofVirtual().start(() -> {
      while (busy.get()) {
        client.newPublishMessageCommand().messageName("demo-time-test-noise").correlationKey(UUID.randomUUID().toString())
            .send().join();
        try {
          Thread.sleep(40);
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
}
