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

  public DemoClock(ZeebeTestEngine engine) {
    this.engine = engine;
  }

  public synchronized void advance(Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("The clock only moves forward");
    }
    engine.increaseTime(duration);
    offset = offset.plus(duration);
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
