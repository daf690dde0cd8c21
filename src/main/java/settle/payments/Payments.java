package settle.payments;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import settle.audit.AuditLog;
import settle.common.ConflictException;
import settle.engine.EngineOutbox;
import settle.invoicing.InvoiceView;
import settle.invoicing.Invoices;

@Service
public class Payments {

  private final JdbcTemplate jdbc;
  private final Invoices invoices;
  private final EngineOutbox engine;
  private final AuditLog audit;
  private final Clock clock;

  Payments(JdbcTemplate jdbc, Invoices invoices, EngineOutbox engine, AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.invoices = invoices;
    this.engine = engine;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Applies the payment and queues the engine message in one transaction. The same reference on the
   * same invoice twice is refused, so a retried request cannot pay an invoice twice.
   */
  @Transactional
  public PaymentView record(RecordPayment payment, String actor) {
    boolean duplicate = Boolean.TRUE.equals(jdbc.queryForObject(
        "select exists(select 1 from payment where invoice_number = ? and reference = ?)", Boolean.class,
        payment.invoiceNumber(), payment.reference()));
    if (duplicate) {
      throw new ConflictException("Payment " + payment.reference() + " on invoice " + payment.invoiceNumber() + " was already recorded");
    }
    InvoiceView invoice = invoices.applyPayment(payment.invoiceNumber(), payment.amount(), payment.valueDate(), payment.currency(),
        payment.reference(), actor);
    Instant now = clock.instant();
    Long id = jdbc.queryForObject("""
            insert into payment(invoice_id, invoice_number, amount, currency, value_date, reference, received_at)
            values (?, ?, ?, ?, ?, ?, ?) returning id""", Long.class,
        invoice.id(), invoice.number(), payment.amount(), invoice.currency(), payment.valueDate(), payment.reference(),
        Timestamp.from(now));
    tellCollection(invoice);
    audit.record(actor, "payment.recorded", "invoice:" + invoice.id(), Map.of(
        "paymentId", id, "amount", payment.amount(), "valueDate", payment.valueDate().toString(), "reference", payment.reference()));
    return new PaymentView(id, invoice.id(), invoice.number(), payment.amount(), invoice.currency(), payment.valueDate(),
        payment.reference(), now, invoice.openAmount(), invoice.status());
  }

  /**
   * Cash received on the invoice since that moment: payments only. Credit memos, adjustments, write-offs and
   * discounts lower what is owed but are not cash, so they never keep a promise or pay an instalment.
   */
  public java.math.BigDecimal receivedSince(long invoiceId, Instant since) {
    return settle.common.Money.of(jdbc.queryForObject("select coalesce(sum(amount), 0) from payment where invoice_id = ? and received_at >= ?",
        java.math.BigDecimal.class, invoiceId, Timestamp.from(since)));
  }

  /** The invoice's collection loop hears what is still open: settled ends it, anything left open loops on. */
  public void tellCollection(InvoiceView invoice) {
    engine.publishMessage(PaymentReceived.MESSAGE, String.valueOf(invoice.id()), Map.of(
        "openAmount", invoice.openAmount(), "invoiceStatus", invoice.status().name()));
  }
}
