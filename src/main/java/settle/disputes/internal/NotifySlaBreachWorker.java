package settle.disputes.internal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import settle.audit.AuditLog;
import settle.communication.MailOutbox;
import settle.communication.OutgoingMail;
import settle.common.Money;
import settle.customers.CustomerDirectory;
import settle.customers.CustomerView;
import settle.disputes.DisputeResolution;
import settle.disputes.DisputeView;
import settle.disputes.Disputes;
import settle.disputes.ReasonCode;
import settle.invoicing.InvoiceView;
import settle.invoicing.Invoices;

/** Tells the owning team's lead that a dispute passed its SLA; the task stays with the team. */
@Component
public class NotifySlaBreachWorker {

  private final Disputes disputes;
  private final Invoices invoices;
  private final CustomerDirectory customers;
  private final MailOutbox mail;
  private final AuditLog audit;
  private final String leadAddress;

  NotifySlaBreachWorker(Disputes disputes, Invoices invoices, CustomerDirectory customers, MailOutbox mail, AuditLog audit,
                        @Value("${settle.disputes.team-lead-address}") String leadAddress) {
    this.disputes = disputes;
    this.invoices = invoices;
    this.customers = customers;
    this.mail = mail;
    this.audit = audit;
    this.leadAddress = leadAddress;
  }

  @JobWorker(type = DisputeResolution.NOTIFY_SLA_BREACH)
  @Transactional
  public void notifySlaBreach(@Variable long disputeId) {
    DisputeView dispute = disputes.get(disputeId);
    InvoiceView invoice = invoices.get(dispute.invoiceId());
    CustomerView customer = customers.get(dispute.customerId());
    String reason = ReasonCode.wordsFor(dispute.reasonCode());
    String lead = leadAddress.replace("{team}", dispute.team());
    boolean queued = mail.enqueue(new OutgoingMail("dispute:" + disputeId + ":sla-breach", mail.arTeamName(), lead,
        "SLA passed: dispute of invoice " + invoice.number() + " by " + customer.name() + " (" + reason + ", "
            + Money.format(dispute.amount(), dispute.currency()) + ")",
        "dispute-sla-breach", Map.of("dispute", dispute, "invoice", invoice, "customer", customer, "reason", reason),
        List.of(), "dispute:" + disputeId));
    if (queued) {
      audit.record("system:" + DisputeResolution.PROCESS_ID, "dispute.sla-breached", "dispute:" + disputeId,
          Map.of("team", dispute.team(), "slaHours", dispute.slaHours(), "told", lead));
    }
  }
}
