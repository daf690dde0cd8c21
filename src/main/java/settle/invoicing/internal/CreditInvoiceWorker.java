package settle.invoicing.internal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.stereotype.Component;
import settle.common.InvalidRequestException;
import settle.common.Money;
import settle.invoicing.CreditNoteView;
import settle.invoicing.Invoices;
import settle.invoicing.InvoicingTasks;

/**
 * Issues the credit memo or adjustment a dispute's outcome names, for the amount the team decided, at most the
 * disputed amount; what the invoice cannot absorb is returned for the customer's credit balance. A credit that
 * cannot be posted is a modelled outcome (a BPMN error the process routes back to the team with the reason).
 */
@Component
public class CreditInvoiceWorker {

  private final Invoices invoices;

  CreditInvoiceWorker(Invoices invoices) {
    this.invoices = invoices;
  }

  @JobWorker(type = InvoicingTasks.CREDIT_INVOICE, fetchVariables = {"invoiceId", "disputeId", "outcome", "creditAmount", "amount", "invoiceCredited", "notes"})
  public Map<String, Object> creditInvoice(ActivatedJob job) {
    Map<String, Object> vars = job.getVariablesAsMap();
    BigDecimal credit = Money.of(new BigDecimal(String.valueOf(vars.get("creditAmount"))));
    BigDecimal disputed = Money.of(new BigDecimal(String.valueOf(vars.get("amount"))));
    if (credit.signum() <= 0 || credit.compareTo(disputed) > 0) {
      throw refused("A credit of " + credit + " is not between 0.01 and the disputed amount of " + disputed);
    }
    try {
      CreditNoteView note = invoices.credit(((Number) vars.get("invoiceId")).longValue(), ((Number) vars.get("disputeId")).longValue(),
          String.valueOf(vars.get("outcome")), credit, new BigDecimal(String.valueOf(vars.get("invoiceCredited"))),
          String.valueOf(vars.get("notes")), "system:dispute-resolution");
      return Map.of("creditNoteId", note.id(), "creditNoteNumber", note.number(), "creditUnabsorbed", note.unabsorbed());
    } catch (InvalidRequestException e) {
      throw refused(e.getMessage());
    }
  }

  private static RuntimeException refused(String why) {
    return CamundaError.bpmnError(InvoicingTasks.CREDIT_REFUSED, why, Map.of("problem", why + "."));
  }
}
