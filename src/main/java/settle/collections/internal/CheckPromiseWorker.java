package settle.collections.internal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import org.springframework.stereotype.Component;
import settle.collections.InvoiceCollection;

@Component
public class CheckPromiseWorker {

  private final CollectionChecks checks;

  CheckPromiseWorker(CollectionChecks checks) {
    this.checks = checks;
  }

  @JobWorker(type = InvoiceCollection.CHECK_PROMISE)
  public Map<String, Object> checkPromise(@Variable long promiseId) {
    return Map.of("promiseOutcome", checks.checkPromise(promiseId));
  }
}
