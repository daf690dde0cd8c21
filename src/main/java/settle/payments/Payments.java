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

  private final org.springframework.context.ApplicationEventPublisher events;

  Payments(JdbcTemplate jdbc, Invoices invoices, EngineOutbox engine, AuditLog audit, Clock clock,
           org.springframework.context.ApplicationEventPublisher events) {
    this.events = events;
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
    if (invoice.status() == settle.invoicing.InvoiceStatus.PAID) {
      events.publishEvent(new InvoicePaid(invoice.customerId(), invoice.id()));
    }
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
    return settle.common.Money.of(jdbc.queryForObject("select coalesce(sum(amount), 0) from payment where invoice_id = ? and received_at >= ? and reversed_at is null",
        java.math.BigDecimal.class, invoiceId, Timestamp.from(since)));
  }

  /** The engine message that starts an invoice's collection loop again once its payment came back (bpmn/invoice-collection.bpmn). */
  public static final String COLLECTION_REOPENED = "collection-reopened";

  /**
   * The bank returned this payment: it is marked reversed (kept, never deleted), the invoice's open amount goes
   * back up and its collection loop hears it. A paid invoice's loop had ended, so it is started again. Empty if the
   * payment was reversed before: a redelivered job changes nothing.
   */
  @Transactional
  public java.util.Optional<InvoiceView> reverse(long paymentId, String returnReference, String reason, String actor) {
    var rows = jdbc.queryForList("""
        update payment set reversed_at = ?, reversed_by_ref = ? where id = ? and reversed_at is null
        returning invoice_id, amount, reference""", Timestamp.from(clock.instant()), returnReference, paymentId);
    if (rows.isEmpty()) {
      return java.util.Optional.empty();
    }
    long invoiceId = ((Number) rows.getFirst().get("invoice_id")).longValue();
    java.math.BigDecimal amount = (java.math.BigDecimal) rows.getFirst().get("amount");
    String reference = (String) rows.getFirst().get("reference");
    boolean wasPaid = invoices.get(invoiceId).status() == settle.invoicing.InvoiceStatus.PAID;
    InvoiceView invoice = invoices.reversePayment(invoiceId, amount, reference, reason, actor);
    Map<String, Object> details = new java.util.LinkedHashMap<>();
    details.put("paymentId", paymentId);
    details.put("amount", settle.common.Money.of(amount));
    details.put("currency", invoice.currency());
    details.put("reference", reference);
    details.put("returnedBy", returnReference);
    details.put("reason", reason);
    details.put("openAmount", invoice.openAmount());
    audit.record(actor, "payment.reversed", "invoice:" + invoiceId, details);
    if (wasPaid) {
      engine.publishMessage(COLLECTION_REOPENED, String.valueOf(invoiceId), Map.of("invoiceId", invoiceId,
          "customerId", invoice.customerId(), "orderId", invoice.orderId(), "stage", 0, "reopenedByReturn", returnReference));
    } else {
      tellCollection(invoice);
    }
    return java.util.Optional.of(invoice);
  }

  /** The invoice's collection loop hears what is still open: settled ends it, anything left open loops on. */
  public void tellCollection(InvoiceView invoice) {
    engine.publishMessage(PaymentReceived.MESSAGE, String.valueOf(invoice.id()), Map.of(
        "openAmount", invoice.openAmount(), "invoiceStatus", invoice.status().name()));
  }
}
