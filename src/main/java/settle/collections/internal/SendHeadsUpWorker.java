package settle.collections.internal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.springframework.stereotype.Component;
import settle.collections.InvoiceCollection;

@Component
public class SendHeadsUpWorker {

  private final CollectionSteps steps;

  SendHeadsUpWorker(CollectionSteps steps) {
    this.steps = steps;
  }

  @JobWorker(type = InvoiceCollection.SEND_HEADS_UP)
  public void sendHeadsUp(@Variable long invoiceId, @Variable int stage) {
    steps.headsUp(invoiceId, stage);
  }
}
