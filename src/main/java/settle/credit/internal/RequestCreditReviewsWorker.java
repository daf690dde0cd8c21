package settle.credit.internal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import settle.credit.CreditReviews;
import settle.credit.CreditTasks;

/** The monthly sweep's step: asks for every customer's review, unless settle.credit-review.monthly is off. */
@Component
public class RequestCreditReviewsWorker {

  private final CreditReviews reviews;
  private final boolean monthly;

  RequestCreditReviewsWorker(CreditReviews reviews, @Value("${settle.credit-review.monthly:true}") boolean monthly) {
    this.reviews = reviews;
    this.monthly = monthly;
  }

  @JobWorker(type = CreditTasks.REQUEST_CREDIT_REVIEWS, fetchVariables = {"none"})
  public void requestReviews(ActivatedJob job) {
    if (monthly) {
      reviews.requestEveryReview(job.getProcessInstanceKey());
    }
  }
}
