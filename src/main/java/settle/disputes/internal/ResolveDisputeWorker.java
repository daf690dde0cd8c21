package settle.disputes.internal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import settle.communication.MailOutbox;
import settle.communication.OutgoingMail;
import settle.customers.CustomerDirectory;
import settle.customers.CustomerView;
import settle.disputes.DisputeResolution;
import settle.disputes.DisputeView;
import settle.disputes.Disputes;
import settle.invoicing.CreditNoteView;
import settle.invoicing.InvoiceView;
import settle.invoicing.Invoices;

/** Records how the dispute ended and tells the customer, with the credit memo or adjustment attached. */
@Component
public class ResolveDisputeWorker {

  private final Disputes disputes;
  private final Invoices invoices;
  private final CustomerDirectory customers;
  private final MailOutbox mail;

  ResolveDisputeWorker(Disputes disputes, Invoices invoices, CustomerDirectory customers, MailOutbox mail) {
    this.disputes = disputes;
    this.invoices = invoices;
    this.customers = customers;
    this.mail = mail;
  }

  @JobWorker(type = DisputeResolution.RESOLVE_DISPUTE,
      fetchVariables = {"disputeId", "outcome", "creditAmount", "rootCause", "notes", "approved", "approvalNotes", "creditNoteId", "completedBy"})
  @Transactional
  public void resolveDispute(ActivatedJob job) {
    Map<String, Object> vars = job.getVariablesAsMap();
    long disputeId = ((Number) vars.get("disputeId")).longValue();
    DisputeView dispute = disputes.get(disputeId);
    String outcome = String.valueOf(vars.get("outcome"));
    String notes = String.valueOf(vars.get("notes"));
    if (!"REJECTED".equals(outcome) && Boolean.FALSE.equals(vars.get("approved"))) {
      outcome = "REJECTED"; // finance did not approve the credit
      notes = vars.get("approvalNotes") == null ? notes : String.valueOf(vars.get("approvalNotes"));
    }
    CreditNoteView note = vars.get("creditNoteId") == null || "REJECTED".equals(outcome) ? null
        : invoices.creditNote(((Number) vars.get("creditNoteId")).longValue());
    BigDecimal credited = note == null ? null : note.amount();
    Object by = vars.get("completedBy");
    disputes.resolve(disputeId, new Disputes.Resolution(outcome, credited, String.valueOf(vars.get("rootCause")), notes,
        note == null ? null : note.number()), by == null ? "system:" + DisputeResolution.PROCESS_ID : by.toString());

    InvoiceView invoice = invoices.get(dispute.invoiceId());
    CustomerView customer = customers.get(dispute.customerId());
    List<OutgoingMail.Attachment> attachments = new ArrayList<>();
    if (note != null) {
      attachments.add(new OutgoingMail.Attachment(note.number() + ".pdf", "application/pdf", invoices.creditNotePdf(note)));
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("customer", customer);
    model.put("dispute", dispute);
    model.put("invoice", invoice);
    model.put("outcome", outcome);
    model.put("note", note);
    model.put("explanation", notes);
    mail.enqueue(new OutgoingMail("dispute:" + disputeId + ":resolved", customer.accountOwnerName(), customer.apEmail(),
        "Your dispute about invoice " + invoice.number() + ": " + switch (outcome) {
          case "CREDIT_MEMO" -> "credit memo " + note.number();
          case "ADJUSTMENT" -> "invoice adjusted";
          default -> "our answer";
        }, "dispute-resolved", model, attachments, "dispute:" + disputeId, customer.apLanguage()));
  }
}
