package settle.collections.internal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.springframework.stereotype.Component;
import settle.collections.InvoiceCollection;

@Component
public class HandOverInvoiceWorker {

  private final CollectionDecisions decisions;

  HandOverInvoiceWorker(CollectionDecisions decisions) {
    this.decisions = decisions;
  }

  /** {@code handoff} is AGENCY or LEGAL, as the collections manager chose. */
  @JobWorker(type = InvoiceCollection.HAND_OVER_INVOICE)
  public void handOverInvoice(@Variable long invoiceId, @Variable String handoff, @Variable String completedBy) {
    decisions.handOver(invoiceId, handoff, completedBy);
  }
}
