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

  @SuppressWarnings("unchecked")
  public synchronized long count() {
    // the in-memory engine keeps its records in one growing list: only the new ones need counting
    for (Record<?> record : EngineRecords.from(engine.getObject(), scanned)) {
      scanned++;
      if (record.getValueType() != ValueType.JOB_BATCH) {
        meaningful++;
      }
    }
    return meaningful;
  }
}
