package settle.credit.internal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.stereotype.Component;
import settle.credit.CreditReviews;
import settle.credit.CreditTasks;

/** Records what the policy decided, keyed by the review's process instance, and names the new limit. */
@Component
public class RecordCreditReviewWorker {

  private final CreditReviews reviews;

  RecordCreditReviewWorker(CreditReviews reviews) {
    this.reviews = reviews;
  }

  public record Recorded(BigDecimal newLimit) {}

  @JobWorker(type = CreditTasks.RECORD_CREDIT_REVIEW)
  public Recorded recordReview(ActivatedJob job, @Variable long customerId, @Variable Map<String, Object> creditReview,
                               @Variable(optional = true) String requestedBecause) {
    CreditReviews.Review review = reviews.record(job.getProcessInstanceKey(), customerId, String.valueOf(creditReview.get("action")),
        new BigDecimal(String.valueOf(creditReview.get("factor"))), String.valueOf(creditReview.get("reason")), requestedBecause);
    return new Recorded(review.proposedLimit());
  }
}
