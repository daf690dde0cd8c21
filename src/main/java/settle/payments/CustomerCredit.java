package settle.payments;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import settle.audit.AuditLog;
import settle.common.InvalidRequestException;
import settle.common.Money;
import settle.customers.CustomerDirectory;
import settle.invoicing.InvoiceStatus;
import settle.invoicing.InvoiceView;
import settle.invoicing.Invoices;

/**
 * The customer's credit balance: money the company holds for a customer, per currency — cash no
 * invoice absorbed and credit memos not yet used — less what was applied to invoices or refunded. An
 * insert-only ledger ({@code customer_credit_entry}); the balance is its sum, never added across
 * currencies. Each entry has a source reference, so posting the same thing twice books it once.
 */
@Service
public class CustomerCredit {

  /**
   * UNAPPLIED_CASH: cash received that no invoice absorbed. CREDIT_MEMO: the part of a credit note (counted in
   * full as a credit) that its invoice could not absorb. APPLIED: credit that lowered an invoice. REFUND: paid back.
   */
  public enum Kind { UNAPPLIED_CASH, CREDIT_MEMO, APPLIED, REFUND }

  /** A balance in one currency. */
  public record Balance(String currency, BigDecimal amount) {}

  /** What one application did: the invoices it lowered, oldest due first. */
  public record Applied(long customerId, List<Application> applications) {}

  public record Application(String invoiceNumber, BigDecimal amount, String currency, BigDecimal invoiceOpenAmount) {}

  public record Refund(long customerId, BigDecimal amount, String currency, String reference, BigDecimal balance) {}

  private final JdbcTemplate jdbc;
  private final Invoices invoices;
  private final Payments payments;
  private final CustomerDirectory customers;
  private final AuditLog audit;
  private final Clock clock;

  CustomerCredit(JdbcTemplate jdbc, Invoices invoices, Payments payments, CustomerDirectory customers, AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.invoices = invoices;
    this.payments = payments;
    this.customers = customers;
    this.audit = audit;
    this.clock = clock;
  }

  /** The customer's non-zero balances, one per currency. */
  @Transactional(readOnly = true)
  public List<Balance> balances(long customerId) {
    return balancesOf(List.of(customerId)).getOrDefault(customerId, List.of());
  }

  /** Non-zero balances of these customers, in one query. */
  @Transactional(readOnly = true)
  public Map<Long, List<Balance>> balancesOf(Collection<Long> customerIds) {
    Map<Long, List<Balance>> found = new HashMap<>();
    jdbc.query("""
        select customer_id, currency, sum(amount) from customer_credit_entry where customer_id = any(?)
        group by customer_id, currency having sum(amount) <> 0 order by currency""", rs -> {
      found.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Balance(rs.getString(2), Money.of(rs.getBigDecimal(3))));
    }, (Object) customerIds.toArray(Long[]::new));
    return found;
  }

  @Transactional(readOnly = true)
  public BigDecimal balance(long customerId, String currency) {
    return Money.of(jdbc.queryForObject("select coalesce(sum(amount), 0) from customer_credit_entry where customer_id = ? and currency = ?",
        BigDecimal.class, customerId, currency));
  }

  /** What all customers hold, per currency. */
  @Transactional(readOnly = true)
  public List<Balance> totals() {
    return jdbc.query("select currency, sum(amount) from customer_credit_entry group by currency having sum(amount) <> 0 order by currency",
        (rs, i) -> new Balance(rs.getString(1), Money.of(rs.getBigDecimal(2))));
  }

  /**
   * Books money into (positive kinds) or out of (negative kinds) the balance; false when {@code sourceRef}
   * was booked before. Callers lock the customer's balance first when they spend it.
   */
  @Transactional
  public boolean book(long customerId, String currency, Kind kind, BigDecimal amount, Long invoiceId, String reference,
                      String sourceRef, String actor) {
    BigDecimal signed = kind == Kind.UNAPPLIED_CASH || kind == Kind.CREDIT_MEMO ? Money.of(amount) : Money.of(amount).negate();
    return jdbc.update("""
            insert into customer_credit_entry(customer_id, currency, kind, amount, invoice_id, reference, source_ref, actor, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (source_ref) do nothing""",
        customerId, currency, kind.name(), signed, invoiceId, reference, sourceRef, actor, Timestamp.from(clock.instant())) == 1;
  }

  /**
   * Applies the customer's credit, per currency, to their open invoices oldest due first, in one
   * transaction. Asking again applies only what is left: nothing, once the balance or the invoices are used up.
   */
  @Transactional
  public Applied apply(long customerId, String actor) {
    customers.get(customerId);
    lock(customerId);
    List<Application> done = new ArrayList<>();
    List<InvoiceView> open = invoices.find(customerId, null).stream()
        .filter(i -> i.status() != InvoiceStatus.PAID && i.openAmount().signum() > 0)
        .sorted(java.util.Comparator.comparing(InvoiceView::dueDate).thenComparing(InvoiceView::id)).toList();
    for (Balance balance : balances(customerId)) {
      BigDecimal left = balance.amount();
      for (InvoiceView invoice : open) {
        if (left.signum() <= 0) {
          break;
        }
        if (invoice.currency().equals(balance.currency())) {
          Application application = applyTo(customerId, invoice, left.min(invoice.openAmount()), actor);
          done.add(application);
          left = left.subtract(application.amount());
        }
      }
    }
    if (!done.isEmpty()) {
      audit.record(actor, "customer-credit.applied", "customer:" + customerId, Map.of("applications", done.stream().map(a -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("invoiceNumber", a.invoiceNumber());
        m.put("amount", a.amount());
        m.put("currency", a.currency());
        return m;
      }).toList()));
    }
    return new Applied(customerId, done);
  }

  /**
   * Applies up to {@code amount} of the customer's credit to one invoice, when the balance covers it all;
   * used when a remittance names an invoice its payment leaves short. Returns the invoice as it stands.
   */
  @Transactional
  public InvoiceView applyIfCovered(long customerId, InvoiceView invoice, BigDecimal amount, String actor) {
    lock(customerId);
    if (amount.signum() <= 0 || balance(customerId, invoice.currency()).compareTo(amount) < 0) {
      return invoice;
    }
    Application application = applyTo(customerId, invoice, amount, actor);
    audit.record(actor, "customer-credit.applied", "customer:" + customerId, Map.of("applications", List.of(Map.of(
        "invoiceNumber", application.invoiceNumber(), "amount", application.amount(), "currency", application.currency()))));
    return invoices.get(invoice.id());
  }

  private Application applyTo(long customerId, InvoiceView invoice, BigDecimal amount, String actor) {
    // the ledger's state names the application, so a retried request at the same state books nothing new
    long last = jdbc.queryForObject("select coalesce(max(id), 0) from customer_credit_entry where customer_id = ?", Long.class, customerId);
    String sourceRef = "credit-applied:invoice:" + invoice.id() + ":after:" + last;
    book(customerId, invoice.currency(), Kind.APPLIED, amount, invoice.id(), invoice.number(), sourceRef, actor);
    InvoiceView after = invoices.applyCustomerCredit(invoice.id(), amount, sourceRef, actor);
    payments.tellCollection(after);
    return new Application(after.number(), Money.of(amount), after.currency(), after.openAmount());
  }

  /** Pays money held for the customer back; never more than the balance in that currency. */
  @Transactional
  public Refund refund(long customerId, BigDecimal amount, String currency, String reference, String actor) {
    customers.get(customerId);
    lock(customerId);
    String sourceRef = "refund:customer:" + customerId + ":" + reference;
    var earlier = jdbc.query("select amount, currency from customer_credit_entry where source_ref = ?",
        (rs, i) -> new Balance(rs.getString(2), Money.of(rs.getBigDecimal(1).negate())), sourceRef);
    if (!earlier.isEmpty()) {
      Balance first = earlier.getFirst();
      if (first.amount().compareTo(Money.of(amount)) != 0 || !first.currency().equals(currency)) {
        throw new settle.common.ConflictException("Refund " + reference + " was already recorded for " + first.amount() + " "
            + first.currency());
      }
      return new Refund(customerId, first.amount(), currency, reference, balance(customerId, currency));
    }
    BigDecimal held = balance(customerId, currency);
    if (Money.of(amount).compareTo(held) > 0) {
      throw new InvalidRequestException("amount", "A refund of " + Money.of(amount) + " " + currency + " exceeds the credit balance of "
          + held + " " + currency);
    }
    book(customerId, currency, Kind.REFUND, amount, null, reference, sourceRef, actor);
    audit.record(actor, "customer-credit.refunded", "customer:" + customerId, Map.of(
        "amount", Money.of(amount), "currency", currency, "reference", reference));
    return new Refund(customerId, Money.of(amount), currency, reference, balance(customerId, currency));
  }

  /** One writer at a time spends a customer's balance. */
  private void lock(long customerId) {
    jdbc.queryForObject("select pg_advisory_xact_lock(hashtext(?))", Object.class, "customer-credit:" + customerId);
  }
}
