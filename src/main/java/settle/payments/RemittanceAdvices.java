package settle.payments;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import settle.audit.AuditLog;
import settle.common.InvalidRequestException;
import settle.common.Money;
import settle.invoicing.InvoiceView;
import settle.invoicing.Invoices;
import settle.matching.RemittanceAdvice;
import settle.payments.internal.RemittanceAdviceFile;

/**
 * Remittance advices the customer's AP team sends ahead of a payment: which invoices it covers, with how much. Stored
 * with the customer; cash application applies the first payment from that customer of exactly the advice's total as
 * the advice says (once). A refused file stores nothing.
 */
@Service
public class RemittanceAdvices {

  public record Line(String invoiceNumber, BigDecimal amount) {}

  public record AdviceView(long id, String kind, String currency, BigDecimal total, List<Line> lines, Instant uploadedAt, Instant usedAt) {}

  private final JdbcTemplate jdbc;
  private final Invoices invoices;
  private final AuditLog audit;
  private final Clock clock;

  RemittanceAdvices(JdbcTemplate jdbc, Invoices invoices, AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.invoices = invoices;
    this.audit = audit;
    this.clock = clock;
  }

  /** Reads the file; every invoice must be the customer's, open, in one currency and owe at least the amount given. */
  @Transactional
  public AdviceView upload(long customerId, String contactEmail, String actor, String filename, byte[] bytes) {
    RemittanceAdviceFile.Read read = RemittanceAdviceFile.read(filename, bytes);
    String currency = null;
    BigDecimal total = BigDecimal.ZERO;
    Set<String> seen = new HashSet<>();
    List<Line> lines = new ArrayList<>();
    for (RemittanceAdviceFile.Line l : read.lines()) {
      String where = "Line " + l.lineNo() + (read.kind() == RemittanceAdviceFile.Kind.PDF ? " of the PDF" : "") + ": ";
      InvoiceView invoice = invoices.findByNumber(l.invoiceNumber()).filter(i -> i.customerId() == customerId)
          .orElseThrow(() -> new InvalidRequestException("file", where + l.invoiceNumber() + " is not one of your invoices"));
      if (!seen.add(invoice.number())) {
        throw new InvalidRequestException("file", where + invoice.number() + " is named twice");
      }
      if (invoice.openAmount().signum() == 0) {
        throw new InvalidRequestException("file", where + invoice.number() + " is already paid");
      }
      if (l.amount().compareTo(invoice.openAmount()) > 0) {
        throw new InvalidRequestException("file", where + Money.format(l.amount(), invoice.currency()) + " is more than the "
            + Money.format(invoice.openAmount(), invoice.currency()) + " open on " + invoice.number());
      }
      if (currency != null && !currency.equals(invoice.currency())) {
        throw new InvalidRequestException("file", where + invoice.number() + " is in " + invoice.currency()
            + ", the invoices before it in " + currency + ": send one advice per currency");
      }
      currency = invoice.currency();
      total = total.add(l.amount());
      lines.add(new Line(invoice.number(), Money.of(l.amount())));
    }
    Instant now = clock.instant();
    long id = jdbc.queryForObject("""
        insert into remittance_advice(customer_id, contact_email, file_kind, currency, total, created_at)
        values (?, ?, ?, ?, ?, ?) returning id""", Long.class, customerId, contactEmail, read.kind().name(), currency, Money.of(total),
        Timestamp.from(now));
    for (int k = 0; k < lines.size(); k++) {
      jdbc.update("insert into remittance_advice_line(advice_id, line_no, invoice_number, amount) values (?, ?, ?, ?)",
          id, k + 1, lines.get(k).invoiceNumber(), lines.get(k).amount());
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("adviceId", id);
    details.put("amount", Money.of(total));
    details.put("currency", currency);
    details.put("invoices", lines.stream().map(l -> Map.of("number", l.invoiceNumber(), "amount", l.amount())).toList());
    audit.record(actor, "remittance-advice.uploaded", "customer:" + customerId, details);
    return new AdviceView(id, read.kind().name(), currency, Money.of(total), lines, now, null);
  }

  public List<AdviceView> of(long customerId) {
    Map<Long, List<Line>> lines = new LinkedHashMap<>();
    jdbc.query("""
        select l.advice_id, l.invoice_number, l.amount from remittance_advice_line l join remittance_advice a on a.id = l.advice_id
        where a.customer_id = ? order by l.advice_id, l.line_no""", rs -> {
      lines.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Line(rs.getString(2), rs.getBigDecimal(3)));
    }, customerId);
    return jdbc.query("select * from remittance_advice where customer_id = ? order by created_at desc, id desc", (rs, n) -> {
      Timestamp used = rs.getTimestamp("used_at");
      return new AdviceView(rs.getLong("id"), rs.getString("file_kind"), rs.getString("currency"), rs.getBigDecimal("total"),
          lines.getOrDefault(rs.getLong("id"), List.of()), rs.getTimestamp("created_at").toInstant(), used == null ? null : used.toInstant());
    }, customerId);
  }

  /** Every advice no payment has used yet, oldest first: what cash application matches against. */
  public List<RemittanceAdvice> unused() {
    Map<Long, List<RemittanceAdvice.Line>> lines = new LinkedHashMap<>();
    jdbc.query("""
        select l.advice_id, l.invoice_number, l.amount from remittance_advice_line l join remittance_advice a on a.id = l.advice_id
        where a.used_by_line is null order by l.advice_id, l.line_no""", rs -> {
      lines.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new RemittanceAdvice.Line(rs.getString(2), rs.getBigDecimal(3)));
    });
    return jdbc.query("select id, customer_id, currency, total from remittance_advice where used_by_line is null order by created_at, id",
        (rs, n) -> new RemittanceAdvice(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBigDecimal(4),
            lines.getOrDefault(rs.getLong(1), List.of())));
  }

  /** The advice paid this statement line; a second use is impossible (the line that came first keeps it). */
  public void used(long adviceId, long statementLineId, String actor) {
    int marked = jdbc.update("update remittance_advice set used_by_line = ?, used_at = ? where id = ? and used_by_line is null",
        statementLineId, Timestamp.from(clock.instant()), adviceId);
    if (marked > 0) {
      Long customerId = jdbc.queryForObject("select customer_id from remittance_advice where id = ?", Long.class, adviceId);
      audit.record(actor, "remittance-advice.used", "customer:" + customerId,
          Map.of("adviceId", adviceId, "statementLine", statementLineId));
    }
  }
}
