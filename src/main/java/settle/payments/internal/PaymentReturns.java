package settle.payments.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import settle.communication.MailOutbox;
import settle.communication.OutgoingMail;
import settle.customers.CustomerDirectory;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceView;
import settle.payments.CashApplication;
import settle.payments.Payments;
import settle.payments.statements.StatementLine;

/**
 * A debit line that returns an earlier customer payment (SEPA return, bounced cheque, chargeback). It finds the credit
 * line it returns by the payment's end-to-end id first (a return carries it, whatever reference the bank gives the
 * return itself), then by that line's bank reference, then by its amount and payer account; only a credit line with
 * payments still standing qualifies, the latest first. The match step reverses those payments.
 */
@Component
public class PaymentReturns {

  /** Posted credit lines in the currency that still have payments standing, latest first: what a return may give back. */
  private static final String STANDING = """
      select o.id from bank_statement_line o
      where not o.debit and o.duplicate_of is null and o.currency = ? and %s
        and exists (select 1 from bank_statement_match m join payment p on p.id = m.payment_id
                    where m.line_id = o.id and p.reversed_at is null)
      order by o.id desc limit 1""";
  private static final String BY_END_TO_END = STANDING.formatted("o.end_to_end_id = ?");
  private static final String BY_REFERENCE = STANDING.formatted("o.bank_reference = ?");
  private static final String BY_AMOUNT_AND_PAYER = STANDING.formatted(
      "o.amount = ? and upper(replace(o.payer_account, ' ', '')) = ?");

  private final JdbcTemplate jdbc;
  private final Payments payments;
  private final CustomerDirectory customers;
  private final MailOutbox mail;

  PaymentReturns(JdbcTemplate jdbc, Payments payments, CustomerDirectory customers, MailOutbox mail) {
    this.jdbc = jdbc;
    this.payments = payments;
    this.customers = customers;
    this.mail = mail;
  }

  /** Whether a debit line is a return to store: the bank marks it as a reversal, or it gives back a posted payment. */
  public boolean isReturn(StatementLine line) {
    return !line.credit() && (line.reversal()
        || original(line.endToEndId(), line.reference(), line.amount(), line.currency(), line.payerAccount()).isPresent());
  }

  private Optional<Long> original(String endToEndId, String reference, BigDecimal amount, String currency, String payerAccount) {
    Optional<Long> found = Optional.empty();
    String endToEnd = naming(endToEndId);
    if (endToEnd != null) {
      found = first(BY_END_TO_END, currency, endToEnd);
    }
    String ref = naming(reference);
    if (found.isEmpty() && ref != null) {
      found = first(BY_REFERENCE, currency, ref);
    }
    String account = payerAccount == null ? "" : payerAccount.replace(" ", "").toUpperCase(Locale.ROOT);
    if (found.isEmpty() && !account.isEmpty()) {
      found = first(BY_AMOUNT_AND_PAYER, currency, amount, account);
    }
    return found;
  }

  private Optional<Long> first(String query, Object... arguments) {
    return jdbc.queryForList(query, Long.class, arguments).stream().findFirst();
  }

  /** The id, or null where it names no transaction (blank, NONREF, NOTPROVIDED). */
  private static String naming(String id) {
    return id == null || id.isBlank() || id.equalsIgnoreCase("NONREF") || id.equalsIgnoreCase("NOTPROVIDED") ? null : id;
  }

  /**
   * Reverses the payments of every pending return of the statement, tells each invoice's account owner, and marks
   * the line PAYMENT_RETURNED; a return that finds nothing is left PENDING for the caller to give a cash applier.
   * Runs in the match step's transaction, so a redelivered job finds no pending return and does nothing.
   */
  /** The customers whose payments the statement's pending debits return: {@link #reverseReturns} posts to them. */
  java.util.Set<Long> customersReturnedTo(long statementId) {
    java.util.Set<Long> customers = new java.util.TreeSet<>();
    for (Map<String, Object> line : jdbc.queryForList("""
        select end_to_end_id, bank_reference, amount, currency, payer_account from bank_statement_line
        where statement_id = ? and debit and status = 'PENDING'""", statementId)) {
      original((String) line.get("end_to_end_id"), (String) line.get("bank_reference"), (BigDecimal) line.get("amount"),
          (String) line.get("currency"), (String) line.get("payer_account")).ifPresent(originalLine -> customers.addAll(
          jdbc.queryForList("""
              select i.customer_id from bank_statement_match m join payment p on p.id = m.payment_id
                join invoice i on i.id = p.invoice_id where m.line_id = ? and p.reversed_at is null""", Long.class, originalLine)));
    }
    return customers;
  }

  void reverseReturns(long statementId) {
    List<Map<String, Object>> returns = jdbc.queryForList("""
        select id, line_no, end_to_end_id, bank_reference, amount, currency, payer_account, remittance from bank_statement_line
        where statement_id = ? and debit and status = 'PENDING' order by line_no for update""", statementId);
    for (Map<String, Object> line : returns) {
      long lineId = ((Number) line.get("id")).longValue();
      Optional<Long> original = original((String) line.get("end_to_end_id"), (String) line.get("bank_reference"),
          (BigDecimal) line.get("amount"),
          (String) line.get("currency"), (String) line.get("payer_account"));
      if (original.isEmpty()) {
        continue;
      }
      String returnRef = Postings.StoredLine.paymentReference(statementId, ((Number) line.get("line_no")).intValue());
      String remittance = (String) line.get("remittance");
      String reason = remittance == null || remittance.isBlank() ? "the bank returned the payment"
          : "the bank returned the payment (" + remittance.strip() + ")";
      Long customerId = null;
      for (long paymentId : jdbc.queryForList("""
          select p.id from bank_statement_match m join payment p on p.id = m.payment_id
          where m.line_id = ? and p.reversed_at is null order by p.id""", Long.class, original.get())) {
        Optional<InvoiceView> invoice = payments.reverse(paymentId, returnRef, reason, CashApplication.ACTOR);
        if (invoice.isPresent()) {
          customerId = invoice.get().customerId();
          tellOwner(lineId, invoice.get(), (BigDecimal) line.get("amount"), reason);
        }
      }
      jdbc.update("""
              update bank_statement_line set status = 'PAYMENT_RETURNED', rule = 'RETURN', confidence = 1, returned_line = ?,
                customer_id = ?, why = ?, candidates = '[]'::jsonb, version = version + 1 where id = ?""",
          original.get(), customerId, "Returned payment: " + reason, lineId);
    }
  }

  private void tellOwner(long lineId, InvoiceView invoice, BigDecimal returned, String reason) {
    CustomerView customer = customers.get(invoice.customerId());
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("ownerName", customer.accountOwnerName());
    model.put("customer", customer);
    model.put("invoice", invoice);
    model.put("returned", settle.common.Money.of(returned));
    model.put("reason", reason);
    mail.enqueue(new OutgoingMail("payment-returned:" + lineId + ":invoice:" + invoice.id(), mail.arTeamName(),
        customer.accountOwnerEmail(), "Payment returned: " + customer.name() + ", invoice " + invoice.number() + " is open again",
        "payment-returned", model, List.of(), "invoice:" + invoice.id()));
  }
}
