package settle.invoicing.internal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.stereotype.Component;
import settle.invoicing.CreditNoteView;
import settle.invoicing.Invoices;

/** Issues the credit memo or adjustment a dispute's outcome calls for; the element's {@code kind} header says which. */
@Component
public class CreditInvoiceWorker {

  static final String TYPE = "credit-invoice";

  private final Invoices invoices;

  CreditInvoiceWorker(Invoices invoices) {
    this.invoices = invoices;
  }

  @JobWorker(type = TYPE, fetchVariables = {"invoiceId", "disputeId", "creditAmount", "amount", "rootCause", "notes"})
  public Map<String, Object> creditInvoice(ActivatedJob job) {
    Map<String, Object> vars = job.getVariablesAsMap();
    Object credit = vars.get("creditAmount") != null ? vars.get("creditAmount") : vars.get("amount");
    CreditNoteView note = invoices.credit(((Number) vars.get("invoiceId")).longValue(), ((Number) vars.get("disputeId")).longValue(),
        job.getCustomHeaders().get("kind"), new BigDecimal(String.valueOf(credit)), String.valueOf(vars.get("notes")),
        "engine:dispute-resolution");
    return Map.of("creditNoteId", note.id(), "creditNoteNumber", note.number());
  }
}
