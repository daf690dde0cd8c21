package settle.selfservice.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.LongSupplier;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Token buckets per link and per client address over every portal request, so a leaked link cannot be hammered and
 * nobody can try links in bulk. In memory, per replica: each replica allows its share, which is enough to stop abuse.
 */
@Component
class PortalRateLimit implements HandlerInterceptor, WebMvcConfigurer {

  private final Buckets perLink;
  private final Buckets perAddress;

  PortalRateLimit(@Value("${settle.portal.rate-limit.per-link-per-minute:120}") int perLink,
                  @Value("${settle.portal.rate-limit.per-address-per-minute:600}") int perAddress) {
    this.perLink = new Buckets(perLink, System::nanoTime);
    this.perAddress = new Buckets(perAddress, System::nanoTime);
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns("/portal/**");
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String rest = path.substring("/portal/".length());
    String link = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
    long wait = Math.max(perAddress.take(request.getRemoteAddr()), perLink.take(link));
    if (wait > 0) {
      throw new PortalLinkProblems.TooManyRequests(wait);
    }
    return true;
  }

  /** Buckets of {@code capacity} tokens refilled evenly over a minute; full buckets are dropped to bound memory. */
  static final class Buckets {

    private final int capacity;
    private final LongSupplier nanos;
    private final Map<String, double[]> buckets = new ConcurrentHashMap<>();

    /** {@code nanos}: a monotonic clock, not the business clock, which may jump with the demo clock. */
    Buckets(int capacity, LongSupplier nanos) {
      this.capacity = capacity;
      this.nanos = nanos;
    }

    /** Takes a token: 0 if one was there, else the seconds until one will be. */
    long take(String key) {
      long now = nanos.getAsLong();
      long[] wait = {0};
      buckets.compute(key, (k, b) -> {
        // {tokens, last refill}
        double[] bucket = b == null ? new double[] {capacity, now} : b;
        bucket[0] = Math.min(capacity, bucket[0] + (now - bucket[1]) * capacity / 60e9);
        bucket[1] = now;
        if (bucket[0] >= 1) {
          bucket[0] -= 1;
        } else {
          wait[0] = (long) Math.ceil((1 - bucket[0]) * 60 / capacity);
        }
        return bucket;
      });
      if (buckets.size() > 100_000) {
        buckets.values().removeIf(b -> b[0] + (now - b[1]) * capacity / 60e9 >= capacity);
      }
      return wait[0];
    }
  }
}
