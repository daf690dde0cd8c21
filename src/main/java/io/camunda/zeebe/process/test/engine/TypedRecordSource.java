package io.camunda.zeebe.process.test.engine;

import io.camunda.zeebe.logstreams.log.LogStreamReader;
import io.camunda.zeebe.logstreams.log.LoggedEvent;
import io.camunda.zeebe.process.test.api.RecordStreamSource;
import io.camunda.zeebe.protocol.impl.record.CopiedRecord;
import io.camunda.zeebe.protocol.impl.record.RecordMetadata;
import io.camunda.zeebe.protocol.impl.record.UnifiedRecordValue;
import io.camunda.zeebe.protocol.record.Record;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The in-memory engine's record stream as {@link RecordStreamSourceImpl} reads it (new log entries appended to one list,
 * a view of that list handed out), but each entry is read into a value of its own type only. The engine's own source
 * builds a value of every one of the ~60 record types for each entry and keeps one: a sixth of Settle's CPU under load
 * went there (orchestration benchmark, flight recording), since the history copy reads every record.
 */
final class TypedRecordSource implements RecordStreamSource {

  private final LogStreamReader reader;
  private final int partitionId;
  private final List<Record<?>> records = new ArrayList<>();
  private long lastPosition = -1;

  TypedRecordSource(LogStreamReader reader, int partitionId) {
    this.reader = reader;
    this.partitionId = partitionId;
  }

  @Override
  public Iterable<Record<?>> getRecords() {
    synchronized (reader) {
      if (lastPosition < 0) {
        reader.seekToFirstEvent();
      } else {
        reader.seekToNextEvent(lastPosition);
      }
      while (reader.hasNext()) {
        LoggedEvent event = reader.next();
        records.add(copy(event));
        lastPosition = event.getPosition();
      }
      return Collections.unmodifiableList(records);
    }
  }

  private CopiedRecord<UnifiedRecordValue> copy(LoggedEvent event) {
    RecordMetadata metadata = new RecordMetadata();
    event.readMetadata(metadata);
    UnifiedRecordValue value = UnifiedRecordValue.fromValueType(metadata.getValueType());
    event.readValue(value);
    return new CopiedRecord<>(value, metadata, event.getKey(), partitionId, event.getPosition(), event.getSourceEventPosition(),
        event.getTimestamp());
  }
}
