package settle.collections.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import settle.audit.AuditLog;
import settle.communication.MailOutbox;
import settle.communication.OutgoingMail;
import settle.customers.CustomerDirectory;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceStatus;
import settle.invoicing.InvoiceView;
import settle.invoicing.Invoices;

/** Takes a dunning step once per invoice and stage, always against the invoice as it is now. */
@Service
class Dunning {

  private final JdbcTemplate jdbc;
  private final Invoices invoices;
  private final CustomerDirectory customers;
  private final MailOutbox mail;
  private final AuditLog audit;
  private final Clock clock;

  Dunning(JdbcTemplate jdbc, Invoices invoices, CustomerDirectory customers, MailOutbox mail, AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.invoices = invoices;
    this.customers = customers;
    this.mail = mail;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public void remind(long invoiceId, int stage, String action, String template) {
    boolean taken = Boolean.TRUE.equals(jdbc.queryForObject(
        "select exists(select 1 from dunning_step where invoice_id = ? and stage = ?)", Boolean.class, invoiceId, stage));
    if (taken) {
      return;
    }
    InvoiceView invoice = invoices.get(invoiceId);
    String subject = "invoice:" + invoiceId;
    if (invoice.status() == InvoiceStatus.PAID) {
      record(invoiceId, stage, action, template, "SKIPPED_PAID", null);
      audit.record("engine:send-reminder", "collections.reminder-skipped", subject, Map.of("stage", stage, "why", "invoice is paid"));
      return;
    }
    CustomerView customer = customers.get(invoice.customerId());
    LocalDate today = LocalDate.now(clock);
    long daysOverdue = Math.max(0, ChronoUnit.DAYS.between(invoice.dueDate(), today));
    BigDecimal amountDue = invoice.openAmount();
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("invoice", invoice);
    model.put("customer", customer);
    model.put("amountDue", amountDue);
    model.put("daysOverdue", daysOverdue);
    mail.enqueue(new OutgoingMail(subject + ":reminder:" + stage, customer.accountOwnerName(), customer.apEmail(),
        "Reminder: invoice " + invoice.number() + " is " + daysOverdue + " days overdue", template, model,
        List.of(), subject));
    record(invoiceId, stage, action, template, "SENT", amountDue);
    audit.record("engine:send-reminder", "collections.reminder-sent", subject, Map.of(
        "stage", stage, "template", template, "amountDue", amountDue, "daysOverdue", daysOverdue, "to", customer.apEmail()));
  }

  private void record(long invoiceId, int stage, String action, String template, String outcome, BigDecimal amount) {
    jdbc.update("""
        insert into dunning_step(invoice_id, stage, action, template, outcome, amount, performed_at)
        values (?, ?, ?, ?, ?, ?, ?)""", invoiceId, stage, action, template, outcome, amount, Timestamp.from(clock.instant()));
  }
}
