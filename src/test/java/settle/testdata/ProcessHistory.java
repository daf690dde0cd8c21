package settle.testdata;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import io.camunda.client.api.JsonMapper;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.impl.response.ActivatedJobImpl;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass;
import io.camunda.zeebe.protocol.record.intent.JobBatchIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.value.JobBatchRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
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
    for (Record<?> r : settle.engine.EngineRecords.all(engine)) {
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
    for (Record<?> r : settle.engine.EngineRecords.all(engine)) {
      if (r.getValueType() == ValueType.PROCESS_INSTANCE && r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
          && r.getValue() instanceof ProcessInstanceRecordValue v && v.getProcessInstanceKey() == processInstanceKey
          && v.getBpmnElementType() != BpmnElementType.PROCESS && v.getBpmnElementType() != BpmnElementType.SEQUENCE_FLOW) {
        ids.add(v.getElementId());
      }
    }
    return ids;
  }

  /** Whether an element {@code elementId} of the instance has been entered and not yet left. */
  public boolean isWaitingAt(long processInstanceKey, String elementId) {
    Set<Long> active = new HashSet<>();
    for (Record<?> r : records()) {
      if (r.getValueType() == ValueType.PROCESS_INSTANCE && r.getValue() instanceof ProcessInstanceRecordValue v
          && v.getProcessInstanceKey() == processInstanceKey && v.getElementId().equals(elementId)) {
        if (r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED) {
          active.add(r.getKey());
        } else if (r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED || r.getIntent() == ProcessInstanceIntent.ELEMENT_TERMINATED) {
          active.remove(r.getKey());
        }
      }
    }
    return !active.isEmpty();
  }

  /** A point in the engine's log; what happens later is "since" it. */
  public record Mark(int position) {}

  public Mark mark() {
    return new Mark(records().size());
  }

  /**
   * The last job of {@code type}, in an instance started since {@code since}, that its worker completed (a user task's job
   * stays active until a person completes the task, so any counts), as the engine handed it to the worker:
   * the same key, element, headers and fetched variables. A job cancelled after its worker asked to complete it counts
   * too (the log holds that COMPLETE command, refused): its handler ran to its end. That happens when the handler's own
   * work interrupts its scope first: a dispute raised from a call publishes the message that ends the collection turn
   * holding the job, and that message can reach the engine before the completion.
   */
  public Optional<ActivatedJob> lastJob(String type, Mark since, Set<String> fetched, JsonMapper json) {
    List<Record<?>> records = records();
    Set<Long> completed = new HashSet<>();
    Set<Long> cancelled = new HashSet<>();
    Set<Long> completionAsked = new HashSet<>();
    Set<Long> startedSince = new HashSet<>();
    for (int i = since.position(); i < records.size(); i++) {
      if (records.get(i).getValueType() == ValueType.JOB) {
        Set<Long> keys = switch ((JobIntent) records.get(i).getIntent()) {
          case COMPLETED -> completed;
          case CANCELED -> cancelled;
          case COMPLETE -> completionAsked;
          default -> null;
        };
        if (keys != null) {
          keys.add(records.get(i).getKey());
        }
      } else if (records.get(i).getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED
          && records.get(i).getValue() instanceof ProcessInstanceRecordValue v && v.getBpmnElementType() == BpmnElementType.PROCESS) {
        startedSince.add(v.getProcessInstanceKey());
      }
    }
    for (int i = records.size() - 1; i >= since.position(); i--) {
      if (records.get(i).getValueType() == ValueType.JOB_BATCH && records.get(i).getIntent() == JobBatchIntent.ACTIVATED
          && records.get(i).getValue() instanceof JobBatchRecordValue batch && type.equals(batch.getType())) {
        for (int j = batch.getJobs().size() - 1; j >= 0; j--) {
          long key = batch.getJobKeys().get(j);
          boolean done = completed.contains(key) || cancelled.contains(key) && completionAsked.contains(key)
              || type.equals("io.camunda.zeebe:userTask");
          if (done && startedSince.contains(batch.getJobs().get(j).getProcessInstanceKey())) {
            JobRecordValue job = batch.getJobs().get(j);
            return Optional.of(asActivated(key, job, variablesAt(i, job.getElementInstanceKey(), fetched, json), json));
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The variables an element instance saw at a point of the log: those of its own scope and every enclosing one,
   * the nearest winning, as the engine collects them for a job; only {@code fetched} ones unless that is null.
   */
  private Map<String, Object> variablesAt(int position, long elementInstanceKey, Set<String> fetched, JsonMapper json) {
    List<Record<?>> records = records();
    Map<Long, Long> flowScope = new HashMap<>();
    for (int i = 0; i < position; i++) {
      if (records.get(i).getValueType() == ValueType.PROCESS_INSTANCE && records.get(i).getValue() instanceof ProcessInstanceRecordValue v) {
        flowScope.putIfAbsent(records.get(i).getKey(), v.getFlowScopeKey());
      }
    }
    List<Long> scopes = new ArrayList<>();
    for (Long scope = elementInstanceKey; scope != null && scope > 0; scope = flowScope.get(scope)) {
      scopes.add(scope);
    }
    Map<Long, Map<String, Object>> byScope = new HashMap<>();
    for (int i = 0; i < position; i++) {
      if (records.get(i).getValueType() == ValueType.VARIABLE && records.get(i).getValue() instanceof VariableRecordValue v
          && scopes.contains(v.getScopeKey()) && (fetched == null || fetched.contains(v.getName()))) {
        byScope.computeIfAbsent(v.getScopeKey(), k -> new HashMap<>()).put(v.getName(), json.fromJson(v.getValue(), Object.class));
      }
    }
    Map<String, Object> variables = new HashMap<>();
    for (int s = scopes.size() - 1; s >= 0; s--) {
      variables.putAll(byScope.getOrDefault(scopes.get(s), Map.of()));
    }
    return variables;
  }

  private static ActivatedJob asActivated(long key, JobRecordValue job, Map<String, Object> variables, JsonMapper json) {
    return new ActivatedJobImpl(json, GatewayOuterClass.ActivatedJob.newBuilder().setKey(key).setType(job.getType())
        .setProcessInstanceKey(job.getProcessInstanceKey()).setBpmnProcessId(job.getBpmnProcessId())
        .setProcessDefinitionVersion(job.getProcessDefinitionVersion()).setProcessDefinitionKey(job.getProcessDefinitionKey())
        .setElementId(job.getElementId()).setElementInstanceKey(job.getElementInstanceKey())
        .setCustomHeaders(json.toJson(job.getCustomHeaders())).setWorker(job.getWorker()).setRetries(job.getRetries())
        .setDeadline(job.getDeadline()).setVariables(json.toJson(variables)).setTenantId(job.getTenantId()).build());
  }

  @SuppressWarnings("unchecked")
  private List<Record<?>> records() {
    // the in-memory engine keeps its log in one growing list
    return settle.engine.EngineRecords.all(engine);
  }

  public boolean isCompleted(long processInstanceKey) {
    for (Record<?> r : settle.engine.EngineRecords.all(engine)) {
      if (r.getValueType() == ValueType.PROCESS_INSTANCE && r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
          && r.getValue() instanceof ProcessInstanceRecordValue v && v.getProcessInstanceKey() == processInstanceKey
          && v.getBpmnElementType() == BpmnElementType.PROCESS) {
        return true;
      }
    }
    return false;
  }
}
