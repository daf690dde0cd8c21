package settle.engine;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.WeakHashMap;
import java.lang.ref.WeakReference;

/**
 * Embedded mode's business clock: real time plus an offset that moves together with the
 * in-memory engine's clock, so timers and the application agree on what day it is. There is one per engine: two
 * application contexts on one engine (replicas in a test) must agree on the day too, whichever of them moved it.
 */
public final class DemoClock extends Clock {

  /** Weak both ways, so a closed context's engine and clock can go. */
  private static final Map<ZeebeTestEngine, WeakReference<DemoClock>> BY_ENGINE = new WeakHashMap<>();

  private final ZeebeTestEngine engine;
  private volatile Duration offset = Duration.ZERO;

  private DemoClock(ZeebeTestEngine engine) {
    this.engine = engine;
  }

  /** The engine's clock; {@code whenNew} prepares it the first time it is asked for (a start hour, say). */
  public static DemoClock of(ZeebeTestEngine engine, java.util.function.Consumer<DemoClock> whenNew) {
    synchronized (BY_ENGINE) {
      WeakReference<DemoClock> known = BY_ENGINE.get(engine);
      DemoClock clock = known == null ? null : known.get();
      if (clock == null) {
        clock = new DemoClock(engine);
        whenNew.accept(clock);
        BY_ENGINE.put(engine, new WeakReference<>(clock));
      }
      return clock;
    }
  }

  public synchronized void advance(Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("The clock only moves forward");
    }
    engine.increaseTime(duration);
    offset = offset.plus(duration);
  }

  /**
   * A fresh engine in place of this one, with business time at {@code at}, which may be earlier than now (so a
   * simulation's next batch of customers meets the same days as the first) but not earlier than real time. Everything
   * the old engine held is gone; only for a Settle started for a simulation, whose ledger nobody else reads.
   */
  public synchronized void renewEngine(Instant at) {
    if (!(engine instanceof RenewableEngine renewable)) {
      throw new IllegalStateException("This engine cannot be replaced");
    }
    Duration ahead = Duration.between(Instant.now(), at);
    if (ahead.isNegative()) {
      throw new IllegalArgumentException("Business time cannot be set before real time: " + at);
    }
    renewable.renew(ahead);
    offset = ahead;
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("Business time is kept in UTC");
  }
}
