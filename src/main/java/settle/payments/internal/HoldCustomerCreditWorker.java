package settle.payments.internal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import settle.audit.AuditLog;
import settle.invoicing.CreditNoteView;
import settle.invoicing.InvoiceView;
import settle.invoicing.Invoices;
import settle.payments.CustomerCredit;

/** The part of a credit memo or adjustment its invoice could not absorb goes on the customer's credit balance, once. */
@Component
public class HoldCustomerCreditWorker {

  static final String TYPE = "hold-customer-credit";

  private final Invoices invoices;
  private final CustomerCredit credit;
  private final AuditLog audit;

  HoldCustomerCreditWorker(Invoices invoices, CustomerCredit credit, AuditLog audit) {
    this.invoices = invoices;
    this.credit = credit;
    this.audit = audit;
  }

  @JobWorker(type = TYPE, fetchVariables = "creditNoteId")
  @Transactional
  public void holdCustomerCredit(@Variable long creditNoteId) {
    CreditNoteView note = invoices.creditNote(creditNoteId);
    InvoiceView invoice = invoices.get(note.invoiceId());
    boolean booked = credit.book(invoice.customerId(), note.currency(), CustomerCredit.Kind.CREDIT_MEMO, note.unabsorbed(),
        null, note.number(), "credit-note:" + note.number(), "system:dispute-resolution");
    if (booked) {
      audit.record("system:dispute-resolution", "customer-credit.credit-memo-held", "customer:" + invoice.customerId(), Map.of(
          "creditNote", note.number(), "invoice", invoice.number(), "amount", note.unabsorbed(), "currency", note.currency()));
    }
  }
}
