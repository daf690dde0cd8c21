package settle.collections.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import settle.audit.AuditLog;
import settle.communication.MailOutbox;
import settle.communication.OutgoingMail;
import settle.customers.CustomerDirectory;
import settle.customers.CustomerView;
import settle.disputes.Disputes;
import settle.disputes.SegmentationInputs;
import settle.invoicing.InvoiceStatus;
import settle.invoicing.InvoiceView;
import settle.invoicing.Invoices;
import settle.payments.Payments;
import settle.portal.PortalLinks;

/** Reads the state the collection loop decides on, and checks promises and instalments when they fall due. */
@Service
public class CollectionChecks {

  private final JdbcTemplate jdbc;
  private final Invoices invoices;
  private final CustomerDirectory customers;
  private final MailOutbox mail;
  private final PortalLinks portal;
  private final Disputes disputes;
  private final Payments payments;
  private final AuditLog audit;
  private final Clock clock;
  private final int instalmentReminderDays;
  private final int instalmentGraceDays;
  private final org.springframework.context.ApplicationEventPublisher events;

  CollectionChecks(JdbcTemplate jdbc, Invoices invoices, CustomerDirectory customers, MailOutbox mail, PortalLinks portal,
                   Disputes disputes, Payments payments, AuditLog audit, Clock clock,
                   @Value("${settle.collections.instalment-reminder-days}") int instalmentReminderDays,
                   @Value("${settle.collections.instalment-grace-days}") int instalmentGraceDays,
                   org.springframework.context.ApplicationEventPublisher events) {
    this.events = events;
    this.jdbc = jdbc;
    this.invoices = invoices;
    this.customers = customers;
    this.mail = mail;
    this.portal = portal;
    this.disputes = disputes;
    this.payments = payments;
    this.audit = audit;
    this.clock = clock;
    this.instalmentReminderDays = instalmentReminderDays;
    this.instalmentGraceDays = instalmentGraceDays;
  }

  /**
   * {@code dueDate} travels with the process so a task opened later counts its own days past due;
   * {@code customerId} keys the wait for a corrected AP contact.
   */
  public record Assessment(String invoiceStatus, long customerId, BigDecimal openAmount, String dueDate, long daysFromDue, String riskRating,
                    BigDecimal customerOpenBalance, long tenureDays, int disputesLast12Months, String promiseState) {}

  /** The inputs of both collection tables, read fresh at the start of every turn; what is disputed is not dunned. */
  @Transactional(readOnly = true)
  public Assessment assess(long invoiceId) {
    InvoiceView invoice = invoices.get(invoiceId);
    SegmentationInputs segmentation = disputes.segmentationInputs(customers.get(invoice.customerId()));
    LocalDate today = LocalDate.now(clock);
    String promiseState = jdbc.query("select status from promise_to_pay where invoice_id = ? and status <> 'SUPERSEDED' order by id desc limit 1",
        rs -> rs.next() ? rs.getString(1) : "NONE", invoiceId);
    return new Assessment(invoice.status().name(), invoice.customerId(), disputes.undisputedOpenAmount(invoice),
        invoice.dueDate().toString(), ChronoUnit.DAYS.between(invoice.dueDate(), today), segmentation.riskRating(), segmentation.customerOpenBalance(),
        segmentation.tenureDays(), segmentation.disputesLast12Months(), promiseState);
  }

  /**
   * Kept if the promised amount arrived in cash since the promise; broken otherwise. Credits lower what was
   * owed but keep no promise: an invoice credited away with no cash received marks the promise CREDITED.
   */
  @Transactional
  public String checkPromise(long promiseId) {
    record Promise(long invoiceId, BigDecimal amount, Timestamp madeAt, String status) {}
    Promise promise = jdbc.queryForObject("select invoice_id, amount, created_at, status from promise_to_pay where id = ? for update",
        (rs, i) -> new Promise(rs.getLong(1), rs.getBigDecimal(2), rs.getTimestamp(3), rs.getString(4)), promiseId);
    if (!promise.status().equals("ACTIVE")) {
      return promise.status(); // decided before, or SUPERSEDED by a newer promise
    }
    BigDecimal cash = payments.receivedSince(promise.invoiceId(), promise.madeAt().toInstant());
    String outcome = cashMeets(cash, promise.amount(), invoices.get(promise.invoiceId()), "KEPT", "BROKEN");
    jdbc.update("update promise_to_pay set status = ?, resolved_at = ? where id = ?", outcome, Timestamp.from(clock.instant()), promiseId);
    audit.record(CollectionSteps.ACTOR, "collections.promise-" + outcome.toLowerCase(), CollectionSteps.subject(promise.invoiceId()),
        Map.of("promiseId", promiseId, "promised", promise.amount(), "cashReceivedSince", cash));
    if (outcome.equals("BROKEN")) {
      events.publishEvent(new settle.collections.PromiseBroken(invoices.get(promise.invoiceId()).customerId(), promise.invoiceId()));
    }
    return outcome;
  }

  /**
   * The one rule for what a customer said they would pay: met only when that much cash arrived. An invoice
   * settled meanwhile with less cash than that was settled with a credit's help: CREDITED, neither kept nor
   * missed, so no collector chases a settled invoice and no credit counts as a kept promise.
   */
  private static String cashMeets(BigDecimal cash, BigDecimal due, InvoiceView invoice, String met, String missed) {
    if (cash.compareTo(due) >= 0) {
      return met;
    }
    return invoice.status() == InvoiceStatus.PAID ? "CREDITED" : missed;
  }


  public record InstalmentTimes(String reminderAt, String deadlineAt) {}

  public InstalmentTimes planInstalment(LocalDate date) {
    LocalDate today = LocalDate.now(clock);
    LocalDate remind = date.minusDays(instalmentReminderDays);
    return new InstalmentTimes((remind.isBefore(today) ? today : remind).atStartOfDay(ZoneOffset.UTC).toInstant().toString(),
        date.plusDays(instalmentGraceDays).atStartOfDay(ZoneOffset.UTC).toInstant().toString());
  }

  @Transactional
  public void remindInstalment(long invoiceId, long planId, int number, int count, LocalDate date, BigDecimal amount) {
    InvoiceView invoice = invoices.get(invoiceId);
    if (invoice.status() == InvoiceStatus.PAID) {
      return;
    }
    CustomerView customer = customers.get(invoice.customerId());
    LocalDate today = LocalDate.now(clock);

    boolean queued = mail.enqueue(new OutgoingMail("plan:" + planId + ":instalment:" + number + ":reminder", customer.accountOwnerName(),
        customer.apEmail(), "Instalment " + number + " of " + count + " for invoice " + invoice.number() + " is due on " + settle.common.Dates.day(date),
        "instalment-reminder", Map.ofEntries(Map.entry("invoice", invoice), Map.entry("instalmentNumber", number),
            Map.entry("instalmentCount", count), Map.entry("instalmentDate", date), Map.entry("instalmentAmount", amount),
            Map.entry("currency", invoice.currency()), Map.entry("portalUrl", portal.invoiceUrl(invoiceId)),
            Map.entry("customer", customer), Map.entry("tone", "neutral"), Map.entry("today", today)),
        List.of(), CollectionSteps.subject(invoiceId), customer.apLanguage()));
    if (queued) {
      audit.record(CollectionSteps.ACTOR, "collections.instalment-reminded", CollectionSteps.subject(invoiceId),
          Map.of("planId", planId, "instalment", number, "date", date.toString(), "amount", amount));
    }
  }

  /** Paid if the cash received since the plan covers this instalment and all before it. */
  @Transactional
  public String checkInstalment(long invoiceId, long planId, int number) {
    String status = jdbc.queryForObject("select status from payment_plan_instalment where plan_id = ? and number = ? for update",
        String.class, planId, number);
    if (!"OPEN".equals(status)) {
      return status;
    }
    Timestamp agreedAt = jdbc.queryForObject("select created_at from payment_plan where id = ?", Timestamp.class, planId);
    BigDecimal dueSoFar = jdbc.queryForObject("select sum(amount) from payment_plan_instalment where plan_id = ? and number <= ?",
        BigDecimal.class, planId, number);
    BigDecimal cash = payments.receivedSince(invoiceId, agreedAt.toInstant());
    String outcome = cashMeets(cash, dueSoFar, invoices.get(invoiceId), "PAID", "MISSED");
    jdbc.update("update payment_plan_instalment set status = ? where plan_id = ? and number = ?", outcome, planId, number);
    audit.record(CollectionSteps.ACTOR, "collections.instalment-" + outcome.toLowerCase(), CollectionSteps.subject(invoiceId),
        Map.of("planId", planId, "instalment", number, "dueSoFar", dueSoFar, "cashReceivedSince", cash));
    return outcome;
  }
}
