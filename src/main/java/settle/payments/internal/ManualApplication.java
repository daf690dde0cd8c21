package settle.payments.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import settle.audit.AuditLog;
import settle.common.ConflictException;
import settle.common.InvalidRequestException;
import settle.common.Money;
import settle.customers.CustomerDirectory;
import settle.invoicing.InvoiceStatus;
import settle.invoicing.InvoiceView;
import settle.invoicing.Invoices;
import settle.payments.internal.Postings.StoredLine;

/**
 * Lines a person applies: what the task shows (the line and the engine's candidates), and posting
 * what the cash applier chose. A confirmed match teaches the payer's account, so the next payment
 * from it is recognised without a person.
 */
@Service
class ManualApplication {

  private static final TypeReference<List<Map<String, Object>>> CANDIDATES = new TypeReference<>() {};

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final Invoices invoices;
  private final CustomerDirectory customers;
  private final Postings postings;
  private final AuditLog audit;
  private final ObjectMapper json;

  ManualApplication(JdbcTemplate jdbc, TransactionTemplate tx, Invoices invoices, CustomerDirectory customers, Postings postings,
                    AuditLog audit, ObjectMapper json) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.invoices = invoices;
    this.customers = customers;
    this.postings = postings;
    this.audit = audit;
    this.json = json;
  }

  /** The task's variables: {@code amount} also sets its place on the worklist. */
  record LineForApplier(BigDecimal amount, String currency, String valueDate, String payerName, String payerAccount,
                        String remittance, Long customerId, String lineStatus, String why,
                        List<Map<String, Object>> candidates) {}

  @Transactional(readOnly = true)
  public LineForApplier describe(long lineId) {
    return jdbc.queryForObject("select * from bank_statement_line where id = ?", (rs, i) -> {
      try {
        return new LineForApplier(Money.of(rs.getBigDecimal("amount")), rs.getString("currency"),
            rs.getDate("value_date").toLocalDate().toString(), rs.getString("payer_name"), rs.getString("payer_account"),
            rs.getString("remittance"), (Long) rs.getObject("customer_id"), rs.getString("status"), rs.getString("why"),
            json.readValue(rs.getString("candidates"), CANDIDATES));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }, lineId);
  }

  enum Action { APPLY, ON_ACCOUNT, RETURN }

  record Decision(Action action, String invoiceNumbers, Long customerId, String notes, String actor) {}

  /**
   * Posts the decision; returns null when done (now or by an earlier delivery), else why it cannot be
   * posted, for the applier to correct.
   */
  public String post(long lineId, Decision decision) {
    try {
      return tx.execute(status -> apply(lineId, decision));
    } catch (InvalidRequestException | ConflictException refused) {
      return refused.getMessage();
    }
  }

  /** Why the decision cannot be posted on this line, naming the form's field; null when it can. */
  record Refusal(String field, String message) {}

  /** What {@link #post} would refuse, asked before the applier's task completes; changes nothing. */
  public Refusal check(long lineId, Decision decision) {
    return tx.execute(status -> {
      StoredLine line = postings.lockLine(lineId);
      return line.status().equals("SUGGESTED") || line.status().equals("UNMATCHED") ? refusal(line, decision) : null;
    });
  }

  private String apply(long lineId, Decision decision) {
    // the match step's locks: a statement being matched must not spend these customers' invoices meanwhile
    CashApplicationLocks.lockCustomers(jdbc, customersNamed(decision));
    StoredLine line = postings.lockLine(lineId);
    if (!line.status().equals("SUGGESTED") && !line.status().equals("UNMATCHED")) {
      return null;
    }
    Refusal refused = refusal(line, decision);
    if (refused != null) {
      return refused.message();
    }
    String actor = decision.actor();
    if (line.debit()) {
      finish(line, "RETURNED", line.customerId(), BigDecimal.ZERO, decision, actor);
      return null;
    }
    switch (decision.action()) {
      case APPLY -> applyToInvoices(line, invoicesNamed(decision), decision, actor);
      case ON_ACCOUNT -> {
        long customerId = decision.customerId() != null ? decision.customerId() : line.customerId();
        postings.creditOnAccount(line, customerId, line.amount(), actor);
        finish(line, "ON_ACCOUNT", customerId, line.amount(), decision, actor);
      }
      case RETURN -> {
        Long customerId = decision.customerId() != null ? decision.customerId() : line.customerId();
        if (customerId != null) {
          postings.returnToPayer(line, customerId, actor);
        }
        finish(line, "RETURNED", customerId, BigDecimal.ZERO, decision, actor);
      }
    }
    return null;
  }

  /** One set of rules for the check before the task completes and for the posting after it. */
  private Refusal refusal(StoredLine line, Decision decision) {
    if (line.debit()) {
      // money that left the account (a return the engine could not tie to a payment) is never applied or held as cash
      return decision.action() == Action.RETURN ? null
          : new Refusal("action", "This line is money the bank took back, not a payment: choose RETURN once you have dealt with it");
    }
    Long customerId = decision.customerId() != null ? decision.customerId() : line.customerId();
    if (decision.action() == Action.ON_ACCOUNT && customerId == null) {
      return new Refusal("customerId", "Name the customer whose account holds the money");
    }
    if (decision.action() != Action.APPLY && customerId != null && customers.find(customerId).isEmpty()) {
      return new Refusal("customerId", "Customer " + customerId + " does not exist");
    }
    if (decision.action() != Action.APPLY) {
      return null;
    }
    Set<String> numbers = numbers(decision);
    if (numbers.isEmpty()) {
      return new Refusal("invoiceNumbers", "Name the invoice numbers to apply the payment to");
    }
    List<InvoiceView> named = new ArrayList<>();
    for (String number : numbers) {
      var invoice = invoices.findByNumber(number);
      if (invoice.isEmpty()) {
        return new Refusal("invoiceNumbers", "Invoice " + number + " does not exist");
      }
      InvoiceView v = invoice.get();
      if (v.status() == InvoiceStatus.PAID) {
        return new Refusal("invoiceNumbers", "Invoice " + v.number() + " is already paid");
      }
      if (!v.currency().equals(line.currency())) {
        return new Refusal("invoiceNumbers", "Invoice " + v.number() + " is in " + v.currency() + ", the payment in " + line.currency());
      }
      named.add(v);
    }
    if (named.stream().map(InvoiceView::customerId).distinct().count() > 1) {
      return new Refusal("invoiceNumbers", "The invoices belong to different customers; apply the payment to one customer's invoices");
    }
    return null;
  }

  /** The owners of the invoices the decision names; the refusal checks them once they are locked. */
  private Set<Long> customersNamed(Decision decision) {
    if (decision.action() != Action.APPLY) {
      return Set.of();
    }
    Set<Long> customerIds = new java.util.TreeSet<>();
    numbers(decision).forEach(number -> invoices.findByNumber(number).ifPresent(invoice -> customerIds.add(invoice.customerId())));
    return customerIds;
  }

  private static Set<String> numbers(Decision decision) {
    return new LinkedHashSet<>(Arrays.stream((decision.invoiceNumbers() == null ? "" : decision.invoiceNumbers()).split("[,;\\s]+"))
        .filter(s -> !s.isBlank()).map(s -> s.toUpperCase(Locale.ROOT)).toList());
  }

  private List<InvoiceView> invoicesNamed(Decision decision) {
    return new ArrayList<>(numbers(decision).stream().map(n -> invoices.findByNumber(n).orElseThrow()).toList());
  }

  private void applyToInvoices(StoredLine line, List<InvoiceView> named, Decision decision, String actor) {
    named.sort(Comparator.comparing(InvoiceView::dueDate).thenComparing(InvoiceView::id));
    long customerId = named.getFirst().customerId();
    BigDecimal left = line.amount();
    boolean discounted = named.stream().allMatch(v -> v.earlyPaymentAmountOn(line.valueDate()) != null)
        && named.stream().map(InvoiceView::earlyPaymentAmount).reduce(BigDecimal.ZERO, BigDecimal::add).compareTo(left) == 0;
    for (InvoiceView invoice : named) {
      if (left.signum() == 0) {
        break;
      }
      BigDecimal amount = discounted ? invoice.earlyPaymentAmount() : left.min(invoice.openAmount());
      BigDecimal discount = discounted ? invoice.openAmount().subtract(amount) : BigDecimal.ZERO;
      postings.post(line, invoice.id(), invoice.number(), amount, discount, actor);
      left = left.subtract(amount);
    }
    if (left.signum() > 0) {
      postings.creditOnAccount(line, customerId, left, actor);
    }
    finish(line, "APPLIED", customerId, left, decision, actor);
  }

  private void finish(StoredLine line, String resolution, Long customerId, BigDecimal unapplied, Decision decision, String actor) {
    jdbc.update("""
            update bank_statement_line set status = 'MANUAL', rule = 'MANUAL', confidence = 1, resolution = ?,
              customer_id = coalesce(?, customer_id), unapplied = ?,
              handled_by = ?, notes = ?, version = version + 1 where id = ?""",
        resolution, customerId, unapplied, actor, decision.notes(), line.id());
    // money sent back proves nothing about who pays from the account
    boolean learned = customerId != null && line.payerAccount() != null && !resolution.equals("RETURNED")
        && postings.learn(line.payerAccount(), customerId, "statement-line:" + line.id(), actor);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("line", line.lineNo());
    details.put("resolution", resolution);
    details.put("invoiceNumbers", decision.invoiceNumbers());
    details.put("customerId", customerId);
    details.put("unapplied", unapplied);
    details.put("accountLearned", learned);
    details.put("notes", decision.notes());
    audit.record(actor, "statement-line.applied-by-hand", "statement:" + line.statementId(), details);
  }
}
