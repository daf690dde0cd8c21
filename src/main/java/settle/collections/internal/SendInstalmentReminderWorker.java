package settle.collections.internal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;
import settle.collections.InvoiceCollection;
import settle.common.Money;

@Component
public class SendInstalmentReminderWorker {

  private final CollectionChecks checks;

  SendInstalmentReminderWorker(CollectionChecks checks) {
    this.checks = checks;
  }

  @JobWorker(type = InvoiceCollection.SEND_INSTALMENT_REMINDER)
  public void sendInstalmentReminder(@Variable long invoiceId, @Variable Map<String, Object> instalment) {
    checks.remindInstalment(invoiceId, ((Number) instalment.get("planId")).longValue(), ((Number) instalment.get("number")).intValue(),
        ((Number) instalment.get("count")).intValue(), LocalDate.parse(String.valueOf(instalment.get("date"))),
        Money.of(String.valueOf(instalment.get("amount"))));
  }
}
