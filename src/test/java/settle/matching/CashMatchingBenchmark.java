package settle.matching;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import settle.matching.testdata.CashDataGenerator;
import settle.matching.testdata.Dataset;
import settle.matching.testdata.LabelledLine;
import settle.matching.testdata.NoiseProfile;
import settle.matching.testdata.Scorecard;

/**
 * Cash matching at ledger scale: 1,000,000 open invoices of ~100,000 customers, 100,000 statement
 * lines with the realistic noise profile. Not a test; run with {@code ./mvnw -B -Pbench verify}.
 * Sizes can be changed with system properties (bench.customers, bench.invoices, bench.lines,
 * bench.seed, bench.maxMinutes). Exits 1 when the quality targets are missed.
 */
public final class CashMatchingBenchmark {

  private static final double TARGET_AUTO = 0.95;
  private static final double TARGET_PRECISION = 0.995;
  private static final double TARGET_LINES_PER_SECOND = 20_000;

  private CashMatchingBenchmark() {}

  public static void main(String[] args) {
    int customers = Integer.getInteger("bench.customers", 100_000);
    int invoices = Integer.getInteger("bench.invoices", 1_000_000);
    int lines = Integer.getInteger("bench.lines", 100_000);
    long seed = Long.getLong("bench.seed", 2026);
    stopAfter(Integer.getInteger("bench.maxMinutes", 15));
    HeapSampler heap = HeapSampler.start();

    Runtime runtime = Runtime.getRuntime();
    System.out.printf(
        "Cash matching benchmark: %,d customers, %,d open invoices, %,d lines, seed %d%n"
            + "JVM %s, %d cores, max heap %,d MB%n%n",
        customers, invoices, lines, seed, Runtime.version(), runtime.availableProcessors(), runtime.maxMemory() >> 20);

    long start = System.nanoTime();
    Dataset data = new CashDataGenerator(seed, NoiseProfile.realistic()).generate(customers, invoices, lines);
    System.out.printf("generate data set         %8.2f s%n", seconds(start));
    long dataOnly = liveHeap();

    // warm-up: the JIT compiles the matcher before anything is timed
    run(data, Math.min(20_000, lines), null);

    int[] sizes = {lines / 4, lines / 2, lines};
    double[] matchSeconds = new double[sizes.length];
    double buildSeconds = 0;
    long ledgerBytes = 0;
    Scorecard score = new Scorecard();
    for (int s = 0; s < sizes.length; s++) {
      liveHeap();
      long buildStart = System.nanoTime();
      Ledger ledger = data.ledger();
      buildSeconds = seconds(buildStart);
      if (s == sizes.length - 1) {
        ledgerBytes = liveHeap() - dataOnly;
      }
      long matchStart = System.nanoTime();
      match(ledger, data.lines().subList(0, sizes[s]), s == sizes.length - 1 ? score : null);
      matchSeconds[s] = seconds(matchStart);
    }
    heap.stop();

    double linesPerSecond = lines / matchSeconds[sizes.length - 1];
    System.out.printf("build ledger index        %8.2f s  (%,d open items, %,d customers)%n", buildSeconds, invoices, customers);
    System.out.printf("match %,d lines      %8.2f s  = %,.0f lines/s (matching only, one thread)%n%n", lines, matchSeconds[sizes.length - 1], linesPerSecond);
    System.out.print(score.report());
    System.out.printf("%ncost growth (fresh ledger each, matching only):%n");
    for (int s = 0; s < sizes.length; s++) {
      System.out.printf(
          "  %,7d lines  %6.2f s  %,8.0f lines/s  %5.2f µs/line%n",
          sizes[s], matchSeconds[s], sizes[s] / matchSeconds[s], 1e6 * matchSeconds[s] / sizes[s]);
    }
    System.out.printf("%nheap: peak used %,d MB (sampled), sum of pool peaks %,d MB; ledger index retains ~%,d MB%n",
        heap.peak() >> 20, poolPeaks() >> 20, ledgerBytes >> 20);

    boolean quality = score.autoMatchRate() >= TARGET_AUTO && score.precision() >= TARGET_PRECISION;
    System.out.printf(
        "%ntargets: auto-match %.2f %% (>= %.0f %%), precision %.3f %% (>= %.1f %%), %,.0f lines/s (>= %,.0f): %s%n",
        100 * score.autoMatchRate(), 100 * TARGET_AUTO, 100 * score.precision(), 100 * TARGET_PRECISION,
        linesPerSecond, TARGET_LINES_PER_SECOND,
        quality && linesPerSecond >= TARGET_LINES_PER_SECOND ? "met" : "MISSED");
    System.exit(quality ? 0 : 1);
  }

  private static void run(Dataset data, int lines, Scorecard score) {
    match(data.ledger(), data.lines().subList(0, lines), score);
  }

  /** As the application would: post AUTO results and learn the account they came from. */
  private static void match(Ledger ledger, List<LabelledLine> lines, Scorecard score) {
    CashMatcher matcher = new CashMatcher(ledger);
    for (LabelledLine line : lines) {
      MatchResult result = matcher.match(line.payment());
      if (result.status() == MatchResult.Status.AUTO && line.payment().payerAccount() != null) {
        ledger.learn(line.payment().payerAccount(), result.customerId());
      }
      if (score != null) {
        score.record(line, result);
      }
    }
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static long liveHeap() {
    for (int k = 0; k < 3; k++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static long poolPeaks() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  /** A benchmark that hangs is worse than one that fails: stop the JVM after a deadline. */
  private static void stopAfter(int minutes) {
    Thread watchdog =
        new Thread(
            () -> {
              try {
                TimeUnit.MINUTES.sleep(minutes);
                System.err.printf("benchmark stopped after %d minutes%n", minutes);
                Runtime.getRuntime().halt(2);
              } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
              }
            },
            "benchmark-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }

  /** Heap used, sampled every few milliseconds: the whole heap's peak, not each pool's. */
  private static final class HeapSampler implements Runnable {
    private final AtomicLong peak = new AtomicLong();
    private volatile boolean running = true;

    static HeapSampler start() {
      HeapSampler sampler = new HeapSampler();
      Thread thread = new Thread(sampler, "heap-sampler");
      thread.setDaemon(true);
      thread.start();
      return sampler;
    }

    @Override
    public void run() {
      while (running) {
        peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
        try {
          TimeUnit.MILLISECONDS.sleep(5);
        } catch (InterruptedException stopped) {
          return;
        }
      }
    }

    void stop() {
      running = false;
    }

    long peak() {
      return peak.get();
    }
  }
}
