package settle.collections.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
import settle.collections.BusinessCalendar;
import settle.common.SignedLinks;
import settle.communication.MailOutbox;
import settle.communication.OutgoingMail;
import settle.customers.CustomerDirectory;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceStatus;
import settle.invoicing.InvoiceView;
import settle.invoicing.Invoices;
import settle.disputes.Disputes;
import settle.portal.PortalLinks;

/**
 * Plans and takes the steps of the collection loop. What to do and when comes from the DMN tables
 * through the process; this class records each step once and acts on the invoice as it is now.
 */
@Service
public class CollectionSteps {

  static final String ACTOR = "system:invoice-collection";
  /** Late heads-ups go out at the next quarter hour, together. */
  private static final long GATHERING_SECONDS = 15 * 60;

  private final JdbcTemplate jdbc;
  private final Invoices invoices;
  private final CustomerDirectory customers;
  private final MailOutbox mail;
  private final SignedLinks links;
  private final PortalLinks portal;
  private final Disputes disputes;
  private final AuditLog audit;
  private final Clock clock;
  private final BusinessCalendar calendar;
  private final java.time.Duration minimumNotice;
  private final String publicUrl;

  CollectionSteps(JdbcTemplate jdbc, Invoices invoices, CustomerDirectory customers, MailOutbox mail, SignedLinks links,
                  PortalLinks portal, Disputes disputes, AuditLog audit, Clock clock, BusinessCalendar calendar,
                  @Value("${settle.public-url}") String publicUrl,
                  @Value("${settle.collections.heads-up-minimum-notice:4h}") java.time.Duration minimumNotice) {
    this.minimumNotice = minimumNotice;
    this.jdbc = jdbc;
    this.invoices = invoices;
    this.customers = customers;
    this.mail = mail;
    this.links = links;
    this.portal = portal;
    this.disputes = disputes;
    this.audit = audit;
    this.clock = clock;
    this.calendar = calendar;
    this.publicUrl = publicUrl;
  }

  public record NextAction(String action, int dueOffset, String template, String channel, String sender, boolean headsUp,
                    boolean skipIfLate) {}

  public record Plan(String plannedOutcome, String actionAt, String headsUpAt, int stage) {}

  /**
   * Records the step the table chose. The table's day moves to the customer's next business day (their country's
   * calendar) and the step goes out at the send hour in the AP contact's zone. When the owner must be warned, the
   * warning goes 24 hours before the step; if that moment has passed, it goes at the next quarter hour, and the step
   * moves to the next business day only when the owner would have less than the minimum notice
   * (settle.collections.heads-up-minimum-notice) to hold it. Either way the heads-up names the day the mail goes out on.
   * {@code planKey} names the planning job's element instance: a redelivered job answers as it did, recording nothing new.
   */
  @Transactional
  public Plan plan(long invoiceId, int stage, String segment, String tone, NextAction next, String planKey, long decisionKey) {
    if ("NONE".equals(next.action())) {
      return new Plan("WAIT", null, null, stage);
    }
    jdbc.queryForObject("select pg_advisory_xact_lock(hashtext(?))", Object.class, "plan-step:" + invoiceId + ":" + stage);
    Optional<Plan> earlier = jdbc.query("select status, heads_up, action_at, performed_at, planned_at from dunning_step"
        + " where invoice_id = ? and stage = ? and plan_key = ?", (rs, i) -> {
          if ("SKIPPED_LATE".equals(rs.getString(1)) && rs.getTimestamp(4) == null) {
            return new Plan("SKIPPED", null, null, stage + 1);
          }
          Instant at = rs.getTimestamp(3).toInstant();
          return rs.getBoolean(2)
              ? new Plan("HEADS_UP", at.toString(), headsUpAt(at, rs.getTimestamp(5).toInstant()).toString(), stage)
              : new Plan("ACT", at.toString(), null, stage);
        }, invoiceId, stage, planKey).stream().findFirst();
    if (earlier.isPresent()) {
      return earlier.get();
    }
    InvoiceView invoice = invoices.get(invoiceId);
    CustomerView customer = customers.get(invoice.customerId());
    // as the step's planned_at keeps it, so a redelivered planning job works out the same heads-up moment
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    LocalDate tableDay = invoice.dueDate().plusDays(next.dueOffset());
    boolean snoozed = step(invoiceId, stage).map(s -> "SNOOZED".equals(s.status())).orElse(false);
    if (next.skipIfLate() && !snoozed && tableDay.isBefore(localToday(customer))) {
      upsert(invoice, stage, segment, tone, next, tableDay, calendar.sendTime(tableDay, customer.zone()), "SKIPPED_LATE", now,
          planKey, decisionKey);
      audit.record(ACTOR, "collections.step-skipped", subject(invoiceId), Map.of("stage", stage, "action", next.action(),
          "actionDate", tableDay.toString(), "why", "its day had passed", "decisionKey", String.valueOf(decisionKey)));
      return new Plan("SKIPPED", null, null, stage + 1);
    }
    LocalDate day = calendar.onOrAfter(customer.country(), tableDay);
    Instant actionAt = calendar.sendTime(day, customer.zone());
    Instant headsUpAt = null;
    if (next.headsUp()) {
      // a step planned less than 24 hours ahead (the day after the one before it) is announced within the quarter hour;
      // it moves to the next business day only when that would leave the owner less than the minimum notice to hold it
      while (actionAt.minus(minimumNotice).isBefore(now)) {
        day = calendar.onOrAfter(customer.country(), day.plusDays(1));
        actionAt = calendar.sendTime(day, customer.zone());
      }
      headsUpAt = headsUpAt(actionAt, now);
    }
    upsert(invoice, stage, segment, tone, next, day, actionAt, "PLANNED", now, planKey, decisionKey);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("stage", stage);
    details.put("action", next.action());
    details.put("actionAt", actionAt.toString());
    details.put("headsUpAt", headsUpAt == null ? null : headsUpAt.toString());
    if (!day.equals(tableDay)) {
      details.put("tableDay", tableDay.toString());
      details.put("movedTo", day.toString());
    }
    details.put("channel", next.channel());
    details.put("sender", next.sender());
    details.put("decisionKey", String.valueOf(decisionKey));
    audit.record(ACTOR, "collections.step-planned", subject(invoiceId), details);
    return new Plan(headsUpAt == null ? "ACT" : "HEADS_UP", actionAt.toString(),
        headsUpAt == null ? null : headsUpAt.toString(), stage);
  }

  /**
   * The heads-up goes exactly 24 hours before the step it announces, whatever day that is: it goes to staff, not the
   * customer. A step planned later than that is announced at the next quarter hour (at once if planned on one), so the
   * steps planned together (the loops a morning's bank statement moves on, the demo company's start) reach their owner
   * in one digest rather than one mail per batch; never with less than the minimum notice.
   */
  private Instant headsUpAt(Instant actionAt, Instant plannedAt) {
    Instant dayBefore = actionAt.minus(24, ChronoUnit.HOURS);
    if (!dayBefore.isBefore(plannedAt)) {
      return dayBefore;
    }
    long seconds = plannedAt.getEpochSecond() + (plannedAt.getNano() > 0 ? 1 : 0);
    Instant gathered = Instant.ofEpochSecond(Math.ceilDiv(seconds, GATHERING_SECONDS) * GATHERING_SECONDS);
    // plan() has moved the step far enough for the minimum notice to be left after the moment it was planned
    Instant latest = actionAt.minus(minimumNotice);
    return gathered.isAfter(latest) ? latest : gathered;
  }

  /** The day it is where the customer's AP contact sits: steps, holds and "late" are counted in their days. */
  private LocalDate localToday(CustomerView customer) {
    return clock.instant().atZone(customer.zone()).toLocalDate();
  }

  private void upsert(InvoiceView invoice, int stage, String segment, String tone, NextAction next, LocalDate actionDate,
                      Instant actionAt, String status, Instant plannedAt, String planKey, long decisionKey) {
    jdbc.update("""
            insert into dunning_step(invoice_id, customer_id, stage, segment, tone, action, template, channel, sender,
                                     heads_up, skip_if_late, action_date, action_at, status, planned_at, plan_key, decision_key)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (invoice_id, stage) do update set segment = excluded.segment, tone = excluded.tone,
              action = excluded.action, template = excluded.template, channel = excluded.channel, sender = excluded.sender,
              heads_up = excluded.heads_up, skip_if_late = excluded.skip_if_late, action_date = excluded.action_date,
              action_at = excluded.action_at, status = excluded.status,
              planned_at = excluded.planned_at, plan_key = excluded.plan_key, decision_key = excluded.decision_key,
              heads_up_mail_key = null
            where dunning_step.status in ('PLANNED', 'SKIPPED_LATE', 'SNOOZED')""",
        invoice.id(), invoice.customerId(), stage, segment, tone, next.action(), next.template(), next.channel(),
        next.sender(), next.headsUp(), next.skipIfLate(), Date.valueOf(actionDate), Timestamp.from(actionAt), status,
        Timestamp.from(plannedAt), planKey, decisionKey);
  }

  /** One heads-up per account owner and day, listing every step announced for that day. */
  @Transactional
  public void headsUp(long invoiceId, int stage) {
    Step step = step(invoiceId, stage).orElseThrow();
    CustomerView customer = customers.get(step.customerId());
    jdbc.queryForObject("select pg_advisory_xact_lock(hashtext(?))", Object.class, "heads-up:" + customer.accountOwnerEmail());
    if (step(invoiceId, stage).orElseThrow().headsUpMailKey() != null) {
      return;
    }
    Map<Long, CustomerView> ownersCustomers = customers.ownedBy(customer.accountOwnerEmail()).stream()
        .collect(java.util.stream.Collectors.toMap(CustomerView::id, c -> c));
    // a step held past its day will not be taken (see take), so it is not announced
    List<Step> due = jdbc.query("select " + Step.COLUMNS + " from dunning_step s where status = 'PLANNED' and heads_up"
            + " and heads_up_mail_key is null and action_date = ? and customer_id = any(?)"
            + " and not exists (select 1 from collection_hold h where h.invoice_id = s.invoice_id and h.held_until > s.action_date)"
            + " order by id",
        Step::read, Date.valueOf(step.actionDate()), ownersCustomers.keySet().toArray(Long[]::new));
    if (due.isEmpty()) {
      return;
    }
    String key = "heads-up:" + customer.accountOwnerEmail() + ":" + step.actionDate() + ":" + due.getFirst().id();
    List<Map<String, Object>> lines = new ArrayList<>();
    for (Step s : due) {
      InvoiceView invoice = invoices.get(s.invoiceId());
      CustomerView c = ownersCustomers.get(s.customerId());
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("customerName", c.name());
      line.put("actionLabel", s.label());
      line.put("to", s.customerFacing() ? c.apEmail() : "collectors (call task)");
      line.put("senderName", senderName(s, c));
      line.put("invoiceNumber", invoice.number());
      line.put("amountDue", invoice.openAmount());
      line.put("currency", invoice.currency());
      line.put("daysFromDue", ChronoUnit.DAYS.between(invoice.dueDate(), s.actionDate()));
      line.put("holdUrl", holdUrl(s, "hold"));
      line.put("snoozeUrl", holdUrl(s, "snooze"));
      lines.add(line);
      jdbc.update("update dunning_step set heads_up_mail_key = ? where id = ?", key, s.id());
      audit.record(ACTOR, "collections.heads-up-sent", subject(s.invoiceId()), s.withDecision(Map.of("stage", s.stage(),
          "action", s.action(), "to", customer.accountOwnerEmail(), "scheduledFor", s.actionDate().toString(), "mailKey", key)));
    }
    mail.enqueue(new OutgoingMail(key, mail.arTeamName(), customer.accountOwnerEmail(),
        "Heads-up: " + lines.size() + (lines.size() == 1 ? " customer contact" : " customer contacts") + " planned for " + settle.common.Dates.day(step.actionDate()),
        "heads-up", Map.of("ownerName", customer.accountOwnerName(), "scheduledFor", settle.common.Dates.day(step.actionDate()), "steps", lines),
        List.of(), subject(invoiceId)));
  }

  public record Taken(String stepOutcome, String heldUntil, int stage) {}

  /** Takes the step against the invoice as it is now; a step taken before answers as it did then. */
  @Transactional
  public Taken take(long invoiceId, int stage) {
    Step step = step(invoiceId, stage).orElseThrow(() -> new IllegalStateException("No planned step " + stage + " for invoice " + invoiceId));
    jdbc.queryForObject("select pg_advisory_xact_lock(hashtext(?))", Object.class, "customer-steps:" + step.customerId());
    step = step(invoiceId, stage).orElseThrow();
    if (!"PLANNED".equals(step.status())) {
      return answer(step);
    }
    InvoiceView invoice = invoices.get(invoiceId);
    if (invoice.status() == InvoiceStatus.PAID) {
      mark(step, "SKIPPED_PAID", null, null);
      audit.record(ACTOR, "collections.step-skipped", subject(invoiceId), Map.of("stage", stage, "action", step.action(), "why", "invoice is paid"));
      return new Taken("SKIPPED", null, stage + 1);
    }
    CustomerView customer = customers.get(step.customerId());
    if (step.skipIfLate() && step.actionDate().isBefore(localToday(customer))) {
      mark(step, "SKIPPED_LATE", null, null);
      audit.record(ACTOR, "collections.step-skipped", subject(invoiceId), Map.of("stage", stage, "action", step.action(),
          "actionDate", step.actionDate().toString(), "why", "its day had passed"));
      return new Taken("SKIPPED", null, stage + 1);
    }
    Optional<Hold> hold = activeHold(invoiceId);
    if (hold.isPresent()) {
      boolean snoozed = "SNOOZE".equals(hold.get().kind());
      mark(step, snoozed ? "SNOOZED" : "HELD", null, null);
      audit.record(ACTOR, snoozed ? "collections.step-snoozed" : "collections.step-held", subject(invoiceId), Map.of("stage", stage,
          "action", step.action(), "heldBy", hold.get().heldBy(), "reason", hold.get().reason(), "heldUntil", hold.get().heldUntil().toString()));
      return new Taken("HELD", startOfDay(hold.get().heldUntil(), customer), snoozed ? stage : stage + 1);
    }
    if (!step.customerFacing()) {
      String status = "ESCALATION".equals(step.action()) ? "ESCALATION_TASK" : "CALL_TASK";
      mark(step, status, null, invoice.openAmount());
      audit.record(ACTOR, "collections." + ("ESCALATION".equals(step.action()) ? "escalated" : "call-task-opened"),
          subject(invoiceId), step.withDecision(Map.of("stage", stage, "action", step.action(), "openAmount", invoice.openAmount())));
      return new Taken("ESCALATION".equals(step.action()) ? "ESCALATE" : "CALL", null, stage + 1);
    }
    sendCombined(step);
    return answer(step(invoiceId, stage).orElseThrow());
  }

  /** This step, and every step of this customer with the same action due today and by now, go out in one mail. */
  private void sendCombined(Step step) {
    CustomerView customer = customers.get(step.customerId());
    List<Step> sameDay = jdbc.query("select " + Step.COLUMNS + " from dunning_step where customer_id = ? and action = ?"
            + " and action_date = ? and (id = ? or action_at <= ?) and status = 'PLANNED' order by id",
        Step::read, step.customerId(), step.action(), Date.valueOf(step.actionDate()), step.id(), Timestamp.from(clock.instant()));
    String key = "collection:" + step.customerId() + ":" + step.action() + ":" + step.actionDate() + ":" + sameDay.getFirst().id();
    LocalDate today = localToday(customer);
    List<Map<String, Object>> items = new ArrayList<>();
    List<OutgoingMail.Attachment> pdfs = new ArrayList<>();
    BigDecimal totalDue = BigDecimal.ZERO;
    for (Step s : sameDay) {
      InvoiceView invoice = invoices.get(s.invoiceId());
      if (invoice.status() == InvoiceStatus.PAID || (s.id() != step.id() && activeHold(s.invoiceId()).isPresent())) {
        continue; // its own process records why it was not sent
      }
      Disputes.OpenSplit open = disputes.openSplit(invoice);
      BigDecimal amountDue = open.undisputed();
      BigDecimal disputed = open.disputed();
      if (amountDue.signum() <= 0) {
        continue; // all of it is disputed; its own process records that
      }
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("invoice", invoice);
      item.put("amountDue", amountDue);
      item.put("disputedAmount", disputed);
      item.put("daysFromDue", ChronoUnit.DAYS.between(invoice.dueDate(), today));
      item.put("earlyDiscountOpen", invoice.earlyDiscountDate() != null && !invoice.earlyDiscountDate().isBefore(today)
          && invoice.openAmount().compareTo(invoice.total()) == 0 && disputed.signum() == 0);
      item.put("portalUrl", portal.invoiceUrl(invoice.id()));
      items.add(item);
      pdfs.add(new OutgoingMail.Attachment(invoice.number() + ".pdf", "application/pdf", invoices.pdf(invoice.id())));
      totalDue = totalDue.add(amountDue);
      mark(s, "SENT", key, amountDue);
      audit.record(ACTOR, "collections.reminder-sent", subject(s.invoiceId()), s.withDecision(Map.of("stage", s.stage(),
          "action", s.action(), "template", s.template(), "amountDue", amountDue, "to", customer.apEmail(),
          "mailKey", key, "sender", s.sender())));
    }
    if (items.isEmpty()) {
      mark(step, "SKIPPED_DISPUTED", null, null);
      audit.record(ACTOR, "collections.step-skipped", subject(step.invoiceId()), Map.of("stage", step.stage(),
          "action", step.action(), "why", "everything open is disputed"));
      return;
    }
    InvoiceView first = (InvoiceView) items.getFirst().get("invoice");
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("customer", customer);
    model.put("tone", step.tone());
    model.put("items", items);
    model.put("totalDue", totalDue);
    model.put("currency", first.currency());
    model.put("today", today);
    mail.enqueue(new OutgoingMail(key, senderName(step, customer), customer.apEmail(), subjectLine(step, items, first, today),
        step.template(), model, pdfs, subject(step.invoiceId()), customer.apLanguage()));
  }

  private static String subjectLine(Step step, List<Map<String, Object>> items, InvoiceView first, LocalDate today) {
    String what = items.size() == 1 ? "invoice " + first.number() : items.size() + " invoices";
    long late = ChronoUnit.DAYS.between(first.dueDate(), today);
    // by the day it goes out, not the step's name: a snoozed due-day reminder may leave later
    if ("FINAL_NOTICE".equals(step.action())) {
      return "Final notice: " + what;
    } else if (late < 0) {
      return "Upcoming: " + what + (items.size() == 1 ? " is" : " are") + " due on " + settle.common.Dates.day(first.dueDate());
    } else if (late == 0) {
      return "Due today: " + what;
    }
    return items.size() == 1 ? "Reminder: invoice " + first.number() + " is " + late + (late == 1 ? " day" : " days") + " overdue"
        : "Reminder: " + what + " overdue";
  }

  private String senderName(Step step, CustomerView customer) {
    return "ACCOUNT_OWNER".equals(step.sender()) ? customer.accountOwnerName() : mail.arTeamName();
  }

  private String holdUrl(Step step, String kind) {
    return publicUrl + "/holds/" + links.sign("hold", step.invoiceId() + ":" + step.stage() + ":" + kind, step.actionDate().plusDays(1));
  }

  private Taken answer(Step step) {
    return switch (step.status()) {
      case "CALL_TASK" -> new Taken("CALL", null, step.stage() + 1);
      case "ESCALATION_TASK" -> new Taken("ESCALATE", null, step.stage() + 1);
      case "HELD" -> new Taken("HELD", heldUntil(step), step.stage() + 1);
      case "SNOOZED" -> new Taken("HELD", heldUntil(step), step.stage());
      case "SENT" -> new Taken("SENT", null, step.stage() + 1);
      default -> new Taken("SKIPPED", null, step.stage() + 1);
    };
  }

  private String heldUntil(Step step) {
    CustomerView customer = customers.get(step.customerId());
    return startOfDay(activeHold(step.invoiceId()).map(Hold::heldUntil).orElse(localToday(customer)), customer);
  }

  /** A hold ends at the start of its last day where the customer is. */
  private static String startOfDay(LocalDate day, CustomerView customer) {
    return day.atStartOfDay(customer.zone()).toInstant().toString();
  }

  private void mark(Step step, String status, String mailKey, BigDecimal amount) {
    jdbc.update("update dunning_step set status = ?, mail_key = ?, amount = ?, performed_at = ? where id = ?",
        status, mailKey, amount, Timestamp.from(clock.instant()), step.id());
  }

  Optional<Step> step(long invoiceId, int stage) {
    return jdbc.query("select " + Step.COLUMNS + " from dunning_step where invoice_id = ? and stage = ?", Step::read, invoiceId, stage)
        .stream().findFirst();
  }

  List<Step> steps(long invoiceId) {
    return jdbc.query("select " + Step.COLUMNS + " from dunning_step where invoice_id = ? order by stage", Step::read, invoiceId);
  }

  record Hold(long id, LocalDate heldUntil, String kind, String reason, String heldBy) {}

  /** The hold in force on the customer's day; held until D means nothing goes out before D starts where they are. */
  Optional<Hold> activeHold(long invoiceId) {
    LocalDate today = localToday(customers.get(invoices.get(invoiceId).customerId()));
    return jdbc.query("select id, held_until, kind, reason, held_by from collection_hold where invoice_id = ? and held_until > ?"
            + " order by held_until desc limit 1",
        (rs, i) -> new Hold(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getString(3), rs.getString(4), rs.getString(5)),
        invoiceId, Date.valueOf(today)).stream().findFirst();
  }

  static String subject(long invoiceId) {
    return "invoice:" + invoiceId;
  }
}
