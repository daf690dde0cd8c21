package settle.collections.internal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;
import settle.collections.InvoiceCollection;

@Component
public class ProposePaymentPlanWorker {

  private final CollectionDecisions decisions;

  ProposePaymentPlanWorker(CollectionDecisions decisions) {
    this.decisions = decisions;
  }

  @JobWorker(type = InvoiceCollection.PROPOSE_PAYMENT_PLAN)
  public void proposePaymentPlan(ActivatedJob job, @Variable long invoiceId, @Variable String planInstalments,
                                 @Variable String completedBy) {
    decisions.proposePaymentPlan(invoiceId, job.getKey(), Integer.parseInt(planInstalments), completedBy);
  }
}
