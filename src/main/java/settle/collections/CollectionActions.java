package settle.collections;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import settle.audit.AuditLog;
import settle.common.ConflictException;
import settle.common.InvalidRequestException;
import settle.common.Money;
import settle.engine.EngineOutbox;
import settle.invoicing.InvoiceStatus;
import settle.invoicing.InvoiceView;
import settle.invoicing.Invoices;

/** What people do to an invoice's collection: hold it, record a promise to pay, agree a payment plan. */
@Service
public class CollectionActions {

  private final JdbcTemplate jdbc;
  private final Invoices invoices;
  private final EngineOutbox engine;
  private final AuditLog audit;
  private final Clock clock;
  private final settle.customers.CustomerDirectory customers;
  private final int promiseGraceDays;

  CollectionActions(JdbcTemplate jdbc, Invoices invoices, EngineOutbox engine, AuditLog audit, Clock clock,
                    settle.customers.CustomerDirectory customers, @Value("${settle.collections.promise-grace-days}") int promiseGraceDays) {
    this.jdbc = jdbc;
    this.invoices = invoices;
    this.engine = engine;
    this.audit = audit;
    this.clock = clock;
    this.customers = customers;
    this.promiseGraceDays = promiseGraceDays;
  }

  public record HoldView(long id, long invoiceId, LocalDate heldUntil, String reason, String heldBy, String kind) {}

  /** A held step is skipped and audited; the loop resumes with the next step once the hold ends. */
  @Transactional
  public HoldView hold(long invoiceId, HoldRequest request, String actor) {
    return place(invoiceId, request, actor, "HOLD", null);
  }

  /** The same through a heads-up link; {@code linkKey} lets each link be used once. */
  @Transactional
  public HoldView hold(long invoiceId, HoldRequest request, String actor, String linkKey) {
    return place(invoiceId, request, actor, "HOLD", linkKey);
  }

  /** A snoozed step is not skipped but taken when the snooze ends; only through a heads-up link. */
  @Transactional
  public HoldView snooze(long invoiceId, HoldRequest request, String actor, String linkKey) {
    return place(invoiceId, request, actor, "SNOOZE", linkKey);
  }

  /** Whether a heads-up link with this key has placed its hold or snooze. */
  public boolean linkUsed(String linkKey) {
    return Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from collection_hold where link_key = ?)",
        Boolean.class, linkKey));
  }

  private HoldView place(long invoiceId, HoldRequest request, String actor, String kind, String linkKey) {
    InvoiceView invoice = openInvoice(invoiceId);
    // counted in the customer's days, as the steps it stops are
    LocalDate until = clock.instant().atZone(customers.get(invoice.customerId()).zone()).toLocalDate().plusDays(request.days());
    // a second use of the same link meets the unique key: a conflict, nothing written
    Long id = jdbc.queryForObject("insert into collection_hold(invoice_id, held_until, kind, reason, held_by, created_at, link_key)"
            + " values (?, ?, ?, ?, ?, ?, ?) returning id", Long.class,
        invoice.id(), Date.valueOf(until), kind, request.reason().strip(), actor, Timestamp.from(clock.instant()), linkKey);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("heldUntil", until.toString());
    details.put("days", request.days());
    details.put("reason", request.reason().strip());
    if (linkKey != null) {
      details.put("via", "heads-up link");
    }
    audit.record(actor, "collections." + kind.toLowerCase() + "-placed", "invoice:" + invoiceId, details);
    return new HoldView(id, invoiceId, until, request.reason().strip(), actor, kind);
  }

  public record PromiseView(long id, long invoiceId, LocalDate date, BigDecimal amount, String takenBy, String channel,
                            String status, String deadline) {}

  /**
   * Records the promise and tells the invoice's process, which waits until the date plus the grace
   * period. {@code actor} is who records it (the signed-in user); who took it from the customer
   * ({@code takenBy}) is a detail they state. {@code sourceKey} makes a repeated call (a redelivered job)
   * record nothing new.
   */
  @Transactional
  public PromiseView promise(long invoiceId, PromiseRequest request, String actor, String sourceKey) {
    // a repeat is answered before any check: by then the date may have passed or the invoice been paid
    Optional<PromiseView> recorded = recordedPromise(invoiceId, sourceKey);
    if (recorded.isPresent()) {
      return recorded.get();
    }
    InvoiceView invoice = openInvoice(invoiceId);
    LocalDate today = LocalDate.now(clock);
    if (request.date().isBefore(today)) {
      throw new InvalidRequestException("date", "A promise to pay cannot be dated before today (" + today + ")");
    }
    BigDecimal amount = Money.of(request.amount());
    if (amount.compareTo(invoice.openAmount()) > 0) {
      throw new InvalidRequestException("amount", "The promise of " + amount + " exceeds the open amount of " + invoice.openAmount());
    }
    String deadline = deadline(request.date());
    Long id = jdbc.query("""
            insert into promise_to_pay(invoice_id, promised_date, amount, open_at_promise, taken_by, channel, source_key, status, created_at)
            values (?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?) on conflict (source_key) do nothing returning id""",
        rs -> rs.next() ? rs.getLong(1) : null, invoiceId, Date.valueOf(request.date()), amount, invoice.openAmount(),
        request.takenBy(), request.channel(), sourceKey, Timestamp.from(clock.instant()));
    if (id == null) { // a concurrent repeat recorded it first
      return recordedPromise(invoiceId, sourceKey).orElseThrow();
    }
    jdbc.update("update promise_to_pay set status = 'SUPERSEDED', resolved_at = ? where invoice_id = ? and status = 'ACTIVE' and id <> ?",
        Timestamp.from(clock.instant()), invoiceId, id);
    engine.publishMessage(InvoiceCollection.PROMISE_TO_PAY, String.valueOf(invoiceId),
        Map.of("promiseId", id, "promisedDate", request.date().toString(), "promisedAmount", amount, "promiseDeadline", deadline));
    audit.record(actor, "collections.promise-recorded", "invoice:" + invoiceId, Map.of(
        "promiseId", id, "date", request.date().toString(), "amount", amount, "takenBy", request.takenBy().strip(),
        "channel", request.channel(), "deadline", deadline));
    return new PromiseView(id, invoiceId, request.date(), amount, request.takenBy(), request.channel(), "ACTIVE", deadline);
  }

  private Optional<PromiseView> recordedPromise(long invoiceId, String sourceKey) {
    List<Long> ids = jdbc.queryForList("select id from promise_to_pay where source_key = ?", Long.class, sourceKey);
    return ids.isEmpty() ? Optional.empty() : promises(invoiceId).stream().filter(p -> p.id() == ids.getFirst()).findFirst();
  }

  public List<PromiseView> promises(long invoiceId) {
    return promises(List.of(invoiceId));
  }

  /** The promises made on these invoices, newest invoice first, in the order they were made. */
  public List<PromiseView> promises(java.util.Collection<Long> invoiceIds) {
    return jdbc.query("select id, invoice_id, promised_date, amount, taken_by, channel, status from promise_to_pay"
            + " where invoice_id = any(?) order by invoice_id desc, id",
        (rs, i) -> new PromiseView(rs.getLong(1), rs.getLong(2), rs.getDate(3).toLocalDate(), Money.of(rs.getBigDecimal(4)),
            rs.getString(5), rs.getString(6), rs.getString(7), deadline(rs.getDate(3).toLocalDate())),
        (Object) invoiceIds.toArray(Long[]::new));
  }

  /** The promised date plus the grace period, at the start of that day. */
  private String deadline(LocalDate promised) {
    return promised.plusDays(promiseGraceDays).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
  }

  public record PaymentPlanView(long id, long invoiceId, String agreedBy, List<Map<String, Object>> instalments) {}

  /**
   * The instalments must pay exactly what is open, in date order, none before today. {@code actor} is who
   * records the plan; who agreed it with the customer ({@code agreedBy}) is a detail they state.
   */
  @Transactional
  public PaymentPlanView agreePaymentPlan(long invoiceId, PaymentPlanRequest request, String actor) {
    InvoiceView invoice = openInvoice(invoiceId);
    LocalDate previous = LocalDate.now(clock).minusDays(1);
    BigDecimal sum = BigDecimal.ZERO;
    for (int i = 0; i < request.instalments().size(); i++) {
      PaymentPlanRequest.Instalment instalment = request.instalments().get(i);
      if (!instalment.date().isAfter(previous)) {
        throw new InvalidRequestException("instalments[" + i + "].date", "Instalment dates must be today or later and in order");
      }
      previous = instalment.date();
      sum = sum.add(instalment.amount());
    }
    if (Money.of(sum).compareTo(invoice.openAmount()) != 0) {
      throw new InvalidRequestException("instalments", "The instalments add up to " + Money.of(sum)
          + " but " + invoice.openAmount() + " is open");
    }
    Long planId = jdbc.queryForObject("insert into payment_plan(invoice_id, open_at_plan, agreed_by, created_at) values (?, ?, ?, ?) returning id",
        Long.class, invoiceId, invoice.openAmount(), request.agreedBy().strip(), Timestamp.from(clock.instant()));
    List<Map<String, Object>> instalments = new ArrayList<>();
    int number = 1;
    for (PaymentPlanRequest.Instalment instalment : request.instalments()) {
      jdbc.update("insert into payment_plan_instalment(plan_id, number, due_date, amount, status) values (?, ?, ?, ?, 'OPEN')",
          planId, number, Date.valueOf(instalment.date()), Money.of(instalment.amount()));
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("planId", planId);
      item.put("number", number++);
      item.put("count", request.instalments().size());
      item.put("date", instalment.date().toString());
      item.put("amount", Money.of(instalment.amount()));
      instalments.add(item);
    }
    engine.publishMessage(InvoiceCollection.PAYMENT_PLAN_AGREED, String.valueOf(invoiceId),
        Map.of("planId", planId, "instalments", instalments));
    audit.record(actor, "collections.payment-plan-agreed", "invoice:" + invoiceId, Map.of("planId", planId,
        "agreedBy", request.agreedBy().strip(), "instalments", instalments));
    return new PaymentPlanView(planId, invoiceId, request.agreedBy().strip(), instalments);
  }

  private InvoiceView openInvoice(long invoiceId) {
    InvoiceView invoice = invoices.get(invoiceId);
    if (invoice.status() == InvoiceStatus.PAID) {
      throw new ConflictException("Invoice " + invoice.number() + " is paid; there is nothing left to collect");
    }
    return invoice;
  }

  /**
   * A customer-facing step planned for a day: what the heads-up mail announces, and what a hold stops. {@code date} is
   * the business day where the customer is, {@code sendAt} the moment it goes out; {@code heldUntil} is set only when a
   * hold lasts past that day (the same rule the heads-up and the step itself apply).
   */
  public record UpcomingStep(long stepId, long invoiceId, long customerId, LocalDate date, java.time.Instant sendAt, String action,
                             String template, String sender, LocalDate heldUntil) {

    /** The step in words, as the heads-up mail names it ("Reminder before the due date"). */
    public String label() {
      return settle.collections.internal.Step.label(action);
    }
  }

  /** Customer-facing (mail) steps still to be taken between the two days, for these customers. */
  public List<UpcomingStep> upcoming(java.util.Collection<Long> customerIds, LocalDate from, LocalDate to) {
    return jdbc.query("""
            select s.id, s.invoice_id, s.customer_id, s.action_date, s.action_at, s.action, s.template, s.sender,
                   (select max(h.held_until) from collection_hold h where h.invoice_id = s.invoice_id and h.held_until > s.action_date)
                     as held_until
            from dunning_step s
            where s.status = 'PLANNED' and s.channel = 'EMAIL' and s.action_date between ? and ? and s.customer_id = any(?)
            order by s.action_at, s.customer_id, s.invoice_id""",
        (rs, i) -> new UpcomingStep(rs.getLong("id"), rs.getLong("invoice_id"), rs.getLong("customer_id"),
            rs.getDate("action_date").toLocalDate(), rs.getTimestamp("action_at").toInstant(), rs.getString("action"),
            rs.getString("template"), rs.getString("sender"),
            rs.getDate("held_until") == null ? null : rs.getDate("held_until").toLocalDate()),
        java.sql.Date.valueOf(from), java.sql.Date.valueOf(to), customerIds.toArray(Long[]::new));
  }

  public record PromiseDue(long promiseId, long invoiceId, LocalDate date, BigDecimal amount, String takenBy) {}

  /** Active promises to pay falling due between the two days. */
  public List<PromiseDue> promisesDue(LocalDate from, LocalDate to) {
    return jdbc.query("""
            select id, invoice_id, promised_date, amount, taken_by from promise_to_pay
            where status = 'ACTIVE' and promised_date between ? and ? order by promised_date, id""",
        (rs, i) -> new PromiseDue(rs.getLong("id"), rs.getLong("invoice_id"), rs.getDate("promised_date").toLocalDate(),
            Money.of(rs.getBigDecimal("amount")), rs.getString("taken_by")),
        java.sql.Date.valueOf(from), java.sql.Date.valueOf(to));
  }
}
