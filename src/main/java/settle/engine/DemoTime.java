package settle.engine;

import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import settle.common.NotFoundException;

/**
 * Moves embedded mode's business time a day at a time and lets the engine finish each day's work
 * before the next, so a jump of 60 days plays out as 60 days would, only faster.
 */
@Component
public class DemoTime {

  private static final Duration IDLE_LIMIT = Duration.ofSeconds(15);

  private final Clock clock;
  private final EngineActivity activity;
  private final JdbcTemplate jdbc;

  DemoTime(Clock clock, EngineActivity activity, JdbcTemplate jdbc) {
    this.clock = clock;
    this.activity = activity;
    this.jdbc = jdbc;
  }

  public synchronized void advance(Duration by) {
    if (!(clock instanceof DemoClock demo)) {
      throw new NotFoundException("The demo clock", "(only in embedded mode)");
    }
    awaitIdle();
    Duration left = by;
    while (!left.isZero()) {
      Duration step = left.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1) : left;
      demo.advance(step);
      left = left.minus(step);
      awaitIdle();
    }
  }

  /** Idle: no command waits in the engine outbox and the engine's log has not grown for a moment. */
  public void awaitIdle() {
    long deadline = System.nanoTime() + IDLE_LIMIT.toNanos();
    long last = -1;
    int still = 0;
    while (still < 3 && System.nanoTime() < deadline) {
      long now = activity.count() + 1_000_000L * jdbc.queryForObject(
          "select count(*) from engine_outbox where sent_at is null", Long.class);
      still = now == last ? still + 1 : 0;
      last = now;
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

}
