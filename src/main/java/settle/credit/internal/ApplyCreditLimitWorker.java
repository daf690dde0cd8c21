package settle.credit.internal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;
import settle.credit.CreditReviews;
import settle.credit.CreditTasks;

/** Sets the reviewed limit; {@code completedBy} is the finance manager who approved or upheld it (absent when policy alone did). */
@Component
public class ApplyCreditLimitWorker {

  private final CreditReviews reviews;

  ApplyCreditLimitWorker(CreditReviews reviews) {
    this.reviews = reviews;
  }

  @JobWorker(type = CreditTasks.APPLY_CREDIT_LIMIT)
  public void applyLimit(ActivatedJob job, @Variable(optional = true) String completedBy) {
    reviews.apply(job.getProcessInstanceKey(), completedBy);
  }
}
