package settle.invoicing.internal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import settle.communication.MailOutbox;
import settle.communication.OutgoingMail;
import settle.customers.CustomerDirectory;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceView;
import settle.invoicing.Invoices;
import settle.invoicing.InvoicingTasks;

/** Mails the invoice with its PDF to the customer's AP contact, from an alias naming the account owner. */
@Component
public class SendInvoiceWorker {

  private final Invoices invoices;
  private final CustomerDirectory customers;
  private final MailOutbox mail;
  private final InvoicePdf pdf;

  SendInvoiceWorker(Invoices invoices, CustomerDirectory customers, MailOutbox mail, InvoicePdf pdf) {
    this.invoices = invoices;
    this.customers = customers;
    this.mail = mail;
    this.pdf = pdf;
  }

  @JobWorker(type = InvoicingTasks.SEND_INVOICE)
  @Transactional
  public void sendInvoice(@Variable long invoiceId) {
    InvoiceView invoice = invoices.get(invoiceId);
    CustomerView customer = customers.get(invoice.customerId());
    mail.enqueue(new OutgoingMail("invoice:" + invoiceId + ":issued", customer.accountOwnerName(), customer.apEmail(),
        "Invoice " + invoice.number() + " from " + mail.arTeamName().replace(" Accounts Receivable", ""),
        "invoice", Map.of("invoice", invoice, "customer", customer),
        List.of(new OutgoingMail.Attachment(invoice.number() + ".pdf", "application/pdf", pdf.render(invoice))),
        "invoice:" + invoiceId, customer.apLanguage()));
  }
}
