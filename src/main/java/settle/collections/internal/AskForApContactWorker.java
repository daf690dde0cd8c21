package settle.collections.internal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;
import settle.collections.InvoiceCollection;

@Component
public class AskForApContactWorker {

  private final CollectionDecisions decisions;

  AskForApContactWorker(CollectionDecisions decisions) {
    this.decisions = decisions;
  }

  @JobWorker(type = InvoiceCollection.ASK_FOR_AP_CONTACT)
  public void askForApContact(ActivatedJob job, @Variable long invoiceId, @Variable String completedBy) {
    Object notes = job.getVariablesAsMap().get("notes");
    decisions.askForApContact(invoiceId, job.getKey(), completedBy, notes == null ? null : notes.toString());
  }
}
