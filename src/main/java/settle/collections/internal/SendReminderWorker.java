package settle.collections.internal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import org.springframework.stereotype.Component;
import settle.collections.InvoiceCollection;

@Component
public class SendReminderWorker {

  private final Dunning dunning;

  SendReminderWorker(Dunning dunning) {
    this.dunning = dunning;
  }

  public record Next(int stage) {}

  @JobWorker(type = InvoiceCollection.SEND_REMINDER)
  public Next sendReminder(@Variable long invoiceId, @Variable int stage, @Variable Map<String, Object> nextAction) {
    dunning.remind(invoiceId, stage, String.valueOf(nextAction.get("action")), String.valueOf(nextAction.get("template")));
    return new Next(stage + 1);
  }
}
