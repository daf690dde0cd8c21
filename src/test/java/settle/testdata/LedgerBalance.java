package settle.testdata;

import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The ledger always balances, per customer and currency:
 * <pre>invoiced − payments − credits − write-offs + refunds = open − credit balance</pre>
 * <ul>
 *   <li>invoiced: the invoices' totals as issued (an adjustment lowers an invoice's total, so it is added back);</li>
 *   <li>payments: all cash received and not returned by the bank (a reversed payment is kept but not counted), the part applied to invoices and the part held as unapplied cash;</li>
 *   <li>credits: credit notes (credit memos and adjustments) for their full amount; the part of a credit memo its
 *       invoice could not absorb is a CREDIT_MEMO entry on the credit balance, so it is not counted twice;</li>
 *   <li>write-offs: small differences written off and early-payment discounts taken;</li>
 *   <li>refunds: money paid back out of the credit balance;</li>
 *   <li>open: what is open on the invoices; credit balance: what the company holds for the customer.</li>
 * </ul>
 * The issue writes "= open + credit balance"; with the credit balance a positive amount held <em>for</em> the
 * customer, it is what we owe them, so it comes off what they owe: minus. Applying credit to an invoice lowers
 * both open and the balance and leaves the equation as it was.
 *
 * <p>As a JUnit extension on {@link SettleTest} it checks after every test of every Spring test class. It
 * first waits until the engine outbox has drained (the named state after which no message of the test is
 * still on its way to a worker); the check itself is one SQL statement, so it reads one consistent snapshot
 * and every posting commits its rows on both sides together.
 */
public final class LedgerBalance implements AfterEachCallback {

  /** Customers and currencies whose two sides differ; empty when the ledger balances. */
  static final String UNBALANCED = """
      with invoiced as (
        select customer_id, currency, sum(total) as total, sum(open_amount) as open from invoice group by 1, 2),
      adjusted as (
        select i.customer_id, c.currency, sum(c.amount) filter (where c.kind = 'ADJUSTMENT') as adjustments, sum(c.amount) as credits
        from credit_note c join invoice i on i.id = c.invoice_id group by 1, 2),
      paid as (
        -- a payment the bank returned is kept, marked reversed, and its amount is open on the invoice again: not cash received
        select i.customer_id, p.currency, sum(p.amount) as amount from payment p join invoice i on i.id = p.invoice_id
        where p.reversed_at is null group by 1, 2),
      written_off as (
        select i.customer_id, w.currency, sum(w.amount) as amount from invoice_write_off w join invoice i on i.id = w.invoice_id group by 1, 2),
      held as (
        select customer_id, currency,
               sum(amount) filter (where kind = 'UNAPPLIED_CASH') as unapplied,
               -sum(amount) filter (where kind = 'REFUND') as refunds,
               sum(amount) as balance
        from customer_credit_entry group by 1, 2),
      keys as (
        select customer_id, currency from invoiced union select customer_id, currency from held),
      sides as (
        select k.customer_id, k.currency,
               coalesce(v.total, 0) + coalesce(a.adjustments, 0)
                 - (coalesce(p.amount, 0) + coalesce(h.unapplied, 0))
                 - coalesce(a.credits, 0)
                 - coalesce(w.amount, 0)
                 + coalesce(h.refunds, 0) as movements,
               coalesce(v.open, 0) - coalesce(h.balance, 0) as balances
        from keys k
        left join invoiced v using (customer_id, currency)
        left join adjusted a using (customer_id, currency)
        left join paid p using (customer_id, currency)
        left join written_off w using (customer_id, currency)
        left join held h using (customer_id, currency))
      select customer_id, currency, movements, balances from sides where movements <> balances order by 1, 2""";

  public record Unbalanced(long customerId, String currency, BigDecimal movements, BigDecimal balances) {
    @Override
    public String toString() {
      return "customer " + customerId + " in " + currency + ": invoiced − payments − credits − write-offs + refunds = "
          + plain(movements) + ", open − credit balance = " + plain(balances);
    }

    private static String plain(BigDecimal amount) {
      return amount.setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }
  }

  public static List<Unbalanced> unbalanced(JdbcTemplate jdbc) {
    return jdbc.query(UNBALANCED, (rs, i) -> new Unbalanced(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4)));
  }

  /** Fails naming every customer and currency whose ledger does not balance, with both sides. */
  public static void assertBalanced(JdbcTemplate jdbc) {
    List<Unbalanced> wrong = unbalanced(jdbc);
    if (!wrong.isEmpty()) {
      throw new AssertionError("The ledger does not balance for " + wrong.size() + " customer/currency pair(s):\n  "
          + String.join("\n  ", wrong.stream().map(Unbalanced::toString).toList()));
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    JdbcTemplate jdbc = SpringExtension.getApplicationContext(context).getBean(JdbcTemplate.class);
    await("the engine outbox to drain before the ledger check").atMost(Journeys.PATIENCE)
        .until(() -> jdbc.queryForObject("select count(*) from engine_outbox where sent_at is null", Long.class) == 0);
    assertBalanced(jdbc);
  }
}
