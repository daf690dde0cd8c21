package settle.collections.internal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;
import settle.collections.InvoiceCollection;

@Component
public class PlanInstalmentWorker {

  private final CollectionChecks checks;

  PlanInstalmentWorker(CollectionChecks checks) {
    this.checks = checks;
  }

  @JobWorker(type = InvoiceCollection.PLAN_INSTALMENT)
  public CollectionChecks.InstalmentTimes planInstalment(@Variable Map<String, Object> instalment) {
    return checks.planInstalment(LocalDate.parse(String.valueOf(instalment.get("date"))));
  }
}
