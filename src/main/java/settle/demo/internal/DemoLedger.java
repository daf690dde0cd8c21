package settle.demo.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import settle.customers.CustomerView;
import settle.demo.internal.DemoBook.Sale;

/**
 * Writes the demo book's settled history as rows, in one transaction and in batches, as the modules would have
 * written them over 15 months: orders and their invoices, payments, early-payment discounts, disputes with their
 * credit memos, promises kept and broken, the collection steps taken, and an audit entry wherever the application
 * records one (stamped with the moment it happened, chained like every other entry). No module offers a bulk path
 * for history, so this is plain SQL against their tables.
 */
@Component
class DemoLedger {

  /** One cadence step as dmn/next-collection-action.dmn gives it for a segment. */
  record Step(int stage, String action, int dueOffset, String template, String channel, String sender, boolean headsUp,
              boolean skipIfLate) {
    boolean task() {
      return "TASK".equals(channel);
    }
  }

  /** What the tables said: each customer's segmentation, each segment's cadence, each past dispute's routing. */
  record Policy(Map<Integer, Map<String, Object>> segmentation, Map<String, List<Step>> cadence,
                Map<Sale, Map<String, Object>> routing) {}

  /** An open invoice's collection loop to start: its variables, and the element to start at (null: a fresh turn). */
  record Loop(Sale sale, long invoiceId, Map<String, Object> variables, String startAt) {}

  /** A collector's call task stays open this many days after its step; an escalation this many. */
  static final int CALL_OPEN_DAYS = 6;
  static final int ESCALATION_OPEN_DAYS = 4;
  /** The element of bpmn/invoice-collection.bpmn that takes a planned step: a loop started there opens the step's task. */
  static final String TAKE_STEP = "take-collection-step";

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final Map<Long, String> numbers = new HashMap<>();

  DemoLedger(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  String number(long invoiceId) {
    return numbers.get(invoiceId);
  }

  @Transactional
  public List<Loop> write(DemoBook book, Map<Integer, CustomerView> customers, Policy policy) {
    List<Sale> sales = book.sales();
    LocalDate today = book.today();
    long[] orderIds = ids("sales_order_id_seq", sales.size());
    long[] invoiceIds = ids("invoice_id_seq", sales.size());
    Map<Integer, Integer> invoiceCounter = new TreeMap<>();
    Map<Integer, Integer> creditCounter = new TreeMap<>();
    Rows orders = new Rows("insert into sales_order(id, customer_id, status, currency, subtotal, discount_percent, total, payment_terms,"
        + " po_number, invoice_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    Rows orderLines = new Rows("insert into order_line(order_id, line_no, description, quantity, unit_price, amount) values (?, ?, ?, ?, ?, ?)");
    Rows invoices = new Rows("insert into invoice(id, number, customer_id, order_id, currency, subtotal, discount_percent, discount_amount,"
        + " total, open_amount, issue_date, due_date, payment_terms, early_discount_percent, early_discount_date, po_number, status,"
        + " created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    Rows invoiceLines = new Rows("insert into invoice_line(invoice_id, line_no, description, quantity, unit_price, amount) values (?, ?, ?, ?, ?, ?)");
    Rows payments = new Rows("insert into payment(id, invoice_id, invoice_number, amount, currency, value_date, reference, received_at)"
        + " values (?, ?, ?, ?, ?, ?, ?, ?)");
    long[] paymentIds = ids("payment_id_seq", sales.stream().mapToInt(s -> s.payments().size()).sum());
    int paymentNo = 0;
    List<Banked> banked = new ArrayList<>();
    Rows writeOffs = new Rows("insert into invoice_write_off(invoice_id, amount, currency, reason, source_ref, created_at) values (?, ?, ?, ?, ?, ?)");
    Rows disputes = new Rows("insert into dispute(invoice_id, customer_id, reason_code, amount, currency, description, raised_by, status,"
        + " team, sla_hours, approval_limit, checklist, outcome, credit_amount, root_cause, created_at, resolved_at)"
        + " values (?, ?, ?, ?, ?, ?, ?, 'RESOLVED', ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    Rows creditNotes = new Rows("insert into credit_note(kind, number, invoice_id, dispute_id, amount, currency, reason, issued_on, created_at)"
        + " values ('CREDIT_MEMO', ?, ?, ?, ?, ?, ?, ?, ?)");
    Rows promises = new Rows("insert into promise_to_pay(invoice_id, promised_date, amount, open_at_promise, taken_by, channel, source_key,"
        + " status, created_at, resolved_at) values (?, ?, ?, ?, ?, 'PHONE', ?, ?, ?, ?)");
    Rows steps = new Rows("insert into dunning_step(invoice_id, customer_id, stage, segment, tone, action, template, channel, sender,"
        + " heads_up, skip_if_late, action_date, action_at, status, amount, planned_at, performed_at)"
        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    Audit audit = new Audit();
    List<Loop> loops = new ArrayList<>();
    long[] disputeIds = ids("dispute_id_seq", (int) sales.stream().filter(s -> s.dispute() != null && s.dispute().resolved() != null).count());
    int disputeNo = 0;
    int promiseNo = 0;

    for (int i = 0; i < sales.size(); i++) {
      Sale s = sales.get(i);
      CustomerView customer = customers.get(s.customerNo());
      long orderId = orderIds[i];
      long invoiceId = invoiceIds[i];
      String subject = "invoice:" + invoiceId;
      int year = s.issued().getYear();
      String number = "INV-%d-%06d".formatted(year, invoiceCounter.merge(year, 1, Integer::sum));
      numbers.put(invoiceId, number);
      BigDecimal open = s.open();
      String status = open.signum() == 0 ? "PAID" : s.paid().signum() > 0 ? "PARTIALLY_PAID" : "OPEN";
      Instant ordered = DemoData.at(s.issued().minusDays(2), 9);
      orders.add(orderId, customer.id(), open.signum() == 0 ? "PAID" : "INVOICED", customer.currency(), s.subtotal(),
          s.discountPercent(), s.total(), s.terms(), s.po(), invoiceId, ts(ordered));
      boolean early = s.terms().startsWith("2/10");
      invoices.add(invoiceId, number, customer.id(), orderId, customer.currency(), s.subtotal(), s.discountPercent(),
          s.discountAmount(), s.total(), open, Date.valueOf(s.issued()), Date.valueOf(s.due()), s.terms(),
          early ? new BigDecimal("2") : null, early ? Date.valueOf(s.issued().plusDays(10)) : null, s.po(), status,
          ts(DemoData.at(s.issued(), 7)));
      for (int l = 0; l < s.lines().size(); l++) {
        DemoBook.Line line = s.lines().get(l);
        orderLines.add(orderId, l + 1, line.description(), line.quantity(), line.unitPrice(), line.amount());
        invoiceLines.add(invoiceId, l + 1, line.description(), line.quantity(), line.unitPrice(), line.amount());
      }
      Map<String, Object> issued = new LinkedHashMap<>();
      issued.put("number", number);
      issued.put("orderId", orderId);
      issued.put("total", s.total());
      issued.put("currency", customer.currency());
      issued.put("dueDate", s.due().toString());
      issued.put("paymentTerms", s.terms());
      issued.put("discountPercent", s.discountPercent());
      issued.put("poNumber", s.po());
      audit.add(DemoData.at(s.issued(), 7), "system:issue-invoice", "invoice.issued", subject, issued);

      if (s.dispute() != null && s.dispute().resolved() != null) {
        DemoBook.Dispute d = s.dispute();
        long disputeId = disputeIds[disputeNo++];
        Map<String, Object> routing = policy.routing().get(s);
        Instant raisedAt = DemoData.at(d.raised(), 10);
        Instant resolvedAt = DemoData.at(d.resolved(), 14);
        String team = (String) routing.get("team");
        disputes.add(invoiceId, customer.id(), d.reasonCode(), d.amount(), customer.currency(), d.description(), d.raisedBy(), team,
            ((Number) routing.get("slaHours")).intValue(), new BigDecimal(String.valueOf(routing.get("approvalLimit"))),
            routing.get("checklist"), d.outcome(), d.credit(), d.rootCause(), ts(raisedAt), ts(resolvedAt));
        Map<String, Object> raised = new LinkedHashMap<>();
        raised.put("disputeId", disputeId);
        raised.put("reasonCode", d.reasonCode());
        raised.put("amount", d.amount());
        raised.put("raisedBy", d.raisedBy());
        raised.put("team", team);
        raised.put("attachments", List.of());
        audit.add(raisedAt, "suki", "dispute.raised", "dispute:" + disputeId, raised);
        audit.add(raisedAt, "suki", "dispute.raised", subject, raised);
        String creditNote = null;
        if (d.credit() != null) {
          int creditYear = d.resolved().getYear();
          creditNote = "CM-%d-%06d".formatted(creditYear, creditCounter.merge(creditYear, 1, Integer::sum));
          creditNotes.add(creditNote, invoiceId, disputeId, d.credit(), customer.currency(), d.rootCause(), Date.valueOf(d.resolved()),
              ts(resolvedAt));
          audit.add(resolvedAt, "system:credit-invoice", "invoice.credit-memo-issued", subject, Map.of("number", creditNote,
              "amount", d.credit(), "disputeId", disputeId, "openAmount", s.total().subtract(d.credit()), "heldForCustomer", BigDecimal.ZERO));
        }
        Map<String, Object> resolved = new LinkedHashMap<>();
        resolved.put("outcome", d.outcome());
        resolved.put("creditAmount", d.credit());
        resolved.put("creditNote", creditNote);
        resolved.put("rootCause", d.rootCause());
        resolved.put("notes", d.outcome().equals("REJECTED") ? "Checked against the order and delivery note: " + d.rootCause().toLowerCase()
            : "Credit agreed with the customer");
        String resolver = "sales".equals(team) ? "dana" : "support".equals(team) ? "suki" : "operations".equals(team) ? "olu" : "cara";
        audit.add(resolvedAt, resolver, "dispute.resolved", "dispute:" + disputeId, resolved);
        audit.add(resolvedAt, resolver, "dispute.resolved", subject, resolved);
      }

      BigDecimal paidSoFar = BigDecimal.ZERO;
      for (DemoBook.Payment p : s.payments()) {
        paidSoFar = paidSoFar.add(p.amount());
        Instant received = DemoData.at(p.date(), 11);
        long paymentId = paymentIds[paymentNo++];
        payments.add(paymentId, invoiceId, number, p.amount(), customer.currency(), Date.valueOf(p.date()), p.reference(), ts(received));
        if (customer.currency().equals("EUR") && s.earlyDiscount() == null && p.date().isAfter(today.minusDays(22))
            && p.date().isBefore(today.minusDays(1))) {
          banked.add(new Banked(p, paymentId, invoiceId, number, customer));
        }
        BigDecimal after = s.total().subtract(s.credited()).subtract(paidSoFar)
            .subtract(s.earlyDiscount() == null ? BigDecimal.ZERO : s.earlyDiscount());
        audit.add(received, "cara", "invoice.payment-applied", subject, Map.of("amount", p.amount(), "reference", p.reference(),
            "openAmount", after, "status", after.signum() == 0 ? "PAID" : "PARTIALLY_PAID"));
        audit.add(received, "cara", "payment.recorded", subject, Map.of("amount", p.amount(), "valueDate", p.date().toString(),
            "reference", p.reference()));
      }
      if (s.earlyDiscount() != null) {
        DemoBook.Payment p = s.payments().getFirst();
        writeOffs.add(invoiceId, s.earlyDiscount(), customer.currency(), "Early-payment discount of 2%",
            "early-discount:" + number + ":" + p.reference(), ts(DemoData.at(p.date(), 11)));
        audit.add(DemoData.at(p.date(), 11), "cara", "invoice.early-payment-discount-taken", subject, Map.of(
            "discount", s.earlyDiscount(), "percent", 2, "valueDate", p.date().toString()));
      }
      for (DemoBook.Promise p : s.promises()) {
        Instant made = DemoData.at(p.made(), 13);
        Instant decided = DemoData.at(p.date().plusDays(2), 0);
        promises.add(invoiceId, Date.valueOf(p.date()), p.amount(), p.amount(), p.takenBy(), "demo:promise:history:" + (++promiseNo),
            p.status(), ts(made), ts(decided));
        audit.add(made, p.takenBy().split(" ")[0].toLowerCase(), "collections.promise-recorded", subject, Map.of("date", p.date().toString(),
            "amount", p.amount(), "takenBy", p.takenBy(), "channel", "PHONE"));
        audit.add(decided, "system:invoice-collection", "collections.promise-" + p.status().toLowerCase(), subject, Map.of(
            "promised", p.amount(), "cashReceivedSince", p.status().equals("KEPT") ? p.amount() : BigDecimal.ZERO));
      }

      // the collection steps taken while the invoice was open, and where its loop stands today
      Map<String, Object> segmentation = policy.segmentation().get(s.customerNo());
      String segment = (String) segmentation.get("segment");
      List<Step> cadence = policy.cadence().getOrDefault(segment, List.of());
      LocalDate until = open.signum() == 0 ? s.settled() : today;
      int stage = 0;
      String startAt = null;
      for (Step step : cadence) {
        LocalDate day = s.due().plusDays(step.dueOffset());
        if (!day.isBefore(until)) {
          break;
        }
        int index = cadence.indexOf(step);
        boolean latest = index + 1 == cadence.size() || !s.due().plusDays(cadence.get(index + 1).dueOffset()).isBefore(today);
        boolean underWay = open.signum() > 0 && s.live() == DemoBook.Live.NONE && step.task() && latest
            && ChronoUnit.DAYS.between(day, today) <= ("ESCALATION".equals(step.action()) ? ESCALATION_OPEN_DAYS : CALL_OPEN_DAYS);
        String stepStatus;
        if (underWay) {
          stepStatus = "PLANNED";
          startAt = TAKE_STEP;
        } else if (step.skipIfLate() && day.isBefore(s.issued())) {
          stepStatus = "SKIPPED_LATE";
        } else {
          stepStatus = step.task() ? ("ESCALATION".equals(step.action()) ? "ESCALATION_TASK" : "CALL_TASK") : "SENT";
        }
        Instant actionAt = DemoData.at(day, 0);
        BigDecimal due = openOn(s, day);
        steps.add(invoiceId, customer.id(), step.stage(), segment, segmentation.get("tone"), step.action(), step.template(), step.channel(),
            step.sender(), step.headsUp(), step.skipIfLate(), Date.valueOf(day), ts(actionAt), stepStatus,
            "PLANNED".equals(stepStatus) ? null : due, ts(actionAt.minus(1, ChronoUnit.DAYS)),
            "PLANNED".equals(stepStatus) ? null : ts(actionAt.plus(8, ChronoUnit.HOURS)));
        if (!"PLANNED".equals(stepStatus)) {
          Map<String, Object> details = new LinkedHashMap<>();
          details.put("stage", step.stage());
          details.put("action", step.action());
          String action = switch (stepStatus) {
            case "SKIPPED_LATE" -> {
              details.put("why", "its day had passed");
              yield "collections.step-skipped";
            }
            case "CALL_TASK" -> "collections.call-task-opened";
            case "ESCALATION_TASK" -> "collections.escalated";
            default -> {
              details.put("template", step.template());
              details.put("amountDue", due);
              details.put("to", customer.apEmail());
              details.put("sender", step.sender());
              yield "collections.reminder-sent";
            }
          };
          audit.add(actionAt.plus(8, ChronoUnit.HOURS), "system:invoice-collection", action, subject, details);
        }
        stage = step.stage() + (underWay ? 0 : 1);
        if (underWay) {
          break;
        }
      }
      if (open.signum() > 0) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("invoiceId", invoiceId);
        variables.put("orderId", orderId);
        variables.put("customerId", customer.id());
        variables.put("stage", stage);
        if (startAt != null) {
          // what the turn's assessment and tables would have left in the process, for the task and its priority
          variables.put("invoiceStatus", status);
          variables.put("openAmount", open);
          variables.put("dueDate", s.due().toString());
          variables.put("daysFromDue", ChronoUnit.DAYS.between(s.due(), today));
          variables.put("riskRating", customer.riskRating());
          variables.put("segmentation", segmentation);
        }
        loops.add(new Loop(s, invoiceId, variables, startAt));
      }
    }
    orders.run();
    orderLines.run();
    invoices.run();
    invoiceLines.run();
    payments.run();
    writeOffs.run();
    disputes.run();
    creditNotes.run();
    promises.run();
    steps.run();
    audit.run();
    statements(banked, today);
    invoiceCounter.forEach((year, last) -> jdbc.update("insert into invoice_number_counter(year, last) values (?, ?)"
        + " on conflict (year) do update set last = greatest(invoice_number_counter.last, excluded.last)", year, last));
    creditCounter.forEach((year, last) -> jdbc.update("insert into credit_note_counter(year, last) values (?, ?)"
        + " on conflict (year) do update set last = greatest(credit_note_counter.last, excluded.last)", year, last));
    return loops;
  }

  /** A payment that came in on the EUR account in the last weeks, so it is on a bank statement. */
  private record Banked(DemoBook.Payment payment, long paymentId, long invoiceId, String number, CustomerView customer) {}

  static final String ACCOUNT = "DE89370400440532013000";

  /**
   * The EUR account's statements of the last three weeks, one a week, as cash application left them: each line
   * matched by the invoice number in its remittance and posted (the payment rows above), the statement closed.
   * The file is kept as the bank sent it, in the CSV layout (docs/statement-csv.md).
   */
  private void statements(List<Banked> banked, LocalDate today) {
    Map<LocalDate, List<Banked>> byWeek = new TreeMap<>();
    for (Banked b : banked) {
      byWeek.computeIfAbsent(b.payment().date().with(java.time.DayOfWeek.MONDAY), w -> new ArrayList<>()).add(b);
    }
    for (List<Banked> week : byWeek.values()) {
      week.sort(java.util.Comparator.comparing((Banked b) -> b.payment().date()).thenComparing(Banked::paymentId));
      LocalDate statementDate = week.getLast().payment().date();
      Instant imported = DemoData.at(statementDate.plusDays(1), 8);
      StringBuilder csv = new StringBuilder("date,amount,currency,payer_name,payer_account,remittance,reference\n");
      List<Object[]> lines = new ArrayList<>();
      for (int i = 0; i < week.size(); i++) {
        Banked b = week.get(i);
        String reference = "NWB-" + b.payment().date().toString().replace("-", "") + "-" + b.paymentId();
        String remittance = "Invoice " + b.number();
        csv.append(b.payment().date()).append(',').append(b.payment().amount().toPlainString()).append(",EUR,\"")
            .append(b.customer().name().replace("\"", "\"\"")).append("\",,").append(remittance).append(',').append(reference).append('\n');
        lines.add(new Object[] {i + 1, reference, b.payment().amount(), Date.valueOf(b.payment().date()), b.customer().name(), remittance,
            b.customer().id(), sha256(ACCOUNT + "|" + reference + "|" + b.payment().date() + "|" + b.payment().amount().toPlainString() + "|EUR|1"),
            b});
      }
      byte[] content = csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      long statementId = jdbc.queryForObject("""
          insert into bank_statement(format, account_id, currency, statement_date, file_name, file_sha256, content, credit_lines,
                                     debit_lines, status, imported_by, imported_at, matched_at, closed_at)
          values ('CSV', ?, 'EUR', ?, ?, ?, ?, ?, 0, 'CLOSED', 'cara', ?, ?, ?) returning id""", Long.class,
          ACCOUNT, Date.valueOf(statementDate), "northwind-eur-" + statementDate + ".csv", sha256(content), content, week.size(),
          ts(imported), ts(imported.plusSeconds(40)), ts(imported.plusSeconds(45)));
      for (Object[] line : lines) {
        Banked b = (Banked) line[8];
        long lineId = jdbc.queryForObject("""
            insert into bank_statement_line(statement_id, line_no, bank_reference, amount, currency, value_date, payer_name, remittance,
                                            status, rule, confidence, why, customer_id, bank_identity)
            values (?, ?, ?, ?, 'EUR', ?, ?, ?, 'AUTO_MATCHED', 'REFERENCE', 0.98, 'invoice number in the remittance, amounts add up', ?, ?)
            returning id""", Long.class, statementId, line[0], line[1], line[2], line[3], line[4], line[5], line[6], line[7]);
        jdbc.update("insert into bank_statement_match(line_id, invoice_id, invoice_number, amount, payment_id) values (?, ?, ?, ?, ?)",
            lineId, b.invoiceId(), b.number(), b.payment().amount(), b.paymentId());
      }
    }
  }

  private static String sha256(String text) {
    return sha256(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What was open on the invoice that morning: the total less credits and payments before it. */
  private static BigDecimal openOn(Sale s, LocalDate day) {
    BigDecimal open = s.total();
    if (s.dispute() != null && s.dispute().resolved() != null && s.dispute().credit() != null && s.dispute().resolved().isBefore(day)) {
      open = open.subtract(s.dispute().credit());
    }
    for (DemoBook.Payment p : s.payments()) {
      if (p.date().isBefore(day)) {
        open = open.subtract(p.amount());
      }
    }
    return open;
  }

  private long[] ids(String sequence, int count) {
    return jdbc.queryForList("select nextval('" + sequence + "') from generate_series(1, ?)", Long.class, count).stream()
        .mapToLong(Long::longValue).toArray();
  }

  private static Timestamp ts(Instant instant) {
    return Timestamp.from(instant);
  }

  /** Rows for one insert, sent in batches. */
  private final class Rows {
    private final String sql;
    private final List<Object[]> rows = new ArrayList<>();

    Rows(String sql) {
      this.sql = sql;
    }

    void add(Object... values) {
      rows.add(values);
    }

    void run() {
      for (int from = 0; from < rows.size(); from += 1000) {
        jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + 1000)));
      }
    }
  }

  /**
   * Audit entries as {@code settle.audit.AuditLog} records them (an entry and its pending mark, which the chainer
   * links in id order), stamped with the moment each thing happened. Written in the order they happened.
   */
  private final class Audit {
    private record Entry(Instant at, String actor, String action, String subject, String details) {}

    private final List<Entry> entries = new ArrayList<>();

    void add(Instant at, String actor, String action, String subject, Map<String, ?> details) {
      try {
        entries.add(new Entry(at, actor, action, subject, json.writeValueAsString(details)));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }

    void run() {
      entries.sort(java.util.Comparator.comparing(Entry::at));
      long[] ids = ids("audit_entry_id_seq", entries.size());
      List<Object[]> rows = new ArrayList<>();
      List<Object[]> pending = new ArrayList<>();
      for (int i = 0; i < entries.size(); i++) {
        Entry e = entries.get(i);
        rows.add(new Object[] {ids[i], ts(e.at()), e.actor(), e.action(), e.subject(), e.details()});
        pending.add(new Object[] {ids[i]});
      }
      for (int from = 0; from < rows.size(); from += 1000) {
        int to = Math.min(rows.size(), from + 1000);
        jdbc.batchUpdate("insert into audit_entry(id, at, actor, action, subject, details) values (?, ?, ?, ?, ?, ?::jsonb)",
            rows.subList(from, to));
        jdbc.batchUpdate("insert into audit_pending(entry_id) values (?)", pending.subList(from, to));
      }
    }
  }
}
