package settle.credit.internal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.springframework.stereotype.Component;
import settle.credit.CreditReviews;
import settle.credit.CreditTasks;

/** The credit limit policy's inputs for one customer, as of today. Reads only. */
@Component
public class GatherCreditReviewFactsWorker {

  private final CreditReviews reviews;

  GatherCreditReviewFactsWorker(CreditReviews reviews) {
    this.reviews = reviews;
  }

  @JobWorker(type = CreditTasks.GATHER_CREDIT_REVIEW_FACTS)
  public CreditReviews.Facts gatherFacts(@Variable long customerId) {
    return reviews.facts(customerId);
  }
}
