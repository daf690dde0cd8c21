package settle.collections.internal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.springframework.stereotype.Component;
import settle.collections.InvoiceCollection;

@Component
public class AssessInvoiceWorker {

  private final CollectionChecks checks;

  AssessInvoiceWorker(CollectionChecks checks) {
    this.checks = checks;
  }

  @JobWorker(type = InvoiceCollection.ASSESS_INVOICE)
  public CollectionChecks.Assessment assessInvoice(@Variable long invoiceId) {
    return checks.assess(invoiceId);
  }
}
