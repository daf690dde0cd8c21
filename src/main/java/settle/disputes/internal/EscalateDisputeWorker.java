package settle.disputes.internal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;
import settle.disputes.DisputeResolution;
import settle.disputes.Disputes;
import settle.tasks.Inbox;

/** Twice the SLA passed: the team's task leaves the inbox and the managers' group gets the dispute. */
@Component
public class EscalateDisputeWorker {

  private final Disputes disputes;
  private final Inbox inbox;

  EscalateDisputeWorker(Disputes disputes, Inbox inbox) {
    this.disputes = disputes;
    this.inbox = inbox;
  }

  @JobWorker(type = DisputeResolution.ESCALATE_DISPUTE, fetchVariables = "disputeId")
  public void escalateDispute(ActivatedJob job) {
    inbox.withdrawOpenTasks(job.getProcessInstanceKey(), job.getKey(), "escalated after twice the SLA");
    disputes.escalate(((Number) job.getVariablesAsMap().get("disputeId")).longValue());
  }
}
