package settle.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import settle.SettleApplication;

/**
 * Not a test: 8 writers each commit audited transactions (a change, its audit entry, and a read after it, as the
 * services do) as fast as they can; prints entries per second, then verifies the chain.
 * Run with {@code ./mvnw -B -Pbench verify -Dbench.cash.skip -Dbench.worklist.skip}.
 */
public final class AuditThroughputBenchmark {

  private static final int WRITERS = 8;
  private static final int WARM_UP = 200;
  private static final int PER_WRITER = 1_000;

  public static void main(String[] args) throws Exception {
    ConfigurableApplicationContext app = new SpringApplicationBuilder(SettleApplication.class)
        .properties("server.port=0", "settle.demo-data=false", "logging.level.root=WARN").run();
    try {
      AuditLog audit = app.getBean(AuditLog.class);
      TransactionTemplate tx = app.getBean(TransactionTemplate.class);
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      run(audit, tx, jdbc, WARM_UP);
      long started = System.nanoTime();
      run(audit, tx, jdbc, PER_WRITER);
      double seconds = (System.nanoTime() - started) / 1e9;
      int entries = WRITERS * PER_WRITER;
      System.out.printf("Audited transactions, %d concurrent writers: %,d entries in %.2f s = %,.0f entries/s%n",
          WRITERS, entries, seconds, entries / seconds);
      long verifyStarted = System.nanoTime();
      Object verdict = app.getBean(settle.audit.internal.AuditVerification.class).verify().summary();
      System.out.printf("Verification of %,d entries: %s in %d ms%n", entries + WRITERS * WARM_UP, verdict,
          (System.nanoTime() - verifyStarted) / 1_000_000);
    } finally {
      app.close();
    }
    System.exit(0);
  }

  private static void run(AuditLog audit, TransactionTemplate tx, JdbcTemplate jdbc, int perWriter) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    List<Future<?>> writers = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      String subject = "invoice:bench-" + w;
      writers.add(pool.submit(() -> {
        for (int i = 0; i < perWriter; i++) {
          int n = i;
          tx.executeWithoutResult(status -> {
            audit.record("bench", "invoice.noted", subject, Map.of("n", n));
            jdbc.queryForObject("select count(*) from audit_entry where subject = ? and id > 0", Long.class, subject);
          });
        }
      }));
    }
    for (Future<?> writer : writers) {
      writer.get();
    }
    pool.shutdown();
  }
}
