package settle.invoicing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import settle.audit.AuditLog;
import settle.common.InvalidRequestException;
import settle.common.Money;
import settle.common.NotFoundException;
import settle.invoicing.internal.Invoice;
import settle.invoicing.internal.InvoiceLine;
import settle.invoicing.internal.InvoicePdf;
import settle.invoicing.internal.InvoiceRepository;
import settle.orders.OrderView;
import settle.orders.Orders;
import settle.orders.PaymentTerms;

@Service
public class Invoices {

  private final InvoiceRepository invoices;
  private final Orders orders;
  private final InvoicePdf pdf;
  private final JdbcTemplate jdbc;
  private final AuditLog audit;
  private final Clock clock;

  private final org.springframework.context.ApplicationEventPublisher events;

  Invoices(InvoiceRepository invoices, Orders orders, InvoicePdf pdf, JdbcTemplate jdbc, AuditLog audit, Clock clock,
           org.springframework.context.ApplicationEventPublisher events) {
    this.events = events;
    this.invoices = invoices;
    this.orders = orders;
    this.pdf = pdf;
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  /** Issues the order's invoice from its deal terms; issuing the same order again returns the first invoice. */
  @Transactional
  public InvoiceView issueFor(long orderId, String actor) {
    jdbc.queryForObject("select pg_advisory_xact_lock(hashtext(?))", Object.class, "invoice-for-order:" + orderId);
    Optional<Invoice> existing = invoices.findByOrderId(orderId);
    if (existing.isPresent()) {
      return existing.get().view();
    }
    OrderView order = orders.get(orderId);
    PaymentTerms terms = order.terms();
    LocalDate issued = LocalDate.now(clock);
    String number = "INV-%d-%06d".formatted(issued.getYear(), nextInYear("invoice_number_counter", issued.getYear()));
    BigDecimal discountAmount = order.subtotal().subtract(order.total());
    Invoice invoice = new Invoice(number, order.customerId(), order.id(), order.currency(), order.subtotal(),
        order.discountPercent(), discountAmount, order.total(), issued, terms.dueDate(issued), terms.toString(),
        terms.discountPercent(), terms.discountDeadline(issued).orElse(null), order.poNumber(), clock.instant());
    order.lines().forEach(l -> invoice.addLine(new InvoiceLine(l.lineNo(), l.description(), l.quantity(), l.unitPrice(), l.amount())));
    invoices.saveAndFlush(invoice);
    InvoiceView view = invoice.view();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("number", number);
    details.put("orderId", orderId);
    details.put("total", view.total());
    details.put("currency", view.currency());
    details.put("dueDate", view.dueDate().toString());
    details.put("paymentTerms", view.paymentTerms());
    details.put("discountPercent", view.discountPercent());
    details.put("poNumber", view.poNumber());
    audit.record(actor, "invoice.issued", "invoice:" + invoice.getId(), details);
    return view;
  }

  @Transactional(readOnly = true)
  public InvoiceView get(long id) {
    return invoices.findById(id).map(Invoice::view).orElseThrow(() -> new NotFoundException("Invoice", id));
  }

  @Transactional(readOnly = true)
  public List<InvoiceView> find(Long customerId, InvoiceStatus status) {
    return invoices.search(customerId, status).stream().map(Invoice::view).toList();
  }

  /** These invoices by id, in one query. */
  @Transactional(readOnly = true)
  public Map<Long, InvoiceView> get(java.util.Collection<Long> ids) {
    return ids.isEmpty() ? Map.of() : invoices.withLines(ids).stream().map(Invoice::view)
        .collect(java.util.stream.Collectors.toMap(InvoiceView::id, v -> v));
  }

  public List<Long> idsOf(long customerId) {
    return invoices.idsOf(customerId);
  }

  /** The invoice PDF, a Factur-X/ZUGFeRD PDF/A-3 with the EN 16931 XML embedded. */
  @Transactional(readOnly = true)
  public byte[] pdf(long id) {
    return pdf.render(get(id));
  }

  /** The invoice as XRechnung XML (CII syntax), for buyers who book e-invoices without the PDF. */
  @Transactional(readOnly = true)
  public byte[] xrechnung(long id) {
    return pdf.xrechnung(get(id));
  }

  /** The EPC QR code (PNG) for paying this amount of a EUR invoice by SEPA transfer; empty for other currencies. */
  @Transactional(readOnly = true)
  public Optional<byte[]> paymentQrCode(long id, BigDecimal amount) {
    return pdf.qrCode(get(id), amount, 360);
  }

  /**
   * Reduces the open amount; the invoice row is locked so two payments cannot both see the old amount.
   * Paying the discounted amount by the discount date (2/10 NET30) settles the invoice: the discount is written off.
   */
  @Transactional
  public InvoiceView applyPayment(String number, BigDecimal amount, LocalDate valueDate, String currency, String reference,
                                  String actor) {
    Invoice invoice = invoices.lockByNumber(number)
        .orElseThrow(() -> new InvalidRequestException("invoiceNumber", "Invoice " + number + " does not exist"));
    if (currency != null && !currency.equals(invoice.getCurrency())) {
      throw new InvalidRequestException("currency", "Invoice " + number + " is in " + invoice.getCurrency() + ", not " + currency);
    }
    if (invoice.getStatus() == InvoiceStatus.PAID) {
      throw new InvalidRequestException("invoiceNumber", "Invoice " + number + " is already paid");
    }
    BigDecimal paid = Money.of(amount);
    if (paid.compareTo(invoice.getOpenAmount()) > 0) {
      throw new AmountExceedsOpenException("amount", "Payment of " + paid + " exceeds the open amount of "
          + Money.of(invoice.getOpenAmount()) + " on invoice " + number);
    }
    InvoiceView before = invoice.view();
    invoice.applyPayment(paid);
    InvoiceView after = invoice.view();
    audit.record(actor, "invoice.payment-applied", "invoice:" + invoice.getId(), Map.of(
        "amount", paid, "reference", reference, "openAmount", after.openAmount(), "status", after.status()));
    BigDecimal early = before.earlyPaymentAmountOn(valueDate);
    if (early != null && paid.compareTo(early) == 0) {
      BigDecimal discount = invoice.getOpenAmount();
      invoice.applyPayment(discount);
      // the discount is booked like a write-off, so every amount that lowered an invoice has its row
      jdbc.update("insert into invoice_write_off(invoice_id, amount, currency, reason, source_ref, created_at) values (?, ?, ?, ?, ?, ?)",
          invoice.getId(), discount, invoice.getCurrency(), "Early-payment discount of " + before.earlyDiscountPercent() + "%",
          "early-discount:" + number + ":" + reference, java.sql.Timestamp.from(clock.instant()));
      audit.record(actor, "invoice.early-payment-discount-taken", "invoice:" + invoice.getId(), Map.of(
          "discount", Money.of(discount), "percent", before.earlyDiscountPercent(), "valueDate", valueDate.toString()));
    }
    events.publishEvent(new PaymentApplied(after.customerId(), after.id()));
    return invoice.view();
  }

  /**
   * A payment on the invoice was returned by the bank: its amount is open again. The caller marks the payment
   * reversed in the same transaction, which is what makes this happen once per payment.
   */
  @Transactional
  public InvoiceView reversePayment(long invoiceId, BigDecimal amount, String paymentReference, String reason, String actor) {
    Invoice invoice = invoices.lockById(invoiceId).orElseThrow(() -> new NotFoundException("Invoice", invoiceId));
    BigDecimal returned = Money.of(amount);
    invoice.reversePayment(returned);
    InvoiceView after = invoice.view();
    audit.record(actor, "invoice.payment-reversed", "invoice:" + invoiceId, Map.of(
        "amount", returned, "currency", after.currency(), "reference", paymentReference, "reason", reason,
        "openAmount", after.openAmount(), "status", after.status()));
    return after;
  }

  /**
   * Lowers the open amount by customer credit (unapplied cash or a credit memo the customer holds): not a
   * payment, so no promise counts it as cash received. Never more than is open.
   */
  @Transactional
  public InvoiceView applyCustomerCredit(long invoiceId, BigDecimal amount, String sourceRef, String actor) {
    Invoice invoice = invoices.lockById(invoiceId).orElseThrow(() -> new NotFoundException("Invoice", invoiceId));
    BigDecimal applied = Money.of(amount);
    if (applied.signum() <= 0 || applied.compareTo(invoice.getOpenAmount()) > 0) {
      throw new AmountExceedsOpenException("amount", "Credit of " + applied + " exceeds the open amount of "
          + Money.of(invoice.getOpenAmount()) + " on invoice " + invoice.view().number());
    }
    invoice.applyPayment(applied);
    audit.record(actor, "invoice.customer-credit-applied", "invoice:" + invoiceId, Map.of(
        "amount", applied, "currency", invoice.getCurrency(), "source", sourceRef, "openAmount", invoice.view().openAmount()));
    return invoice.view();
  }

  /**
   * Credits {@code amount} against the invoice for a dispute: as a credit memo with its own number, or as
   * an adjustment that lowers the invoice's total. Once per dispute; asking again returns the first. Refused when
   * the invoice's credits are no longer {@code creditedBefore}, the total the approval was decided on.
   */
  @Transactional
  public CreditNoteView credit(long invoiceId, long disputeId, String kind, BigDecimal amount, BigDecimal creditedBefore,
                               String reason, String actor) {
    jdbc.queryForObject("select pg_advisory_xact_lock(hashtext(?))", Object.class, "credit-for-dispute:" + disputeId);
    var existing = jdbc.query("select * from credit_note where dispute_id = ?", (rs, i) -> creditNote(rs, i), disputeId);
    if (!existing.isEmpty()) {
      return existing.getFirst();
    }
    // credits on one invoice one at a time, each against the total its approval was decided on: two decided at
    // once cannot both slip under the limit
    jdbc.queryForObject("select pg_advisory_xact_lock(hashtext(?))", Object.class, "credits-on-invoice:" + invoiceId);
    BigDecimal creditedNow = creditsGiven(invoiceId, 30).onInvoice();
    if (creditedNow.compareTo(Money.of(creditedBefore)) != 0) {
      throw new InvalidRequestException("creditAmount", "The invoice was credited " + creditedNow + " in all meanwhile, not "
          + Money.of(creditedBefore) + " as when this credit was approved; decide again so the limit counts every credit");
    }
    if (!kind.equals("CREDIT_MEMO") && !kind.equals("ADJUSTMENT")) {
      throw new IllegalArgumentException("A credit is a CREDIT_MEMO or an ADJUSTMENT, not " + kind);
    }
    Invoice invoice = invoices.findById(invoiceId).orElseThrow(() -> new NotFoundException("Invoice", invoiceId));
    BigDecimal credited = Money.of(amount);
    if (credited.signum() <= 0) {
      throw new InvalidRequestException("creditAmount", "A credit must be more than 0, not " + credited);
    }
    // what the invoice cannot absorb (the customer paid meanwhile) is still theirs: held on their credit balance
    BigDecimal unabsorbed = credited.subtract(credited.min(Money.of(invoice.getOpenAmount())));
    LocalDate today = LocalDate.now(clock);
    String number = "%s-%d-%06d".formatted(kind.equals("ADJUSTMENT") ? "ADJ" : "CM", today.getYear(),
        nextInYear("credit_note_counter", today.getYear()));
    invoice.credit(credited, kind.equals("ADJUSTMENT"));
    CreditNoteView note = jdbc.queryForObject("insert into credit_note(kind, number, invoice_id, dispute_id, amount, currency, reason,"
            + " issued_on, created_at, unabsorbed) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning *", (rs, i) -> creditNote(rs, i),
        kind, number, invoiceId, disputeId, credited, invoice.getCurrency(), reason, today, java.sql.Timestamp.from(clock.instant()),
        unabsorbed);
    audit.record(actor, kind.equals("ADJUSTMENT") ? "invoice.adjusted" : "invoice.credit-memo-issued", "invoice:" + invoiceId,
        Map.of("number", number, "amount", credited, "disputeId", disputeId, "openAmount", invoice.view().openAmount(),
            "heldForCustomer", unabsorbed));
    return note;
  }

  /** Credits already given: on one invoice, and to its customer (in the invoice's currency) within the last days. */
  public record CreditsGiven(BigDecimal onInvoice, BigDecimal toCustomer) {}

  /**
   * What lowered receivables other than cash — credit memos, adjustments and write-offs — on the invoice, and
   * to its customer in the invoice's currency over the last {@code days}: approval limits count them all.
   */
  @Transactional(readOnly = true)
  public CreditsGiven creditsGiven(long invoiceId, int days) {
    InvoiceView invoice = get(invoiceId);
    java.sql.Timestamp since = java.sql.Timestamp.from(clock.instant().minus(days, java.time.temporal.ChronoUnit.DAYS));
    return jdbc.queryForObject("""
            with credits as (
              select invoice_id, amount, currency, created_at from credit_note
              union all select invoice_id, amount, currency, created_at from invoice_write_off)
            select coalesce(sum(c.amount) filter (where c.invoice_id = ?), 0),
                   coalesce(sum(c.amount) filter (where c.created_at >= ?), 0)
            from credits c join invoice i on i.id = c.invoice_id
            where i.customer_id = ? and c.currency = ?""",
        (rs, i) -> new CreditsGiven(Money.of(rs.getBigDecimal(1)), Money.of(rs.getBigDecimal(2))),
        invoiceId, since, invoice.customerId(), invoice.currency());
  }

  /** The next number of the year from a counter row, not a sequence: numbers stay gap-free when a transaction rolls back. */
  private long nextInYear(String counter, int year) {
    return jdbc.queryForObject("insert into " + counter + "(year, last) values (?, 1) on conflict (year) do update set last = "
        + counter + ".last + 1 returning last", Long.class, year);
  }

  public CreditNoteView creditNote(long id) {
    return jdbc.query("select * from credit_note where id = ?", (rs, i) -> creditNote(rs, i), id).stream().findFirst()
        .orElseThrow(() -> new NotFoundException("Credit note", id));
  }

  @Transactional(readOnly = true)
  public byte[] creditNotePdf(CreditNoteView note) {
    return pdf.renderCreditNote(note, get(note.invoiceId()));
  }

  private CreditNoteView creditNote(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    return new CreditNoteView(rs.getLong("id"), rs.getString("kind"), rs.getString("number"), rs.getLong("invoice_id"),
        rs.getLong("dispute_id"), Money.of(rs.getBigDecimal("amount")), rs.getString("currency"), rs.getString("reason"),
        rs.getDate("issued_on").toLocalDate(), Money.of(rs.getBigDecimal("unabsorbed")));
  }

  /** What the customer owes in this currency (its credit limit's); amounts in other currencies are never added in. */
  @Transactional(readOnly = true)
  public CustomerBalance balance(long customerId, String currency) {
    return balances(Map.of(customerId, currency)).get(customerId);
  }

  /** Open, overdue and oldest days past due for each of these customers in its currency, in one query. */
  public Map<Long, CustomerBalance> balances(Map<Long, String> currencyOf) {
    LocalDate today = LocalDate.now(clock);
    Long[] ids = currencyOf.keySet().toArray(Long[]::new);
    String[] currencies = java.util.Arrays.stream(ids).map(currencyOf::get).toArray(String[]::new);
    Map<Long, CustomerBalance> found = new java.util.HashMap<>();
    jdbc.query("""
        select customer_id, coalesce(sum(open_amount), 0),
               coalesce(sum(open_amount) filter (where due_date < ?), 0),
               coalesce(max(? - due_date) filter (where due_date < ?), 0)
        from invoice join unnest(?, ?) as c(id, currency) on c.id = invoice.customer_id and c.currency = invoice.currency
        where status <> 'PAID' group by customer_id""",
        rs -> {
          found.put(rs.getLong(1), new CustomerBalance(Money.of(rs.getBigDecimal(2)), Money.of(rs.getBigDecimal(3)), rs.getInt(4)));
        }, today, today, today, ids, currencies);
    CustomerBalance none = new CustomerBalance(Money.of(BigDecimal.ZERO), Money.of(BigDecimal.ZERO), 0);
    currencyOf.keySet().forEach(id -> found.putIfAbsent(id, none));
    return found;
  }

  public record AgingBucket(String bucket, BigDecimal openAmount, long invoices) {}

  /** The currencies receivables are open in, the most used first. */
  public List<String> openCurrencies() {
    return jdbc.queryForList("select currency from invoice where status <> 'PAID' group by currency order by count(*) desc, currency",
        String.class);
  }

  /** Open receivables in one currency by days past due on {@code today}: current, 1–30, 31–60, 61–90, 90+. */
  public List<AgingBucket> aging(LocalDate today, String currency) {
    Map<String, AgingBucket> found = new java.util.HashMap<>();
    jdbc.query("""
            select case when ? - due_date <= 0 then 'current' when ? - due_date <= 30 then '1-30'
                        when ? - due_date <= 60 then '31-60' when ? - due_date <= 90 then '61-90' else '90+' end as bucket,
                   sum(open_amount) as amount, count(*) as n
            from invoice where status <> 'PAID' and currency = ? group by 1""", rs -> {
      found.put(rs.getString("bucket"), new AgingBucket(rs.getString("bucket"), Money.of(rs.getBigDecimal("amount")), rs.getLong("n")));
    }, today, today, today, today, currency);
    return java.util.stream.Stream.of("current", "1-30", "31-60", "61-90", "90+")
        .map(b -> found.getOrDefault(b, new AgingBucket(b, Money.of(BigDecimal.ZERO), 0))).toList();
  }

  /**
   * Every invoice with money open, lightly, for cash application's ledger. The early-payment amount is
   * given only while nothing has been paid, as {@link #applyPayment} grants the discount only then.
   */
  @Transactional(readOnly = true)
  public List<OpenInvoice> openInvoices() {
    return jdbc.query("""
            select id, number, customer_id, open_amount, total, currency, due_date, early_discount_percent, early_discount_date
            from invoice where status <> 'PAID' and open_amount > 0 order by id""", (rs, i) -> {
      BigDecimal total = rs.getBigDecimal("total");
      BigDecimal open = rs.getBigDecimal("open_amount");
      BigDecimal percent = rs.getBigDecimal("early_discount_percent");
      java.sql.Date until = rs.getDate("early_discount_date");
      boolean discountable = percent != null && until != null && open.compareTo(total) == 0;
      BigDecimal early = discountable ? InvoiceView.earlyPaymentAmount(total, percent) : null;
      return new OpenInvoice(rs.getLong("id"), rs.getString("number"), rs.getLong("customer_id"), Money.of(open),
          rs.getString("currency"), rs.getDate("due_date").toLocalDate(), early, discountable ? until.toLocalDate() : null);
    });
  }

  /**
   * Writes off a small difference the customer left open, as policy allows. Once per {@code sourceRef}:
   * asking again returns the invoice as it stands. Never more than is open.
   */
  @Transactional
  public InvoiceView writeOff(String number, BigDecimal amount, String reason, String sourceRef, String actor) {
    Invoice invoice = invoices.lockByNumber(number)
        .orElseThrow(() -> new InvalidRequestException("invoiceNumber", "Invoice " + number + " does not exist"));
    Integer done = jdbc.queryForObject("select count(*) from invoice_write_off where source_ref = ?", Integer.class, sourceRef);
    if (done != null && done > 0) {
      return invoice.view();
    }
    BigDecimal writtenOff = Money.of(amount).min(Money.of(invoice.getOpenAmount()));
    if (writtenOff.signum() <= 0) {
      return invoice.view();
    }
    invoice.credit(writtenOff, false);
    jdbc.update("insert into invoice_write_off(invoice_id, amount, currency, reason, source_ref, created_at) values (?, ?, ?, ?, ?, ?)",
        invoice.getId(), writtenOff, invoice.getCurrency(), reason, sourceRef, java.sql.Timestamp.from(clock.instant()));
    audit.record(actor, "invoice.written-off", "invoice:" + invoice.getId(), Map.of(
        "amount", writtenOff, "reason", reason, "source", sourceRef, "openAmount", invoice.view().openAmount()));
    return invoice.view();
  }

  /**
   * Hands the invoice over to a collection agency or to legal: it leaves our dunning, and its status says
   * where it is. Once: asking again changes nothing and records nothing.
   */
  @Transactional
  public InvoiceView handOver(long id, InvoiceStatus to, String actor) {
    Invoice invoice = invoices.lockByNumber(get(id).number()).orElseThrow();
    InvoiceStatus before = invoice.getStatus();
    invoice.handOver(to);
    if (invoice.getStatus() != before) {
      audit.record(actor, "invoice.handed-over", "invoice:" + id, Map.of("status", to, "openAmount", invoice.view().openAmount()));
    }
    return invoice.view();
  }

  /** The invoice with this number, ignoring case and surrounding blanks (numbers are issued upper case). */
  @Transactional(readOnly = true)
  public Optional<InvoiceView> findByNumber(String number) {
    return invoices.findByNumber(number.strip().toUpperCase(java.util.Locale.ROOT)).map(Invoice::view);
  }
}
