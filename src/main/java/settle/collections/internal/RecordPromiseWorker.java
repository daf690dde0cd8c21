package settle.collections.internal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;
import settle.collections.CollectionActions;
import settle.collections.InvoiceCollection;
import settle.collections.PromiseRequest;

/** Records the promise a collector took on a call; the element instance makes a redelivery record nothing new. */
@Component
public class RecordPromiseWorker {

  private final CollectionActions actions;

  RecordPromiseWorker(CollectionActions actions) {
    this.actions = actions;
  }

  @JobWorker(type = InvoiceCollection.RECORD_PROMISE, fetchVariables = {"invoiceId", "promiseDate", "promiseAmount", "completedBy"})
  public Map<String, Object> recordPromise(ActivatedJob job) {
    Map<String, Object> vars = job.getVariablesAsMap();
    long invoiceId = ((Number) vars.get("invoiceId")).longValue();
    Object by = vars.get("completedBy");
    // the collector who completed the call task took the promise and is the one acting
    String collector = by == null ? "system:" + InvoiceCollection.RECORD_PROMISE : by.toString();
    var promise = actions.promise(invoiceId, new PromiseRequest(LocalDate.parse(String.valueOf(vars.get("promiseDate"))),
            new BigDecimal(String.valueOf(vars.get("promiseAmount"))), collector, "PHONE"),
        collector, "element:" + job.getElementInstanceKey());
    return Map.of("promiseId", promise.id());
  }
}
