package settle.selfservice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PortalRateLimitTest {

  @Test
  void aBucketLetsItsCapacityThroughThenRefillsEvenlyOverAMinute() {
    AtomicLong nanos = new AtomicLong(1_000_000_000L);
    PortalRateLimit.Buckets buckets = new PortalRateLimit.Buckets(3, nanos::get);

    assertThat(buckets.take("10.0.0.1")).isZero();
    assertThat(buckets.take("10.0.0.1")).isZero();
    assertThat(buckets.take("10.0.0.1")).isZero();
    assertThat(buckets.take("10.0.0.1")).as("seconds to wait for the next token").isEqualTo(20);
    assertThat(buckets.take("10.0.0.2")).as("another address has its own bucket").isZero();

    nanos.addAndGet(20_000_000_000L);
    assertThat(buckets.take("10.0.0.1")).isZero();
    assertThat(buckets.take("10.0.0.1")).isPositive();
  }
}
