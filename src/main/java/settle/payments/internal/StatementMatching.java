package settle.payments.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import settle.audit.AuditLog;
import settle.customers.CustomerDirectory;
import settle.invoicing.Invoices;
import settle.invoicing.OpenInvoice;
import settle.matching.Allocation;
import settle.matching.Candidate;
import settle.matching.CashMatcher;
import settle.matching.IncomingPayment;
import settle.matching.Ledger;
import settle.matching.MatchResult;
import settle.matching.OpenItem;
import settle.matching.Payer;
import settle.payments.CashApplication;
import settle.payments.CustomerCredit;
import settle.payments.LineStatus;
import settle.payments.PaymentView;
import settle.payments.RemittanceAdvices;
import settle.payments.internal.Postings.StoredLine;

/**
 * The match step of a statement: builds the ledger from open invoices and learned payer accounts,
 * asks {@link CashMatcher} about every pending credit line, posts what it is sure of and stores the
 * rest with its candidates. Two statements never spend the same open amount: a statement first works out, from a
 * trial match, whose invoices it will post to, and locks those customers (in customer order, so two statements
 * never wait on each other in a ring) before it reads the ledger it posts from. Statements paying other customers
 * match at the same time. A line whose match turns out to need a customer not locked (the ledger moved between
 * the trial and the locks) starts the statement over with that customer locked too, as often as that adds one.
 */
@Service
class StatementMatching {

  static final String LINES_MATCHED = "settle.statement.lines";

  /** Candidates shown for a line the engine could not place, when at least the payer is known. */
  private static final int PAYER_ITEMS_SHOWN = 3;

  private final JdbcTemplate jdbc;
  private final Invoices invoices;
  private final CustomerDirectory customers;
  private final Postings postings;
  private final CustomerCredit credit;
  private final AuditLog audit;
  private final ObjectMapper json;
  private final Clock clock;
  private final PaymentReturns returns;
  private final RemittanceAdvices advices;
  private final MeterRegistry registry;
  private final TransactionTemplate tx;

  StatementMatching(TransactionTemplate tx, JdbcTemplate jdbc, Invoices invoices, CustomerDirectory customers, Postings postings, CustomerCredit credit,
                    AuditLog audit, ObjectMapper json, Clock clock, PaymentReturns returns, RemittanceAdvices advices,
                    MeterRegistry registry) {
    this.tx = tx;
    this.registry = registry;
    this.returns = returns;
    this.advices = advices;
    this.credit = credit;
    this.jdbc = jdbc;
    this.invoices = invoices;
    this.customers = customers;
    this.postings = postings;
    this.audit = audit;
    this.json = json;
    this.clock = clock;
  }

  /**
   * The process's two loops: short pays to settle by policy, and lines for a cash applier; or, for a statement whose
   * balances do not add up and that no cash applier confirmed yet, {@code awaitingConfirmation} and nothing else.
   */
  public record Outcome(List<Long> shortPays, List<Long> exceptions, boolean awaitingConfirmation) {}

  public Outcome match(long statementId) {
    Set<Long> customers = new TreeSet<>();
    while (true) {
      try {
        return tx.execute(status -> match(statementId, customers));
      } catch (CustomersMoved moved) {
        // each attempt locks at least one customer more, so this ends; one that needs none more would loop
        if (!customers.addAll(moved.customers)) {
          throw new IllegalStateException("Statement " + statementId + " needs customers " + moved.customers + " it locked", moved);
        }
      }
    }
  }

  private Outcome match(long statementId, Set<Long> customers) {
    Map<String, Object> statement = jdbc.queryForMap(
        "select matched_at is not null as done, reconciled or confirmed_by is not null as postable from bank_statement where id = ? for update",
        statementId);
    if (!Boolean.TRUE.equals(statement.get("done"))) {
      if (!Boolean.TRUE.equals(statement.get("postable"))) {
        suggestOnly(statementId);
        return new Outcome(List.of(), List.of(), true);
      }
      Set<Long> locked = new TreeSet<>(customers);
      locked.addAll(customersToPost(statementId));
      CashApplicationLocks.lockCustomers(jdbc, locked);
      matchPending(statementId, locked);
    }
    return outcome(statementId);
  }

  /** Started over because a line's match needs customers this transaction did not lock. */
  private static final class CustomersMoved extends RuntimeException {
    final Set<Long> customers;

    CustomersMoved(Set<Long> customers) {
      super("customers " + customers + " not locked", null, false, false);
      this.customers = customers;
    }
  }

  /**
   * The trial: the customers whose invoices or credit balance the statement's pending lines would post to (and those
   * whose payments its debits return), matched against the ledger as it stands, without locks and without writing
   * anything. It learns payer accounts as {@link #post} does, so a later line paid from an account an earlier one
   * taught is matched here as it will be there.
   */
  private Set<Long> customersToPost(long statementId) {
    Snapshot snapshot = ledger();
    CashMatcher matcher = new CashMatcher(snapshot.ledger(), advices.unused());
    Set<Long> customers = new TreeSet<>(returns.customersReturnedTo(statementId));
    for (StoredLine line : postings.pendingLines(statementId)) {
      MatchResult result = matcher.match(incoming(line));
      if (result.status() == MatchResult.Status.AUTO) {
        customers.addAll(snapshot.customersOf(result));
        if (result.rule().startsWith("REFERENCE") && result.customerId() != null && line.payerAccount() != null) {
          snapshot.ledger().learn(line.payerAccount(), result.customerId());
        }
      }
    }
    return customers;
  }

  private static IncomingPayment incoming(StoredLine line) {
    return new IncomingPayment(String.valueOf(line.id()), line.amount(), line.currency(), line.valueDate(), line.payerName(),
        line.payerAccount(), line.remittance());
  }

  /**
   * The lines of a statement whose balances do not add up are matched and their proposals stored for people to
   * see, but nothing is posted: they stay PENDING until a cash applier confirms the statement. Again on redelivery.
   */
  private void suggestOnly(long statementId) {
    CashMatcher matcher = new CashMatcher(ledger().ledger());
    List<StoredLine> pending = postings.lockPendingLines(statementId);
    for (StoredLine line : pending) {
      MatchResult result = matcher.match(incoming(line));
      jdbc.update("""
              update bank_statement_line set rule = ?, confidence = ?, why = ?, customer_id = ?, candidates = ?::jsonb,
                version = version + 1 where id = ?""",
          result.rule(), BigDecimal.valueOf(result.confidence()), why(result), result.customerId(),
          toJson(result.candidates().stream().map(StatementMatching::candidate).toList()), line.id());
    }
    int held = jdbc.update("update bank_statement set status = 'AWAITING_CONFIRMATION' where id = ? and status <> 'AWAITING_CONFIRMATION'",
        statementId);
    if (held > 0) {
      audit.record(CashApplication.ACTOR, "statement.awaiting-confirmation", "statement:" + statementId,
          Map.of("lines", pending.size(), "reason", "the closing balance is not the opening balance plus the movements"));
    }
  }

  private void matchPending(long statementId, Set<Long> locked) {
    // A debit that returns a posted payment reverses that posting; one that finds nothing, and any other reversal,
    // gives back or takes back an earlier movement: never a customer's payment, so a person decides.
    returns.reverseReturns(statementId);
    int reversals = jdbc.update("""
        update bank_statement_line set status = 'UNMATCHED', rule = 'REVERSAL', confidence = 0, candidates = '[]'::jsonb,
          why = 'The bank reverses an earlier movement: never applied as a payment', version = version + 1
        where statement_id = ? and status = 'PENDING' and (reversal or debit)""", statementId);
    int returned = jdbc.queryForObject(
        "select count(*) from bank_statement_line where statement_id = ? and status = 'PAYMENT_RETURNED'", Integer.class, statementId);
    Snapshot snapshot = ledger();
    Ledger ledger = snapshot.ledger();
    CashMatcher matcher = new CashMatcher(ledger, advices.unused());
    List<StoredLine> pending = postings.lockPendingLines(statementId);
    Map<String, Integer> byStatus = new LinkedHashMap<>();
    for (StoredLine line : pending) {
      MatchResult result = matcher.match(incoming(line));
      if (result.status() == MatchResult.Status.AUTO && !locked.containsAll(snapshot.customersOf(result))) {
        throw new CustomersMoved(snapshot.customersOf(result));
      }
      LineStatus status = switch (result.status()) {
        case AUTO -> LineStatus.AUTO_MATCHED;
        case SUGGEST -> LineStatus.SUGGESTED;
        case NONE -> LineStatus.UNMATCHED;
      };
      byStatus.merge(status.name(), 1, Integer::sum);
      if (status == LineStatus.AUTO_MATCHED) {
        post(line, result, ledger);
        matcher.adviceUsedBy(String.valueOf(line.id())).ifPresent(advice -> advices.used(advice, line.id(), CashApplication.ACTOR));
      } else {
        List<Candidate> candidates = result.candidates();
        if (candidates.isEmpty() && result.customerId() != null) {
          candidates = ledger.openItemsOf(result.customerId()).stream().limit(PAYER_ITEMS_SHOWN)
              .map(i -> new Candidate(List.of(i.invoiceNumber()), i.openAmount(), 0.3, "open invoice of the payer, due " + i.dueDate()))
              .toList();
        }
        jdbc.update("""
                update bank_statement_line set status = ?, rule = ?, confidence = ?, why = ?, customer_id = ?, candidates = ?::jsonb,
                  version = version + 1 where id = ?""",
            status.name(), result.rule(), BigDecimal.valueOf(result.confidence()), why(result), result.customerId(),
            toJson(candidates.stream().map(StatementMatching::candidate).toList()), line.id());
      }
    }
    jdbc.update("update bank_statement set matched_at = ?, status = 'MATCHED' where id = ?", Timestamp.from(clock.instant()), statementId);
    Map<String, Object> details = new LinkedHashMap<>(byStatus);
    if (reversals > 0) {
      details.put("reversals", reversals);
    }
    if (returned > 0) {
      details.put("returnedPayments", returned);
    }
    details.put("lines", pending.size());
    details.put("openItems", ledger.openItemCount());
    audit.record(CashApplication.ACTOR, "statement.matched", "statement:" + statementId, details);
    countAfterCommit(byStatus);
  }

  /**
   * {@code settle.statement.lines}: credit lines matched, by the status matching gave them; AUTO_MATCHED over all is the
   * match rate at matching time. Counted once the postings are committed, so a match rolled back (an invoice paid
   * meanwhile) and matched again is counted once.
   */
  private void countAfterCommit(Map<String, Integer> byStatus) {
    Runnable count = () -> byStatus.forEach((status, lines) -> registry.counter(LINES_MATCHED, "status", status).increment(lines));
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          count.run();
        }
      });
    } else {
      count.run();
    }
  }

  private void post(StoredLine line, MatchResult result, Ledger ledger) {
    String shortPayInvoice = null;
    BigDecimal shortfall = BigDecimal.ZERO;
    for (Allocation allocation : result.allocations()) {
      if (allocation.amount().signum() == 0) {
        continue;
      }
      PaymentView payment = postings.post(line, allocation.invoiceId(), allocation.invoiceNumber(), allocation.amount(),
          allocation.discount(), CashApplication.ACTOR);
      if (result.shortfall().signum() > 0 && payment.invoiceOpenAmount().signum() > 0) {
        // paid oldest first: the one invoice left partly open carries the difference
        shortPayInvoice = payment.invoiceNumber();
        shortfall = payment.invoiceOpenAmount();
      }
    }
    if (result.unapplied().signum() > 0 && result.customerId() != null) {
      postings.creditOnAccount(line, result.customerId(), result.unapplied(), CashApplication.ACTOR);
    }
    if (shortPayInvoice != null && result.rule().startsWith("REFERENCE") && result.customerId() != null) {
      // the remittance names the invoice: money the customer holds with us pays the rest if it covers all of it
      var invoice = invoices.findByNumber(shortPayInvoice).orElseThrow();
      if (credit.applyIfCovered(result.customerId(), invoice, shortfall, CashApplication.ACTOR).openAmount().signum() == 0) {
        shortPayInvoice = null;
        shortfall = BigDecimal.ZERO;
      }
    }
    if (result.rule().startsWith("REFERENCE") && result.customerId() != null && line.payerAccount() != null) {
      // the invoice numbers confirmed who pays; next time the account alone will say so
      if (postings.learn(line.payerAccount(), result.customerId(), "statement-line:" + line.id(), CashApplication.ACTOR)) {
        ledger.learn(line.payerAccount(), result.customerId());
      }
    }
    jdbc.update("""
            update bank_statement_line set status = 'AUTO_MATCHED', rule = ?, confidence = ?, why = ?, customer_id = ?, shortfall = ?,
              short_pay_invoice = ?, unapplied = ?, candidates = ?::jsonb, version = version + 1 where id = ?""",
        result.rule(), BigDecimal.valueOf(result.confidence()), why(result), result.customerId(), shortfall, shortPayInvoice,
        result.unapplied(), toJson(result.candidates().stream().map(StatementMatching::candidate).toList()), line.id());
  }

  private Outcome outcome(long statementId) {
    List<Long> shortPays = jdbc.queryForList("""
        select id from bank_statement_line where statement_id = ? and status = 'AUTO_MATCHED' and shortfall > 0
          and short_pay_invoice is not null order by line_no""", Long.class, statementId);
    List<Long> exceptions = jdbc.queryForList("""
        select id from bank_statement_line where statement_id = ? and status in ('SUGGESTED', 'UNMATCHED')
        order by line_no""", Long.class, statementId);
    return new Outcome(shortPays, exceptions, false);
  }

  /** The ledger the matcher reads, and whose each of its invoices is (the ledger forgets an invoice once it is paid). */
  private record Snapshot(Ledger ledger, Map<Long, Long> customerOfInvoice) {

    /** The customers a posting of this match writes to: the payer's credit balance and the invoices' owners. */
    Set<Long> customersOf(MatchResult result) {
      Set<Long> customers = new TreeSet<>();
      if (result.customerId() != null) {
        customers.add(result.customerId());
      }
      result.allocations().forEach(a -> customers.add(customerOfInvoice.get(a.invoiceId())));
      return customers;
    }
  }

  /** Open invoices, and every customer with its name and the accounts learned so far. */
  private Snapshot ledger() {
    List<OpenItem> items = new ArrayList<>();
    Map<Long, Long> customerOfInvoice = new HashMap<>();
    for (OpenInvoice invoice : invoices.openInvoices()) {
      items.add(new OpenItem(invoice.id(), invoice.number(), invoice.customerId(), invoice.openAmount(), invoice.currency(),
          invoice.dueDate(), invoice.earlyPaymentAmount(), invoice.earlyDiscountDate()));
      customerOfInvoice.put(invoice.id(), invoice.customerId());
    }
    Map<Long, Set<String>> accounts = new HashMap<>();
    jdbc.query("select account, customer_id from payer_account", rs -> {
      accounts.computeIfAbsent(rs.getLong("customer_id"), k -> new HashSet<>()).add(rs.getString("account"));
    });
    List<Payer> payers = customers.all().stream()
        .map(c -> new Payer(c.id(), c.name(), accounts.getOrDefault(c.id(), Set.of()))).toList();
    return new Snapshot(Ledger.of(items, payers), customerOfInvoice);
  }

  private static String why(MatchResult result) {
    return result.candidates().isEmpty() ? result.rule() : result.candidates().getFirst().why();
  }

  static Map<String, Object> candidate(Candidate c) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("invoiceNumbers", c.invoiceNumbers());
    map.put("amount", c.amount());
    map.put("score", Math.round(c.score() * 100) / 100.0);
    map.put("why", c.why());
    return map;
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
