package settle.engine.internal;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.DecisionRequirementsIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.deployment.DecisionRequirementsRecordValue;
import io.camunda.zeebe.protocol.record.value.deployment.Process;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import settle.engine.DeployedModel;
import settle.engine.EngineModels;

/**
 * Embedded mode: the in-memory engine has no REST API, but its record stream holds every deployment and
 * every element an instance entered or left, whoever caused it.
 */
class RecordStreamModels implements EngineModels {

  private final ZeebeTestEngine engine;

  RecordStreamModels(ZeebeTestEngine engine) {
    this.engine = engine;
  }

  @Override
  public Optional<InForce> latest(DeployedModel.Kind kind, String definitionId) {
    InForce newest = null;
    for (Record<?> record : settle.engine.EngineRecords.all(engine)) {
      InForce found = null;
      if (kind == DeployedModel.Kind.BPMN && record.getValueType() == ValueType.PROCESS
          && record.getIntent() == ProcessIntent.CREATED && record.getValue() instanceof Process p
          && p.getBpmnProcessId().equals(definitionId)) {
        found = new InForce(p.getVersion(), p.getProcessDefinitionKey());
      } else if (kind == DeployedModel.Kind.DMN && record.getValueType() == ValueType.DECISION_REQUIREMENTS
          && record.getIntent() == DecisionRequirementsIntent.CREATED
          && record.getValue() instanceof DecisionRequirementsRecordValue d
          && d.getDecisionRequirementsId().equals(definitionId)) {
        found = new InForce(d.getDecisionRequirementsVersion(), d.getDecisionRequirementsKey());
      }
      if (found != null && (newest == null || found.version() > newest.version())) {
        newest = found;
      }
    }
    return Optional.ofNullable(newest);
  }

  @Override
  public Map<String, Long> waitingAt(long processDefinitionKey) {
    Map<String, Long> waiting = new HashMap<>();
    for (Record<?> record : settle.engine.EngineRecords.all(engine)) {
      if (record.getValueType() != ValueType.PROCESS_INSTANCE || !(record.getValue() instanceof ProcessInstanceRecordValue v)
          || v.getProcessDefinitionKey() != processDefinitionKey || v.getBpmnElementType() == BpmnElementType.PROCESS) {
        continue;
      }
      int change = record.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED ? 1
          : record.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
              || record.getIntent() == ProcessInstanceIntent.ELEMENT_TERMINATED ? -1 : 0;
      if (change != 0) {
        waiting.merge(v.getElementId(), (long) change, Long::sum);
      }
    }
    waiting.values().removeIf(n -> n <= 0);
    return waiting;
  }
}
