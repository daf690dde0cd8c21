package settle.invoicing.internal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.stereotype.Component;
import settle.invoicing.Invoices;
import settle.invoicing.InvoicingTasks;

/** What was credited before, for dmn/credit-approval.dmn: on the invoice, and to its customer in 30 days. Reads only. */
@Component
public class TotalCreditsWorker {

  private final Invoices invoices;

  TotalCreditsWorker(Invoices invoices) {
    this.invoices = invoices;
  }

  @JobWorker(type = InvoicingTasks.TOTAL_CREDITS, fetchVariables = "invoiceId")
  public Map<String, BigDecimal> totalCredits(@Variable long invoiceId) {
    Invoices.CreditsGiven given = invoices.creditsGiven(invoiceId, 30);
    return Map.of("invoiceCredited", given.onInvoice(), "customerCredited30Days", given.toCustomer());
  }
}
