package settle.engine;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import java.util.ArrayList;
import java.util.List;

/**
 * The in-memory engine's records, read safely. Its record source appends new records to one list on every read and
 * hands out a view of that same list, so a reader iterating it while another thread reads fails (or sees a half-added
 * record). Every reader in Settle and in its tests goes through here: one lock, and a copy the caller owns.
 */
public final class EngineRecords {

  /** Held while reading, and while a {@link RenewableEngine} is replaced, so a read sees one engine's log only. */
  static final Object LOCK = new Object();

  /** Records of one engine ({@link #generation}) from an index on. */
  public record Read(long generation, List<Record<?>> records) {}

  private EngineRecords() {}

  /** The records from this index (0 = the first) to the newest, as a list of the caller's own. */
  @SuppressWarnings("unchecked")
  public static List<Record<?>> from(ZeebeTestEngine engine, int index) {
    synchronized (LOCK) {
      List<Record<?>> all = null;
      for (int attempt = 1; all == null; attempt++) {
        try {
          all = (List<Record<?>>) engine.getRecordStreamSource().getRecords();
        } catch (NullPointerException e) {
          // the engine's log storage is a plain list its writer appends to; a read that meets an entry not yet
          // written through fails, and reading again a moment later finds it
          if (attempt == 5) {
            throw e;
          }
          try {
            Thread.sleep(5);
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw e;
          }
        }
      }
      return index >= all.size() ? List.of() : new ArrayList<>(all.subList(index, all.size()));
    }
  }

  /**
   * The records from {@code index} on when the engine is still of {@code generation}, else (a fresh engine) all of the
   * new one's; the answer names the generation they are of.
   */
  public static Read from(ZeebeTestEngine engine, long generation, int index) {
    synchronized (LOCK) {
      long now = generation(engine);
      return new Read(now, from(engine, now == generation ? index : 0));
    }
  }

  /**
   * Which engine the records come from: it changes when a simulation replaces the engine ({@link RenewableEngine}), and
   * a reader that keeps its place in the stream starts again from the first record of the new one.
   */
  public static long generation(ZeebeTestEngine engine) {
    return engine instanceof RenewableEngine renewable ? renewable.generation() : 0;
  }

  /** Every record so far. */
  public static List<Record<?>> all(ZeebeTestEngine engine) {
    return from(engine, 0);
  }
}
