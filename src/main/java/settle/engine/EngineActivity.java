package settle.engine;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.JobBatchIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import io.camunda.zeebe.protocol.record.value.JobBatchRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.TimerRecordValue;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * How much the in-memory engine has done, and what it still has to do. Records in its log count, leaving out job-batch
 * records, which every worker poll writes whether or not there is work. Work is still under way while a job waits for a
 * worker or a worker holds one without answering (a slow handler writes nothing to the engine until it completes), and
 * while a timer is due but not yet triggered (the engine notices a moved clock only on its next check). A human task's
 * job waits for a person, so it never counts, and neither does a job that nobody has answered for longer than any
 * handler takes: a worker keeps it on purpose (an audit task waiting for a process owner to mend a table). Scans only
 * what is new.
 */
@Component
public class EngineActivity {

  private static final String USER_TASK = "io.camunda.zeebe:userTask";
  private static final Set<JobIntent> ANSWERED = Set.of(JobIntent.COMPLETED, JobIntent.FAILED, JobIntent.ERROR_THROWN,
      JobIntent.TIMED_OUT, JobIntent.CANCELED, JobIntent.YIELDED);
  /** Longer than any handler takes, even on a loaded machine; a job held longer waits for a person. */
  private static final long PARKED_AFTER_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(10);

  private final ObjectProvider<ZeebeTestEngine> engine;
  private record Job(String type, long since) {}

  /** Jobs created and not answered, whether a worker has them yet or not. */
  private final Map<Long, Job> open = new HashMap<>();
  /** Timers not yet triggered or cancelled, by their due date in epoch milliseconds. */
  private final Map<Long, Long> timers = new HashMap<>();
  /** When a timer was first seen due, in real time. */
  private final Map<Long, Long> dueSince = new HashMap<>();
  private long generation;
  private int scanned;
  private long meaningful;

  EngineActivity(ObjectProvider<ZeebeTestEngine> engine) {
    this.engine = engine;
  }

  public synchronized long count() {
    // the in-memory engine keeps its records in one growing list: only the new ones need counting
    EngineRecords.Read read = EngineRecords.from(engine.getObject(), generation, scanned);
    if (read.generation() != generation) {
      // a fresh engine: nothing of the old one is under way any more, and its log starts again
      generation = read.generation();
      scanned = 0;
      open.clear();
      timers.clear();
      dueSince.clear();
    }
    for (Record<?> record : read.records()) {
      scanned++;
      if (record.getValueType() == ValueType.JOB_BATCH) {
        if (record.getIntent() == JobBatchIntent.ACTIVATED && record.getValue() instanceof JobBatchRecordValue batch
            && !USER_TASK.equals(batch.getType())) {
          // held from now on, a job handed out again after a failure or a time-out too: a handler's time counts from here
          long now = System.nanoTime();
          batch.getJobKeys().forEach(key -> open.put(key, new Job(batch.getType(), now)));
        }
        continue;
      }
      meaningful++;
      if (record.getRecordType() != RecordType.EVENT) {
        continue;
      }
      if (record.getValue() instanceof JobRecordValue job && record.getIntent() instanceof JobIntent intent) {
        if (intent == JobIntent.CREATED && !USER_TASK.equals(job.getType())) {
          open.put(record.getKey(), new Job(job.getType(), System.nanoTime()));
        } else if (ANSWERED.contains(intent)) {
          open.remove(record.getKey());
        }
      } else if (record.getValue() instanceof TimerRecordValue timer) {
        if (record.getIntent() == TimerIntent.CREATED) {
          timers.put(record.getKey(), timer.getDueDate());
        } else if (record.getIntent() == TimerIntent.TRIGGERED || record.getIntent() == TimerIntent.CANCELED) {
          timers.remove(record.getKey());
          dueSince.remove(record.getKey());
        }
      }
    }
    return meaningful;
  }

  /**
   * When the next timer after {@code now} is due, or the last one due within {@code window} after it, as of the last
   * {@link #count()}; empty when none waits.
   */
  public synchronized java.util.Optional<java.time.Instant> nextTimerDue(java.time.Instant now, java.time.Duration window) {
    long after = now.toEpochMilli();
    return timers.values().stream().filter(at -> at > after).min(Long::compare).map(first -> timers.values().stream()
        .filter(at -> at > after && at <= first + window.toMillis()).max(Long::compare).orElse(first)).map(java.time.Instant::ofEpochMilli);
  }

  /** Jobs waiting for a worker or held by one, and timers due by {@code now} and not yet triggered, as of the last {@link #count()}. */
  public synchronized Map<String, Integer> workUnderWay(java.time.Instant now) {
    Map<String, Integer> work = new TreeMap<>();
    long nanos = System.nanoTime();
    open.values().stream().filter(job -> nanos - job.since() < PARKED_AFTER_NANOS).forEach(job -> work.merge(job.type(), 1, Integer::sum));
    // a timer seen due this long and still not seen triggering is one whose record this reader missed, not work
    long due = 0;
    for (var timer : timers.entrySet()) {
      if (timer.getValue() <= now.toEpochMilli() && nanos - dueSince.computeIfAbsent(timer.getKey(), k -> nanos) < PARKED_AFTER_NANOS) {
        due++;
      }
    }
    if (due > 0) {
      work.put("timers due", (int) due);
    }
    return work;
  }
}
