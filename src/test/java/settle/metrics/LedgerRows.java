package settle.metrics;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A small ledger written straight into its tables with the dates a test needs, as an ERP's bulk load would: every
 * row lowers the invoice's open amount by what it books, so the ledger balances as the application's own postings do.
 */
final class LedgerRows {

  private static final AtomicLong ORDERS = new AtomicLong(-System.nanoTime());

  private final JdbcTemplate jdbc;

  LedgerRows(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  long customer(String name, String accountOwner) {
    return jdbc.queryForObject("""
        insert into customer(name, ap_email, account_owner_name, account_owner_email, credit_limit, currency, risk_rating,
                             customer_since, created_at)
        values (?, 'ap@example.com', ?, 'owner@example.com', 100000, 'EUR', 'LOW', date '2020-01-01', now()) returning id""",
        Long.class, name, accountOwner);
  }

  long invoice(long customerId, String currency, String total, LocalDate issued, LocalDate due) {
    long order = ORDERS.decrementAndGet();
    return jdbc.queryForObject("""
        insert into invoice(number, customer_id, order_id, currency, subtotal, discount_percent, discount_amount, total,
                            open_amount, issue_date, due_date, payment_terms, status, created_at)
        values (?, ?, ?, ?, ?::numeric, 0, 0, ?::numeric, ?::numeric, ?, ?, 'NET30', 'OPEN', now()) returning id""",
        Long.class, "T" + (-order), customerId, order, currency, total, total, total, issued, due);
  }

  void payment(long invoiceId, String amount, LocalDate valueDate) {
    jdbc.update("""
        insert into payment(invoice_id, invoice_number, amount, currency, value_date, reference, received_at)
        select id, number, ?::numeric, currency, ?, ?, ? from invoice where id = ?""",
        amount, valueDate, "test-payment-" + (-ORDERS.decrementAndGet()), at(valueDate), invoiceId);
    lower(invoiceId, amount);
  }

  long dispute(long invoiceId, String amount, LocalDate raised, LocalDate resolved) {
    return jdbc.queryForObject("""
        insert into dispute(invoice_id, customer_id, reason_code, amount, currency, description, raised_by, status, team,
                            sla_hours, approval_limit, checklist, created_at, resolved_at)
        select id, customer_id, 'PRICING', ?::numeric, currency, 'test', 'test', ?, 'billing', 48, 1000, '', ?, ?
        from invoice where id = ? returning id""",
        Long.class, amount, resolved == null ? "OPEN" : "RESOLVED", at(raised), resolved == null ? null : at(resolved), invoiceId);
  }

  /** A credit memo for a dispute, fully absorbed by the invoice. */
  void creditMemo(long invoiceId, long disputeId, String amount, LocalDate issued) {
    jdbc.update("""
        insert into credit_note(kind, number, invoice_id, dispute_id, amount, currency, reason, issued_on, created_at)
        select 'CREDIT_MEMO', ?, id, ?, ?::numeric, currency, 'test', ?, ? from invoice where id = ?""",
        "CM-T" + (-ORDERS.decrementAndGet()), disputeId, amount, issued, at(issued), invoiceId);
    lower(invoiceId, amount);
  }

  void promise(long invoiceId, String amount, LocalDate made, LocalDate promised, String takenBy) {
    jdbc.update("""
        insert into promise_to_pay(invoice_id, promised_date, amount, open_at_promise, taken_by, channel, source_key, status, created_at)
        select id, ?, ?::numeric, open_amount, ?, 'phone', ?, 'ACTIVE', ? from invoice where id = ?""",
        promised, amount, takenBy, "test-" + (-ORDERS.decrementAndGet()), at(made), invoiceId);
  }

  void step(long invoiceId, String segment, String template, boolean headsUp, String status, LocalDate on) {
    jdbc.update("""
        insert into dunning_step(invoice_id, customer_id, stage, segment, tone, action, template, channel, sender, heads_up,
                                 skip_if_late, action_date, action_at, status, planned_at)
        select id, customer_id, (select coalesce(max(stage), 0) + 1 from dunning_step where invoice_id = ?), ?, 'FRIENDLY', 'REMINDER', ?, 'EMAIL', 'COLLECTOR', ?, false, ?, ?, ?, ? from invoice where id = ?""",
        invoiceId, segment, template, headsUp, on, at(on), status, at(on.minusDays(5)), invoiceId);
  }

  private void lower(long invoiceId, String amount) {
    jdbc.update("""
        update invoice set open_amount = open_amount - ?::numeric,
                           status = case when open_amount - ?::numeric = 0 then 'PAID' else 'PARTIALLY_PAID' end
        where id = ?""", amount, amount, invoiceId);
  }

  private static Timestamp at(LocalDate date) {
    return Timestamp.from(date.atTime(10, 0).toInstant(ZoneOffset.UTC));
  }

  static BigDecimal amount(String text) {
    return new BigDecimal(text);
  }
}
