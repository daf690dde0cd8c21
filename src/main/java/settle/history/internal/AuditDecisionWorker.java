package settle.history.internal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.grpc.Status;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import settle.audit.AuditLog;
import settle.history.DecisionEvaluation;
import settle.history.DecisionLineage;
import settle.policy.PolicyAnswers;
import settle.policy.UnhandledAnswer;

/**
 * Serves every {@code audit-decision} task that follows a business rule task: the task's headers name the decision,
 * its input variables and its result variable, so one worker audits every DMN. The engine's own record of the
 * evaluation (the newest one of that decision in the instance before this task) adds the table's version and key and
 * the rows that matched. A redelivered job finds its entry already written; a unique index stops two concurrent deliveries.
 * An answer the process cannot handle (see {@link PolicyAnswers}) is not passed on: the job stays open
 * and the process owner gets a task; completing that task asks the corrected table again.
 */
@Component
public class AuditDecisionWorker {

  static final String TYPE = "audit-decision";
  // an unhandled answer keeps the job until the process owner is done; a redelivery finds their task open
  private static final long ONE_HOUR_MS = 3_600_000;

  private final AuditLog audit;
  private final DecisionLineage lineage;
  private final PolicyAnswers answers;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate tx;

  AuditDecisionWorker(AuditLog audit, DecisionLineage lineage, PolicyAnswers answers, ApplicationEventPublisher events,
                      TransactionTemplate tx) {
    this.audit = audit;
    this.lineage = lineage;
    this.answers = answers;
    this.events = events;
    this.tx = tx;
  }

  @JobWorker(type = TYPE, autoComplete = false, timeout = ONE_HOUR_MS)
  public void auditDecision(JobClient client, ActivatedJob job) {
    Map<String, String> headers = job.getCustomHeaders();
    Map<String, Object> vars = job.getVariablesAsMap();
    String decision = require(headers, "decision");
    String resultVariable = require(headers, "result");
    String subject = String.valueOf(vars.get("auditSubject"));
    Map<String, Object> inputs = new LinkedHashMap<>();
    Arrays.stream(require(headers, "inputs").split(",")).map(String::trim)
        .forEach(name -> inputs.put(name, vars.get(name)));
    Object output = vars.get(resultVariable);
    Map<String, String> unhandled = answers.unhandled(decision, output);
    tx.executeWithoutResult(status -> {
      if (!audit.hasDecision(String.valueOf(job.getElementInstanceKey()))) {
        DecisionEvaluation evaluation = lineage.before(job.getProcessInstanceKey(), decision, job.getKey());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("decision", evaluation.asDetails());
        details.put("inputs", inputs);
        details.put("output", output);
        details.put("process", job.getBpmnProcessId());
        details.put("processInstanceKey", job.getProcessInstanceKey());
        details.put("elementInstanceKey", String.valueOf(job.getElementInstanceKey()));
        if (!unhandled.isEmpty()) {
          details.put("unhandled", unhandled);
        }
        audit.record("system:" + decision, "decision." + decision, subject, details);
      }
      if (!unhandled.isEmpty()) {
        events.publishEvent(new UnhandledAnswer(job.getKey(), job.getBpmnProcessId(), job.getProcessInstanceKey(), decision,
            answers.table(decision).map(t -> t.decisionName()).orElse(decision), subject, resultVariable, inputs, output, unhandled));
      }
    });
    if (unhandled.isEmpty()) {
      // not waited for: the handler's thread takes the next job while the engine answers this one (a busy engine took a
      // second a completion, a third of all handler time)
      client.newCompleteCommand(job.getKey()).send().whenComplete((done, failed) -> {
        if (failed != null && !(cause(failed) instanceof ClientStatusException e && e.getStatusCode() == Status.Code.NOT_FOUND)) {
          // as the client does when a handler throws: the job is handed out again, and finds its entry already written
          client.newFailCommand(job.getKey()).retries(job.getRetries() - 1)
              .errorMessage("The decision's audit entry is written; completing the job failed: " + cause(failed).getMessage()).send();
        }
        // NOT_FOUND: handed over twice, and the other delivery completed it
      });
    }
  }

  private static Throwable cause(Throwable failed) {
    return failed instanceof java.util.concurrent.CompletionException && failed.getCause() != null ? failed.getCause() : failed;
  }

  private static String require(Map<String, String> headers, String name) {
    String value = headers.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("The audit-decision task needs a '" + name + "' header");
    }
    return value;
  }
}
