package settle.collections.internal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.stereotype.Component;
import settle.collections.InvoiceCollection;
import settle.disputes.ReasonCode;

@Component
public class RaiseDisputeWorker {

  private final CollectionDecisions decisions;

  RaiseDisputeWorker(CollectionDecisions decisions) {
    this.decisions = decisions;
  }

  /** The dispute the collector heard on the call, with its reason; the loop then duns only the undisputed rest. */
  @JobWorker(type = InvoiceCollection.RAISE_DISPUTE)
  public Map<String, Object> raiseDispute(@Variable long invoiceId, @Variable String disputeReason, @Variable BigDecimal disputeAmount,
                                          @Variable String notes, @Variable String completedBy) {
    long id = decisions.raiseDispute(invoiceId, ReasonCode.valueOf(disputeReason), disputeAmount, notes, completedBy).id();
    return Map.of("raisedDisputeId", id);
  }
}
