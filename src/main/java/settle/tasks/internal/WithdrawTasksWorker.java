package settle.tasks.internal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;
import settle.tasks.Inbox;

/** Serves the process's {@code withdraw-tasks} steps: tasks of an interrupted part of the process leave the inbox. */
@Component
public class WithdrawTasksWorker {

  static final String TYPE = "withdraw-tasks";

  private final Inbox inbox;

  WithdrawTasksWorker(Inbox inbox) {
    this.inbox = inbox;
  }

  @JobWorker(type = TYPE, fetchVariables = {"invoiceId"})
  public void withdrawTasks(ActivatedJob job) {
    inbox.withdrawOpenTasks(job.getProcessInstanceKey(), job.getKey(), "the process moved on at " + job.getElementId());
  }
}
