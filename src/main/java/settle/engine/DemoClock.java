package settle.engine;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Embedded mode's business clock: real time plus an offset that moves together with the
 * in-memory engine's clock, so timers and the application agree on what day it is.
 */
public final class DemoClock extends Clock {

  private final ZeebeTestEngine engine;
  private volatile Duration offset = Duration.ZERO;
  /** From which real instant each offset held, so a moment the engine stamped in real time reads as business time. */
  private final java.util.concurrent.ConcurrentSkipListMap<Instant, Duration> offsets = new java.util.concurrent.ConcurrentSkipListMap<>(
      java.util.Map.of(Instant.EPOCH, Duration.ZERO));

  public DemoClock(ZeebeTestEngine engine) {
    this.engine = engine;
  }

  public synchronized void advance(Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("The clock only moves forward");
    }
    engine.increaseTime(duration);
    offset = offset.plus(duration);
    offsets.put(Instant.now(), offset);
  }

  /** The business time of a real instant: the in-memory engine stamps its records with the machine's time. */
  public Instant businessTimeOf(Instant real) {
    return real.plus(offsets.floorEntry(real).getValue());
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
