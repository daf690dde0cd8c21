package settle.credit.internal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;
import settle.credit.CreditReviews;
import settle.credit.CreditTasks;

/** A raise refused or a cut withdrawn by a finance manager: the limit stays, the review says who decided and why. */
@Component
public class CloseCreditReviewWorker {

  private final CreditReviews reviews;

  CloseCreditReviewWorker(CreditReviews reviews) {
    this.reviews = reviews;
  }

  @JobWorker(type = CreditTasks.CLOSE_CREDIT_REVIEW)
  public void closeReview(ActivatedJob job, @Variable(optional = true) String completedBy, @Variable(optional = true) String notes) {
    reviews.close(job.getProcessInstanceKey(), job.getCustomHeaders().get("status"), completedBy, notes);
  }
}
