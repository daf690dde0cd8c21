package settle.collections.internal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import org.springframework.stereotype.Component;
import settle.collections.InvoiceCollection;

@Component
public class CheckInstalmentWorker {

  private final CollectionChecks checks;

  CheckInstalmentWorker(CollectionChecks checks) {
    this.checks = checks;
  }

  @JobWorker(type = InvoiceCollection.CHECK_INSTALMENT)
  public Map<String, Object> checkInstalment(@Variable long invoiceId, @Variable Map<String, Object> instalment) {
    return Map.of("instalmentOutcome", checks.checkInstalment(invoiceId, ((Number) instalment.get("planId")).longValue(),
        ((Number) instalment.get("number")).intValue()));
  }
}
