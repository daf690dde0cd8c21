package settle.payments.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import settle.audit.AuditLog;
import settle.matching.Accounts;
import settle.payments.CustomerCredit;
import settle.payments.PaymentView;
import settle.payments.Payments;
import settle.payments.RecordPayment;

/** Turns a line's money into payments on invoices, and remembers the accounts customers pay from. */
@Component
class Postings {

  private final JdbcTemplate jdbc;
  private final Payments payments;
  private final CustomerCredit credit;
  private final AuditLog audit;
  private final Clock clock;

  Postings(JdbcTemplate jdbc, Payments payments, CustomerCredit credit, AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.payments = payments;
    this.credit = credit;
    this.audit = audit;
    this.clock = clock;
  }

  /** One payment per invoice, referenced by statement and line, so the payments table refuses a second posting too. */
  PaymentView post(StoredLine line, long invoiceId, String invoiceNumber, BigDecimal amount, BigDecimal discount, String actor) {
    PaymentView payment = payments.record(new RecordPayment(invoiceNumber, amount, line.valueDate(), line.paymentReference(),
        line.currency()), actor);
    jdbc.update("insert into bank_statement_match(line_id, invoice_id, invoice_number, amount, discount, payment_id) values (?, ?, ?, ?, ?, ?)",
        line.id(), invoiceId, invoiceNumber, amount, discount, payment.id());
    return payment;
  }

  /** The money no invoice absorbed stays with the customer: it joins their credit balance. */
  void creditOnAccount(StoredLine line, long customerId, BigDecimal amount, String actor) {
    if (credit.book(customerId, line.currency(), CustomerCredit.Kind.UNAPPLIED_CASH, amount, null, line.paymentReference(),
        line.paymentReference() + ":unapplied", actor)) {
      audit.record(actor, "payment.credit-on-account", "customer:" + customerId, Map.of("amount", amount, "currency", line.currency(),
          "statement", line.statementId(), "line", line.lineNo()));
    }
  }

  /**
   * A returned line's money goes back to the payer: received and refunded at once, so a known customer's
   * ledger shows both and their balance does not change.
   */
  void returnToPayer(StoredLine line, long customerId, String actor) {
    creditOnAccount(line, customerId, line.amount(), actor);
    if (credit.book(customerId, line.currency(), CustomerCredit.Kind.REFUND, line.amount(), null, line.paymentReference(),
        line.paymentReference() + ":returned", actor)) {
      audit.record(actor, "customer-credit.refunded", "customer:" + customerId, Map.of("amount", line.amount(),
          "currency", line.currency(), "reference", line.paymentReference()));
    }
  }

  /** Remembers that the customer pays from this account; returns false if it was known already. */
  boolean learn(String account, long customerId, String learnedFrom, String actor) {
    String normalized = Accounts.normalize(account);
    if (normalized.isEmpty()) {
      return false;
    }
    int added = jdbc.update("""
            insert into payer_account(account, customer_id, learned_from, learned_by, learned_at) values (?, ?, ?, ?, ?)
            on conflict do nothing""", normalized, customerId, learnedFrom, actor, Timestamp.from(clock.instant()));
    if (added == 1) {
      audit.record(actor, "payer-account.learned", "customer:" + customerId, Map.of("account", normalized, "from", learnedFrom));
    }
    return added == 1;
  }

  /** A line as stored at import: a credit, or a debit that returns an earlier payment. */
  record StoredLine(long id, long statementId, int lineNo, BigDecimal amount, String currency, LocalDate valueDate,
                    String payerName, String payerAccount, String remittance, String status, Long customerId, boolean debit) {

    String paymentReference() {
      return paymentReference(statementId, lineNo);
    }

    /** The reference a statement line's payments carry: one line never pays an invoice twice. */
    static String paymentReference(long statementId, int lineNo) {
      return "statement:" + statementId + ":line:" + lineNo;
    }
  }

  StoredLine lockLine(long lineId) {
    return jdbc.query("select * from bank_statement_line where id = ? for update", Postings::storedLine, lineId).stream().findFirst()
        .orElseThrow(() -> new IllegalStateException("No statement line " + lineId));
  }

  /** A statement's lines still waiting for the matcher, locked, in statement order. */
  java.util.List<StoredLine> lockPendingLines(long statementId) {
    return jdbc.query("select * from bank_statement_line where statement_id = ? and status = 'PENDING' and not debit order by line_no for update",
        Postings::storedLine, statementId);
  }

  /** The same lines unlocked, for the trial match that decides what to lock; the statement's row lock keeps them as they are. */
  java.util.List<StoredLine> pendingLines(long statementId) {
    return jdbc.query("select * from bank_statement_line where statement_id = ? and status = 'PENDING' and not debit order by line_no",
        Postings::storedLine, statementId);
  }

  private static StoredLine storedLine(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    return new StoredLine(rs.getLong("id"), rs.getLong("statement_id"), rs.getInt("line_no"), rs.getBigDecimal("amount"),
        rs.getString("currency"), rs.getDate("value_date").toLocalDate(), rs.getString("payer_name"), rs.getString("payer_account"),
        rs.getString("remittance"), rs.getString("status"), (Long) rs.getObject("customer_id"),
        rs.getBoolean("debit"));
  }
}
