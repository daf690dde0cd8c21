package settle.collections.internal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.springframework.stereotype.Component;
import settle.collections.InvoiceCollection;

@Component
public class CancelPaymentPlanWorker {

  private final CollectionDecisions decisions;

  CancelPaymentPlanWorker(CollectionDecisions decisions) {
    this.decisions = decisions;
  }

  @JobWorker(type = InvoiceCollection.CANCEL_PAYMENT_PLAN)
  public void cancelPaymentPlan(@Variable long invoiceId, @Variable long planId, @Variable String completedBy) {
    decisions.cancelPaymentPlan(invoiceId, planId, completedBy);
  }
}
