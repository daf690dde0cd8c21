package settle.engine;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Work a request sets off once its transaction has committed and does not wait for (a customer's rescoring, which asks
 * the engine): two at a time, in the order given, on threads of their own. The demo clock counts it as work under way,
 * so business time never moves on past it and a test that waits for rest sees it done.
 */
@Component
public class BackgroundWork implements DisposableBean {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BackgroundWork.class);
  private static final Duration FINISHING = Duration.ofSeconds(30);

  private final ExecutorService workers = Executors.newFixedThreadPool(2, Thread.ofVirtual().name("background-", 1).factory());
  private final Map<String, AtomicInteger> underWay = new ConcurrentHashMap<>();

  /** Runs {@code work} soon; {@code kind} names it among the work under way ("risk rescoring"). */
  public void start(String kind, Runnable work) {
    AtomicInteger count = underWay.computeIfAbsent(kind, k -> new AtomicInteger());
    count.incrementAndGet();
    try {
      workers.execute(() -> {
        try {
          work.run();
        } finally {
          count.decrementAndGet();
        }
      });
    } catch (RejectedExecutionException e) {
      // shutting down: the caller's transaction has committed, so its call must not fail for work that is only a follow-up
      count.decrementAndGet();
      log.warn("Shutting down: {} not started", kind);
    }
  }

  /** How many of each kind are queued or running. */
  public Map<String, Integer> underWay() {
    Map<String, Integer> now = new TreeMap<>();
    underWay.forEach((kind, count) -> {
      if (count.get() > 0) {
        now.put(kind, count.get());
      }
    });
    return now;
  }

  @Override
  public void destroy() throws InterruptedException {
    // what was started finishes, as a request that had waited for it would have; nothing new is taken
    workers.shutdown();
    if (!workers.awaitTermination(FINISHING.toSeconds(), TimeUnit.SECONDS)) {
      log.warn("Background work still under way after {} s, left unfinished: {}", FINISHING.toSeconds(), underWay());
    }
  }
}
