package settle.selfservice.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import settle.collections.CollectionActions;
import settle.common.Money;
import settle.customers.CustomerView;
import settle.disputes.DisputeView;
import settle.disputes.Disputes;
import settle.invoicing.CustomerBalance;
import settle.invoicing.InvoiceStatus;
import settle.invoicing.InvoiceView;
import settle.invoicing.Invoices;
import settle.payments.CustomerCredit;

/** The customer's account as its AP contact sees it, read from the modules that keep each part. */
@Service
class PortalAccount {

  /**
   * One invoice with what is asked now — the open amount less what open disputes hold back, the figure the reminders
   * use ({@link Disputes#openSplit}) — and what is in dispute.
   */
  public record InvoiceRow(InvoiceView invoice, BigDecimal toPay, BigDecimal disputed, boolean overdue) {

    public boolean paid() {
      return invoice.status() == InvoiceStatus.PAID;
    }
  }

  /** The account in one currency: what is open, late, disputed, asked now, held as credit, and what falls due next. */
  public record Summary(String currency, BigDecimal open, BigDecimal overdue, BigDecimal disputed, BigDecimal toPay,
                 BigDecimal credit, LocalDate nextDue, BigDecimal nextDueAmount, long openInvoices) {}

  public record PromiseRow(String invoiceNumber, long invoiceId, LocalDate date, BigDecimal amount, String currency, String status) {}

  public record Instalment(int number, LocalDate date, BigDecimal amount, String status) {}

  public record PlanRow(long planId, String invoiceNumber, long invoiceId, String currency, List<Instalment> instalments,
                 LocalDate nextDate, BigDecimal nextAmount) {}

  public record ProposalRow(String invoiceNumber, long invoiceId, String decision, String reason, Instant at) {}

  public record DisputeRow(DisputeView dispute, String invoiceNumber, Instant answerBy) {}

  private final Invoices invoices;
  private final Disputes disputes;
  private final CustomerCredit credit;
  private final CollectionActions collections;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  PortalAccount(Invoices invoices, Disputes disputes, CustomerCredit credit, CollectionActions collections, JdbcTemplate jdbc,
                Clock clock) {
    this.invoices = invoices;
    this.disputes = disputes;
    this.credit = credit;
    this.collections = collections;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  LocalDate today() {
    return LocalDate.now(clock);
  }

  /** The customer's invoices, open ones first (soonest due first), then paid ones newest first. */
  List<InvoiceRow> invoices(long customerId) {
    LocalDate today = today();
    return invoices.find(customerId, null).stream().map(i -> row(i, today))
        .sorted(Comparator.comparing(InvoiceRow::paid)
            .thenComparing(r -> r.paid() ? LocalDate.MAX.minusDays(r.invoice().issueDate().toEpochDay()) : r.invoice().dueDate())
            .thenComparing(r -> r.invoice().number()))
        .toList();
  }

  InvoiceRow row(InvoiceView invoice, LocalDate today) {
    if (invoice.status() == InvoiceStatus.PAID) {
      return new InvoiceRow(invoice, Money.of(BigDecimal.ZERO), Money.of(BigDecimal.ZERO), false);
    }
    Disputes.OpenSplit split = disputes.openSplit(invoice);
    return new InvoiceRow(invoice, split.undisputed().max(BigDecimal.ZERO), split.disputed(), invoice.dueDate().isBefore(today));
  }

  /** One summary per currency the customer has open invoices or credit in; their own currency always. */
  List<Summary> summary(CustomerView customer, List<InvoiceRow> rows) {
    LocalDate today = today();
    TreeSet<String> currencies = new TreeSet<>();
    currencies.add(customer.currency());
    rows.stream().filter(r -> !r.paid()).forEach(r -> currencies.add(r.invoice().currency()));
    Map<String, BigDecimal> credits = new LinkedHashMap<>();
    credit.balances(customer.id()).forEach(b -> credits.put(b.currency(), b.amount()));
    currencies.addAll(credits.keySet());
    List<Summary> found = new ArrayList<>();
    for (String currency : currencies) {
      // open and overdue from the ledger's one place; the asked-for amount from the same split the reminders use
      CustomerBalance balance = invoices.balance(customer.id(), currency);
      List<InvoiceRow> open = rows.stream().filter(r -> !r.paid() && r.invoice().currency().equals(currency)).toList();
      BigDecimal disputed = Money.of(open.stream().map(InvoiceRow::disputed).reduce(BigDecimal.ZERO, BigDecimal::add));
      BigDecimal toPay = Money.of(open.stream().map(InvoiceRow::toPay).reduce(BigDecimal.ZERO, BigDecimal::add));
      var next = open.stream().filter(r -> r.toPay().signum() > 0 && !r.invoice().dueDate().isBefore(today))
          .map(r -> r.invoice().dueDate()).min(Comparator.naturalOrder()).orElse(null);
      BigDecimal nextAmount = next == null ? null : Money.of(open.stream().filter(r -> r.invoice().dueDate().equals(next))
          .map(InvoiceRow::toPay).reduce(BigDecimal.ZERO, BigDecimal::add));
      found.add(new Summary(currency, balance.openBalance(), balance.overdueAmount(), disputed, toPay,
          Money.of(credits.getOrDefault(currency, BigDecimal.ZERO)), next, nextAmount, open.size()));
    }
    return found;
  }

  List<DisputeRow> disputes(long customerId, Map<Long, InvoiceView> byId) {
    return disputes.ofCustomer(customerId).stream().map(d -> new DisputeRow(d,
        byId.containsKey(d.invoiceId()) ? byId.get(d.invoiceId()).number() : "",
        d.createdAt().plus(java.time.Duration.ofHours(d.slaHours())))).toList();
  }

  List<PromiseRow> promises(Map<Long, InvoiceView> byId) {
    return collections.promises(byId.keySet()).stream().map(p -> new PromiseRow(byId.get(p.invoiceId()).number(), p.invoiceId(),
        p.date(), p.amount(), byId.get(p.invoiceId()).currency(), p.status())).toList();
  }

  /** Plans agreed on the customer's invoices with their instalments; the next one still open is named apart. */
  List<PlanRow> plans(Map<Long, InvoiceView> byId) {
    if (byId.isEmpty()) {
      return List.of();
    }
    Map<Long, List<Instalment>> instalments = new LinkedHashMap<>();
    Map<Long, Long> invoiceOf = new LinkedHashMap<>();
    // collections keeps no reader for plans by invoice; their rows are read here, never written
    jdbc.query("""
            select p.id, p.invoice_id, i.number, i.due_date, i.amount, i.status from payment_plan p
            join payment_plan_instalment i on i.plan_id = p.id where p.invoice_id = any(?) order by p.id desc, i.number""", rs -> {
      invoiceOf.put(rs.getLong(1), rs.getLong(2));
      instalments.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Instalment(rs.getInt(3),
          rs.getDate(4).toLocalDate(), Money.of(rs.getBigDecimal(5)), rs.getString(6)));
    }, (Object) byId.keySet().toArray(Long[]::new));
    return instalments.entrySet().stream().map(e -> {
      InvoiceView invoice = byId.get(invoiceOf.get(e.getKey()));
      Instalment next = e.getValue().stream().filter(i -> i.status().equals("OPEN")).findFirst().orElse(null);
      return new PlanRow(e.getKey(), invoice.number(), invoice.id(), invoice.currency(), e.getValue(),
          next == null ? null : next.date(), next == null ? null : next.amount());
    }).toList();
  }

  List<ProposalRow> proposals(long customerId, Map<Long, InvoiceView> byId) {
    return jdbc.query("select invoice_id, decision, reason, created_at from portal_plan_proposal where customer_id = ? order by id desc",
        (rs, i) -> new ProposalRow(byId.containsKey(rs.getLong(1)) ? byId.get(rs.getLong(1)).number() : "", rs.getLong(1),
            rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()), customerId);
  }
}
