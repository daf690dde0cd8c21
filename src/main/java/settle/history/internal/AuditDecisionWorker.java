package settle.history.internal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import settle.audit.AuditLog;
import settle.history.DecisionEvaluation;
import settle.history.DecisionLineage;

/**
 * Serves every {@code audit-decision} task that follows a business rule task: the task's headers name the decision,
 * its input variables and its result variable, so one worker audits every DMN. The engine's own record of the
 * evaluation (the newest one of that decision in the instance before this task) adds the table's version and key and
 * the rows that matched. A redelivered job finds its entry already written; a unique index stops two concurrent deliveries.
 */
@Component
public class AuditDecisionWorker {

  static final String TYPE = "audit-decision";

  private final AuditLog audit;
  private final DecisionLineage lineage;

  AuditDecisionWorker(AuditLog audit, DecisionLineage lineage) {
    this.audit = audit;
    this.lineage = lineage;
  }

  @JobWorker(type = TYPE)
  @Transactional
  public void auditDecision(ActivatedJob job) {
    Map<String, String> headers = job.getCustomHeaders();
    Map<String, Object> vars = job.getVariablesAsMap();
    String decision = require(headers, "decision");
    String subject = String.valueOf(vars.get("auditSubject"));
    if (audit.hasDecision(String.valueOf(job.getElementInstanceKey()))) {
      return;
    }
    DecisionEvaluation evaluation = lineage.before(job.getProcessInstanceKey(), decision, job.getKey());
    Map<String, Object> inputs = new LinkedHashMap<>();
    Arrays.stream(require(headers, "inputs").split(",")).map(String::trim)
        .forEach(name -> inputs.put(name, vars.get(name)));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("decision", evaluation.asDetails());
    details.put("inputs", inputs);
    details.put("output", vars.get(require(headers, "result")));
    details.put("process", job.getBpmnProcessId());
    details.put("processInstanceKey", job.getProcessInstanceKey());
    details.put("elementInstanceKey", String.valueOf(job.getElementInstanceKey()));
    audit.record("engine:" + decision, "decision." + decision, subject, details);
  }

  private static String require(Map<String, String> headers, String name) {
    String value = headers.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("The audit-decision task needs a '" + name + "' header");
    }
    return value;
  }
}
