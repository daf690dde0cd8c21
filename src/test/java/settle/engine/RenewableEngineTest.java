package settle.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.protocol.record.ValueType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A simulation's next batch gets a fresh engine at the same address, and business time goes back to its first morning. */
class RenewableEngineTest {

  private static final String TABLE = "task-priority.dmn";

  private RenewableEngine engine;

  @AfterEach
  void stop() {
    engine.stop();
  }

  @Test
  void aFreshEngineAtTheSameAddressKnowsNothingOfTheOldOneAndBusinessTimeGoesBackToTheGivenMorning() throws IOException {
    engine = new RenewableEngine();
    engine.start();
    DemoClock clock = DemoClock.of(engine, c -> {});
    assertThat(deploy()).as("the table's first version").isEqualTo(1);
    assertThat(deploy()).as("changed bytes make a second").isEqualTo(2);
    EngineRecords.Read old = EngineRecords.from(engine, 0, 0);
    assertThat(old.generation()).isZero();
    assertThat(old.records()).anyMatch(r -> r.getValueType() == ValueType.DECISION_REQUIREMENTS);
    clock.advance(Duration.ofDays(30));

    Instant morning = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(5));
    clock.renewEngine(morning);

    assertThat(engine.generation()).isEqualTo(1);
    assertThat(Duration.between(morning, clock.instant()).toSeconds()).as("business time back at the morning, 28 days earlier")
        .isCloseTo(0, within(60L));
    assertThat(deploy()).as("the fresh engine at the same address has never seen the table").isEqualTo(1);
    // a reader still at the old engine's position: it starts again at the new log's first record, so it sees the
    // deployment there (the new log is shorter: reading on from the old position would see nothing)
    EngineRecords.Read fresh = EngineRecords.from(engine, 0, old.records().size());
    assertThat(fresh.generation()).isEqualTo(1);
    assertThat(fresh.records()).anyMatch(r -> r.getValueType() == ValueType.DECISION_REQUIREMENTS);
  }

  private int deploys;

  /** The table, a comment apart each time, so every deployment is a new version for an engine that has the last. */
  private int deploy() throws IOException {
    String xml = Files.readString(Path.of("dmn", TABLE)) + "<!-- " + (++deploys) + " -->";
    try (ZeebeClient client = engine.createClient()) {
      // a cold engine on a loaded machine takes longer than the client's 10 s to parse its first table
      return client.newDeployResourceCommand().addResourceBytes(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8), TABLE)
          .requestTimeout(Duration.ofMinutes(2)).send().join().getDecisionRequirements().getFirst().getVersion();
    }
  }
}
