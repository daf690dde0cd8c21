package settle.engine;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import settle.common.NotFoundException;

/**
 * Moves embedded mode's business time a day at a time and lets the engine finish each day's work
 * before the next, so a jump of 60 days plays out as 60 days would, only faster.
 */
@Component
public class DemoTime {

  private final Clock clock;
  private final EngineActivity activity;
  private final JdbcTemplate jdbc;
  private final Duration idleLimit;

  DemoTime(Clock clock, EngineActivity activity, JdbcTemplate jdbc,
           @Value("${settle.demo-clock.idle-limit:60s}") Duration idleLimit) {
    this.clock = clock;
    this.activity = activity;
    this.jdbc = jdbc;
    this.idleLimit = idleLimit;
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

  /**
   * Idle: no command waits in the engine outbox, no worker holds a job, and the engine's log has not grown for a moment.
   * Moving time on while work is under way would make days overlap, so a busy engine is an error, not a wait that ends anyway.
   */
  public void awaitIdle() {
    long deadline = System.nanoTime() + idleLimit.toNanos();
    long last = -1;
    int still = 0;
    while (still < 3) {
      if (System.nanoTime() >= deadline) {
        throw new EngineBusyException(idleLimit, activity.jobsHeldByType());
      }
      long now = activity.count() + 1_000_000L * jdbc.queryForObject(
          "select count(*) from engine_outbox where sent_at is null", Long.class);
      still = now == last && activity.jobsHeld() == 0 ? still + 1 : 0;
      last = now;
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new EngineBusyException(Duration.ZERO);
      }
    }
  }

  /** The engine did not come to rest in time: a 503 with a problem body for callers of the clock. */
  public static class EngineBusyException extends ErrorResponseException {

    EngineBusyException(Duration waited) {
      this(waited, java.util.Map.of());
    }

    EngineBusyException(Duration waited, java.util.Map<String, Integer> jobsHeld) {
      super(HttpStatus.SERVICE_UNAVAILABLE, ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
          "The engine was still busy after " + waited.toSeconds() + " s (commands waiting, its log still growing"
              + (jobsHeld.isEmpty() ? "" : " or workers still holding jobs: " + jobsHeld) + "),"
              + " so the demo clock stopped at the last day that finished. Try again shortly."), null);
      getBody().setTitle("Engine busy");
    }

    @Override
    public String getMessage() {
      return getBody().getDetail();
    }
  }
}
