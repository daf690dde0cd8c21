package settle.collections.internal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.springframework.stereotype.Component;
import settle.collections.InvoiceCollection;

@Component
public class TakeCollectionStepWorker {

  private final CollectionSteps steps;

  TakeCollectionStepWorker(CollectionSteps steps) {
    this.steps = steps;
  }

  @JobWorker(type = InvoiceCollection.TAKE_COLLECTION_STEP)
  public CollectionSteps.Taken takeCollectionStep(@Variable long invoiceId, @Variable int stage) {
    return steps.take(invoiceId, stage);
  }
}
