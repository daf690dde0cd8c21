package settle.engine;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * How much the in-memory engine has done: records in its log, leaving out job-batch records, which
 * every worker poll writes whether or not there is work. Scans only what is new since the last call.
 */
@Component
public class EngineActivity {

  private final ObjectProvider<ZeebeTestEngine> engine;
  private int scanned;
  private long meaningful;

  EngineActivity(ObjectProvider<ZeebeTestEngine> engine) {
    this.engine = engine;
  }

  public synchronized long count() {
    Iterable<Record<?>> records = engine.getObject().getRecordStreamSource().getRecords();
    if (records instanceof List<Record<?>> list) {
      for (int size = list.size(); scanned < size; scanned++) {
        if (list.get(scanned).getValueType() != ValueType.JOB_BATCH) {
          meaningful++;
        }
      }
      return meaningful;
    }
    long n = 0;
    for (Record<?> r : records) {
      if (r.getValueType() != ValueType.JOB_BATCH) {
        n++;
      }
    }
    return n;
  }
}
