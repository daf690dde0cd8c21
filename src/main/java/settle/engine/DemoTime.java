package settle.engine;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import settle.common.NotFoundException;

/**
 * Moves embedded mode's business time from one engine timer to the next and lets the engine finish the work each
 * brings before the clock moves again, so a jump of 60 days plays out as 60 days would, only faster.
 */
@Component
public class DemoTime {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DemoTime.class);
  /** Timers due this close together fire in one stop of the clock. */
  private static final Duration TOGETHER = Duration.ofMinutes(1);

  private final Clock clock;
  private final EngineActivity activity;
  private final BackgroundWork background;
  private final JdbcTemplate jdbc;
  private final Duration idleLimit;
  /** The engine's record count (and waiting commands) when it was last seen at rest; -1 before. */
  private volatile long restingAt = -1;

  DemoTime(Clock clock, EngineActivity activity, BackgroundWork background, JdbcTemplate jdbc,
           @Value("${settle.demo-clock.idle-limit:60s}") Duration idleLimit) {
    this.clock = clock;
    this.activity = activity;
    this.background = background;
    this.jdbc = jdbc;
    this.idleLimit = idleLimit;
  }

  public synchronized void advance(Duration by) {
    if (!(clock instanceof DemoClock demo)) {
      throw new NotFoundException("The demo clock", "(only in embedded mode)");
    }
    awaitIdle();
    long started = System.nanoTime();
    int stops = 0;
    Duration left = by;
    while (!left.isZero()) {
      stops++;
      // straight to the next timer, so each fires close to its own moment and sees about the clock it was set for; a
      // stretch in which none falls due is crossed in one move, as the engine would do nothing on its days. Timers due
      // within a minute of each other go off together: loops started moments apart would otherwise cost a stop each.
      java.time.Instant now = clock.instant();
      Duration untilNext = activity.nextTimerDue(now, TOGETHER).map(due -> Duration.between(now, due).plusMillis(1)).orElse(left);
      Duration step = untilNext.compareTo(left) < 0 ? untilNext : left;
      demo.advance(step);
      left = left.minus(step);
      awaitIdle();
    }
    log.info("Business time moved {} in {} stops, {} ms", by, stops, (System.nanoTime() - started) / 1_000_000);
  }

  /**
   * Replaces the engine by a fresh one (nothing deployed, nothing running) once the old one is at rest, with business
   * time at {@code at}; see {@link DemoClock#renewEngine}. For a Settle started for a simulation only.
   */
  public synchronized void freshEngine(java.time.Instant at) {
    if (!(clock instanceof DemoClock demo)) {
      throw new NotFoundException("The demo clock", "(only in embedded mode)");
    }
    awaitIdle();
    demo.renewEngine(at);
    log.info("A fresh engine, business time {}", at);
  }

  /**
   * Idle: no command waits in the engine outbox for its first try, no job waits for a worker or is held by one, no
   * timer is due, no {@link BackgroundWork} is queued or running, and the engine's log has not grown for a moment.
   * Moving time on while work is under way would make days overlap, so a busy engine is an error, not a wait that ends
   * anyway.
   */
  public void awaitIdle() {
    awaitIdle(idleLimit);
  }

  public void awaitIdle(Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    long last = -1;
    int still = 0;
    long resting = restingAt;
    // what is under way is known exactly; the short quiet spell (150 ms) covers the moment between one record and the
    // next, and looks seldom enough to rarely meet the engine mid-write
    while (still < 4) {
      // a command not yet tried is on its way (the relay sends it within moments) and counts as work under way; one
      // waiting to be tried again after a failure is part of the picture, and a busy engine is an error (below)
      long[] outbox = jdbc.queryForObject("select count(*) filter (where attempts = 0), count(*) from engine_outbox"
          + " where sent_at is null", (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)});
      long now = activity.count() + 1_000_000L * outbox[1];
      Map<String, Integer> underWay = activity.workUnderWay(clock.instant());
      underWay.putAll(background.underWay());
      if (outbox[0] > 0) {
        underWay.put("engine commands waiting", (int) outbox[0]);
      }
      if (now == resting && underWay.isEmpty()) {
        // not a record nor a command since the engine was last seen at rest, and nothing under way: still at rest (a
        // day's steps wait for rest several times over, and each quiet spell would cost its 200 ms again)
        return;
      }
      if (System.nanoTime() >= deadline) {
        throw new EngineBusyException(limit, underWay);
      }
      still = now == last && underWay.isEmpty() ? still + 1 : 0;
      last = now;
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new EngineBusyException(Duration.ZERO, Map.of());
      }
    }
    restingAt = last;
  }

  /** The engine did not come to rest in time: a 503 with a problem body for callers of the clock. */
  public static class EngineBusyException extends ErrorResponseException {

    EngineBusyException(Duration waited, Map<String, Integer> underWay) {
      super(HttpStatus.SERVICE_UNAVAILABLE, ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
          "The engine was still busy after " + waited.toSeconds() + " s (commands waiting, its log still growing"
              + (underWay.isEmpty() ? "" : " or work under way: " + underWay) + "),"
              + " so the demo clock stopped at the last day that finished. Try again shortly."), null);
      getBody().setTitle("Engine busy");
    }

    @Override
    public String getMessage() {
      return getBody().getDetail();
    }
  }
}
