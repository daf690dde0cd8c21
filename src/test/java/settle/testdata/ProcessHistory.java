package settle.testdata;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** Reads the in-memory engine's record stream: which elements a process instance completed, in order. */
public final class ProcessHistory {

  private final ZeebeTestEngine engine;

  public ProcessHistory(ZeebeTestEngine engine) {
    this.engine = engine;
  }

  /** The instance of {@code bpmnProcessId} that holds {@code variable} = {@code value} at its top scope. */
  public Optional<Long> instanceWith(String bpmnProcessId, String variable, Object value) {
    return instancesWith(bpmnProcessId, variable, value).stream().findFirst();
  }

  /** How many instances of {@code bpmnProcessId} hold {@code variable} = {@code value} at their top scope. */
  public long countInstancesWith(String bpmnProcessId, String variable, Object value) {
    return instancesWith(bpmnProcessId, variable, value).size();
  }

  private Set<Long> instancesWith(String bpmnProcessId, String variable, Object value) {
    String json = value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    Set<Long> keys = new LinkedHashSet<>();
    for (Record<?> r : engine.getRecordStreamSource().getRecords()) {
      if (r.getValueType() == ValueType.VARIABLE && r.getIntent() == VariableIntent.CREATED
          && r.getValue() instanceof VariableRecordValue v && v.getBpmnProcessId().equals(bpmnProcessId)
          && v.getName().equals(variable) && v.getValue().equals(json) && v.getScopeKey() == v.getProcessInstanceKey()) {
        keys.add(v.getProcessInstanceKey());
      }
    }
    return keys;
  }

  /** Element ids the instance completed, in order, gateways and events included; the process itself excluded. */
  public List<String> completedElements(long processInstanceKey) {
    List<String> ids = new ArrayList<>();
    for (Record<?> r : engine.getRecordStreamSource().getRecords()) {
      if (r.getValueType() == ValueType.PROCESS_INSTANCE && r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
          && r.getValue() instanceof ProcessInstanceRecordValue v && v.getProcessInstanceKey() == processInstanceKey
          && v.getBpmnElementType() != BpmnElementType.PROCESS && v.getBpmnElementType() != BpmnElementType.SEQUENCE_FLOW) {
        ids.add(v.getElementId());
      }
    }
    return ids;
  }

  public boolean isCompleted(long processInstanceKey) {
    for (Record<?> r : engine.getRecordStreamSource().getRecords()) {
      if (r.getValueType() == ValueType.PROCESS_INSTANCE && r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
          && r.getValue() instanceof ProcessInstanceRecordValue v && v.getProcessInstanceKey() == processInstanceKey
          && v.getBpmnElementType() == BpmnElementType.PROCESS) {
        return true;
      }
    }
    return false;
  }
}
