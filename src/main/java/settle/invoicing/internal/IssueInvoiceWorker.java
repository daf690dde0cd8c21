package settle.invoicing.internal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;
import settle.invoicing.InvoiceView;
import settle.invoicing.Invoices;
import settle.invoicing.InvoicingTasks;

@Component
public class IssueInvoiceWorker {

  private final Invoices invoices;

  IssueInvoiceWorker(Invoices invoices) {
    this.invoices = invoices;
  }

  // dates travel as ISO text: the engine's FEEL reads them with date(dueDate)
  public record Issued(long invoiceId, String invoiceNumber, BigDecimal invoiceTotal, String dueDate, String currency) {}

  @JobWorker(type = InvoicingTasks.ISSUE_INVOICE)
  public Issued issueInvoice(@Variable long orderId) {
    InvoiceView invoice = invoices.issueFor(orderId, "system:" + InvoicingTasks.ISSUE_INVOICE);
    return new Issued(invoice.id(), invoice.number(), invoice.total(), invoice.dueDate().toString(), invoice.currency());
  }
}
