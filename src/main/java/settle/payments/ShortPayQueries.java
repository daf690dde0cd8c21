package settle.payments;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import settle.audit.AuditLog;
import settle.common.ConflictException;
import settle.common.InvalidRequestException;
import settle.common.Money;
import settle.disputes.DisputeView;
import settle.disputes.Disputes;
import settle.disputes.RaiseDispute;
import settle.disputes.ReasonCode;
import settle.invoicing.InvoiceView;
import settle.invoicing.Invoices;

/**
 * The customer's answer to a short-pay query (the mail cash application sends when dmn/short-pay-tolerance.dmn says
 * ask): the difference is owed, so it stays open and the reminders ask for it; or it is explained, and a deduction
 * dispute with the explanation pauses dunning for that amount. Differences within the table's tolerance never get here:
 * they are settled at once. One answer per payment.
 */
@Service
public class ShortPayQueries {

  public record Query(long lineId, long invoiceId, String invoiceNumber, String currency, BigDecimal paid, BigDecimal difference,
                      LocalDate valueDate, String answer, Instant answeredAt) {}

  private final JdbcTemplate jdbc;
  private final Invoices invoices;
  private final Disputes disputes;
  private final AuditLog audit;
  private final Clock clock;

  ShortPayQueries(JdbcTemplate jdbc, Invoices invoices, Disputes disputes, AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.invoices = invoices;
    this.disputes = disputes;
    this.audit = audit;
    this.clock = clock;
  }

  /** The query the customer was asked, if this payment line is one and theirs. */
  public Optional<Query> of(long customerId, long lineId) {
    return jdbc.query("""
        select l.id, l.short_pay_invoice, l.amount, l.shortfall, l.value_date, a.answer, a.answered_at
        from bank_statement_line l left join short_pay_answer a on a.line_id = l.id
        where l.id = ? and l.customer_id = ? and l.short_pay_action = 'ASK_CUSTOMER'""", (rs, n) -> {
      InvoiceView invoice = invoices.findByNumber(rs.getString(2)).orElseThrow();
      Timestamp answered = rs.getTimestamp(7);
      return new Query(rs.getLong(1), invoice.id(), invoice.number(), invoice.currency(), Money.of(rs.getBigDecimal(3)),
          Money.of(rs.getBigDecimal(4)), rs.getDate(5).toLocalDate(), rs.getString(6), answered == null ? null : answered.toInstant());
    }, lineId, customerId).stream().findFirst();
  }

  /** The difference is owed: it stays open on the invoice and the reminders keep asking for it. */
  @Transactional
  public Query accept(long customerId, long lineId, String contactEmail, String actor) {
    Query query = unanswered(customerId, lineId);
    answer(lineId, "ACCEPTED", null, null, contactEmail);
    audit.record(actor, "short-pay.accepted", "invoice:" + query.invoiceId(), Map.of("invoice", query.invoiceNumber(),
        "amount", query.difference(), "currency", query.currency()));
    return query;
  }

  /**
   * The routing tables' answer for the dispute an explanation raises, asked before the transaction that raises it: an
   * engine call inside one would hold its locks for the round trip.
   */
  public Disputes.Routing route(long customerId, long lineId, String explanation, String contactEmail) {
    Explained explained = explained(customerId, lineId, explanation, contactEmail);
    return disputes.route(explained.invoice().id(), explained.request());
  }

  /** The difference is explained: a deduction dispute with the customer's words, so dunning pauses for that amount. */
  @Transactional
  public DisputeView explain(long customerId, long lineId, String explanation, String contactEmail, String actor,
                             Disputes.Routing routing) {
    Explained explained = explained(customerId, lineId, explanation, contactEmail);
    InvoiceView invoice = explained.invoice();
    DisputeView dispute = disputes.raise(invoice.id(), explained.request(), List.of(), actor, routing);
    answer(lineId, "EXPLAINED", explained.request().description(), dispute.id(), contactEmail);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("invoice", invoice.number());
    details.put("amount", explained.request().amount());
    details.put("currency", invoice.currency());
    details.put("disputeId", dispute.id());
    audit.record(actor, "short-pay.explained", "invoice:" + invoice.id(), details);
    return dispute;
  }

  private record Explained(InvoiceView invoice, RaiseDispute request) {}

  private Explained explained(long customerId, long lineId, String explanation, String contactEmail) {
    String text = explanation == null ? "" : explanation.strip();
    if (text.isEmpty()) {
      throw new InvalidRequestException("explanation", "Say why the difference was kept back");
    }
    if (text.length() > 4000) {
      throw new InvalidRequestException("explanation", "The explanation must be at most 4000 characters");
    }
    Query query = unanswered(customerId, lineId);
    InvoiceView invoice = invoices.get(query.invoiceId());
    BigDecimal amount = query.difference().min(disputes.undisputedOpenAmount(invoice));
    if (amount.signum() <= 0) {
      throw new ConflictException("The difference on invoice " + invoice.number() + " is already disputed");
    }
    return new Explained(invoice, new RaiseDispute(ReasonCode.SHORT_PAYMENT, amount, text, contactEmail, customerId));
  }

  private Query unanswered(long customerId, long lineId) {
    Query query = of(customerId, lineId).orElseThrow(() -> new InvalidRequestException("payment", "There is no such question about your payment"));
    if (query.answer() != null) {
      throw new ConflictException("You answered this question already");
    }
    return query;
  }

  private void answer(long lineId, String answer, String explanation, Long disputeId, String contactEmail) {
    int stored = jdbc.update("""
        insert into short_pay_answer(line_id, answer, explanation, dispute_id, contact_email, answered_at) values (?, ?, ?, ?, ?, ?)
        on conflict (line_id) do nothing""", lineId, answer, explanation, disputeId, contactEmail, Timestamp.from(clock.instant()));
    if (stored == 0) {
      throw new ConflictException("You answered this question already");
    }
  }
}
