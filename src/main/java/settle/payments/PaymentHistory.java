package settle.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import settle.common.Money;

/** What a customer paid and where it went, for the customer's own eyes (the portal) and their statement of account. */
@Service
public class PaymentHistory {

  /** A payment received, the invoice it was applied to, and whether the bank returned it. */
  public record Received(long id, String invoiceNumber, BigDecimal amount, String currency, LocalDate valueDate,
                         String reference, Instant receivedAt, Instant reversedAt) {}

  /** A movement on the customer's credit balance: held for them (positive) or used up (negative). */
  public record CreditMovement(CustomerCredit.Kind kind, BigDecimal amount, String currency, String invoiceNumber,
                               String reference, Instant at) {}

  private final JdbcTemplate jdbc;

  PaymentHistory(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The customer's payments, newest first. */
  public List<Received> received(long customerId) {
    return jdbc.query("""
            select p.id, p.invoice_number, p.amount, p.currency, p.value_date, p.reference, p.received_at, p.reversed_at
            from payment p join invoice i on i.id = p.invoice_id where i.customer_id = ? order by p.value_date desc, p.id desc""",
        (rs, i) -> new Received(rs.getLong(1), rs.getString(2), Money.of(rs.getBigDecimal(3)), rs.getString(4),
            rs.getDate(5).toLocalDate(), rs.getString(6), rs.getTimestamp(7).toInstant(),
            rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant()), customerId);
  }

  /** Movements on the customer's credit balance, newest first. */
  public List<CreditMovement> creditMovements(long customerId) {
    return jdbc.query("""
            select e.kind, e.amount, e.currency, i.number, e.reference, e.created_at
            from customer_credit_entry e left join invoice i on i.id = e.invoice_id
            where e.customer_id = ? order by e.created_at desc, e.id desc""",
        (rs, i) -> new CreditMovement(CustomerCredit.Kind.valueOf(rs.getString(1)), Money.of(rs.getBigDecimal(2)), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()), customerId);
  }
}
