package settle.engine;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.JobBatchIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.value.JobBatchRecordValue;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * How much the in-memory engine has done, and whether a worker still holds a job. Records in its log count, leaving
 * out job-batch records, which every worker poll writes whether or not there is work. A job handed to a worker and not
 * yet answered is work under way even while the log stands still (a slow handler writes nothing to the engine until
 * it completes); a human task's job is held until a person acts, so it never counts, and neither does a job a worker
 * keeps on purpose (an audit task waiting for a process owner to mend a table) once it has been held longer than any
 * handler takes. Scans only what is new.
 */
@Component
public class EngineActivity {

  private static final String USER_TASK = "io.camunda.zeebe:userTask";
  private static final Set<JobIntent> ANSWERED = Set.of(JobIntent.COMPLETED, JobIntent.FAILED, JobIntent.ERROR_THROWN,
      JobIntent.TIMED_OUT, JobIntent.CANCELED, JobIntent.YIELDED);
  /** Longer than any handler takes, even on a loaded machine; a job held longer waits for a person. */
  private static final long PARKED_AFTER_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(10);


  private final ObjectProvider<ZeebeTestEngine> engine;
  private record Held(String type, long since) {}

  private final Map<Long, Held> held = new HashMap<>();
  private int scanned;
  private long meaningful;

  EngineActivity(ObjectProvider<ZeebeTestEngine> engine) {
    this.engine = engine;
  }

  public synchronized long count() {
    // the in-memory engine keeps its records in one growing list: only the new ones need counting
    for (Record<?> record : EngineRecords.from(engine.getObject(), scanned)) {
      scanned++;
      if (record.getValueType() == ValueType.JOB_BATCH) {
        if (record.getIntent() == JobBatchIntent.ACTIVATED
            && record.getValue() instanceof JobBatchRecordValue batch && !USER_TASK.equals(batch.getType())) {
          long now = System.nanoTime();
          batch.getJobKeys().forEach(key -> held.put(key, new Held(batch.getType(), now)));
        }
        continue;
      }
      meaningful++;
      if (record.getValueType() == ValueType.JOB && record.getRecordType() == RecordType.EVENT
          && record.getIntent() instanceof JobIntent intent && ANSWERED.contains(intent)) {
        held.remove(record.getKey());
      }
    }
    return meaningful;
  }

  /** Jobs a worker holds and has not answered yet, as of the last {@link #count()}. */
  public synchronized int jobsHeld() {
    return working().size();
  }

  /** The held jobs counted by type, for a message that says what the engine is waiting for. */
  public synchronized Map<String, Integer> jobsHeldByType() {
    Map<String, Integer> types = new TreeMap<>();
    working().forEach(job -> types.merge(job.type(), 1, Integer::sum));
    return types;
  }

  private java.util.List<Held> working() {
    long now = System.nanoTime();
    return held.values().stream().filter(job -> now - job.since() < PARKED_AFTER_NANOS).toList();
  }
}
