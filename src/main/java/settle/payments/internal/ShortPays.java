package settle.payments.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import settle.audit.AuditLog;
import settle.common.Money;
import settle.communication.MailOutbox;
import settle.communication.OutgoingMail;
import settle.customers.CustomerDirectory;
import settle.customers.CustomerView;
import settle.disputes.DisputeView;
import settle.disputes.Disputes;
import settle.disputes.SegmentationInputs;
import settle.disputes.RaiseDispute;
import settle.disputes.ReasonCode;
import settle.invoicing.InvoiceView;
import settle.invoicing.Invoices;
import settle.payments.CashApplication;
import settle.payments.Payments;

/**
 * A line that paid an invoice short, after dmn/short-pay-tolerance.dmn decided: write the difference
 * off, open a deduction dispute, or ask the customer. Each action happens once per line, however
 * often its job is delivered.
 */
@Service
class ShortPays {

  private final JdbcTemplate jdbc;
  private final Invoices invoices;
  private final CustomerDirectory customers;
  private final Disputes disputes;
  private final MailOutbox mail;
  private final Payments payments;
  private final AuditLog audit;
  private final settle.portal.PortalLinks portal;
  private final TransactionTemplate transaction;

  ShortPays(JdbcTemplate jdbc, Invoices invoices, CustomerDirectory customers, Disputes disputes, MailOutbox mail,
            Payments payments, AuditLog audit, settle.portal.PortalLinks portal, TransactionTemplate transaction) {
    this.portal = portal;
    this.transaction = transaction;
    this.jdbc = jdbc;
    this.invoices = invoices;
    this.customers = customers;
    this.disputes = disputes;
    this.mail = mail;
    this.payments = payments;
    this.audit = audit;
  }

  /** What the tolerance table and the segmentation table need to know. */
  record Assessment(String invoiceNumber, long customerId, BigDecimal differenceAmount, BigDecimal differencePercent,
                    String statedReason, String riskRating, BigDecimal customerOpenBalance, long tenureDays,
                    int disputesLast12Months) {}

  @Transactional(readOnly = true)
  public Assessment assess(long lineId) {
    ShortPay shortPay = shortPay(lineId);
    CustomerView customer = customers.get(shortPay.customerId());
    BigDecimal applied = jdbc.queryForObject("select coalesce(sum(amount + discount), 0) from bank_statement_match where line_id = ? and invoice_number = ?",
        BigDecimal.class, lineId, shortPay.invoiceNumber());
    BigDecimal openBefore = shortPay.difference().add(applied);
    BigDecimal percent = shortPay.difference().multiply(BigDecimal.valueOf(100)).divide(openBefore, 2, RoundingMode.HALF_EVEN);
    SegmentationInputs segmentation = disputes.segmentationInputs(customer);
    return new Assessment(shortPay.invoiceNumber(), customer.id(), shortPay.difference(), percent,
        StatedReasons.in(shortPay.remittance()), segmentation.riskRating(), segmentation.customerOpenBalance(),
        segmentation.tenureDays(), segmentation.disputesLast12Months());
  }

  @Transactional
  public void writeOff(long lineId, String reason) {
    if (!claim(lineId, "WRITE_OFF", "WRITTEN_OFF")) {
      return;
    }
    ShortPay shortPay = shortPay(lineId);
    InvoiceView invoice = invoices.writeOff(shortPay.invoiceNumber(), shortPay.difference(), "Short pay within tolerance: " + reason,
        "statement-line:" + lineId + ":write-off", CashApplication.ACTOR);
    // the collection loop hears of it as it hears of a payment
    payments.tellCollection(invoice);
    audit.record(CashApplication.ACTOR, "statement-line.written-off", "statement:" + shortPay.statementId(), Map.of(
        "line", shortPay.lineNo(), "invoice", invoice.number(), "amount", shortPay.difference(), "reason", reason));
  }

  /**
   * Opens the deduction dispute, once per line. The routing tables are asked before the transaction: an engine call
   * inside it would hold the line's and the invoice's locks for the round trip.
   */
  public void openDeduction(long lineId, String statedReason, String reason) {
    if (jdbc.queryForObject("select short_pay_action is not null from bank_statement_line where id = ?", Boolean.class, lineId)) {
      return;
    }
    ShortPay shortPay = shortPay(lineId);
    InvoiceView invoice = invoices.findByNumber(shortPay.invoiceNumber()).orElseThrow();
    ReasonCode code = Arrays.stream(ReasonCode.values()).filter(r -> r.name().equals(statedReason)).findFirst()
        .orElse(ReasonCode.SHORT_PAYMENT);
    String description = "Deduction taken in payment " + shortPay.reference() + ": paid " + shortPay.amount() + " "
        + invoice.currency() + ", " + shortPay.difference() + " short on " + invoice.number() + ". " + reason + "."
        + (shortPay.remittance() == null ? "" : " Remittance: " + shortPay.remittance());
    RaiseDispute request = new RaiseDispute(code, shortPay.difference(), description, "Cash application", invoice.customerId());
    Disputes.Routing routing = alreadyDisputed(shortPay, invoice) ? null : disputes.route(invoice.id(), request);
    transaction.executeWithoutResult(status -> openDeduction(lineId, shortPay, request, routing));
  }

  /** A difference the customer already disputes (dispute first, then pay the rest) is that dispute, not a new one. */
  private boolean alreadyDisputed(ShortPay shortPay, InvoiceView invoice) {
    return shortPay.difference().compareTo(disputes.undisputedOpenAmount(invoice)) > 0;
  }

  private void openDeduction(long lineId, ShortPay shortPay, RaiseDispute request, Disputes.Routing routing) {
    if (!claim(lineId, "DEDUCTION", "DEDUCTION")) {
      return;
    }
    InvoiceView invoice = invoices.findByNumber(shortPay.invoiceNumber()).orElseThrow();
    if (alreadyDisputed(shortPay, invoice)) {
      Long existing = disputes.find(null, null, invoice.id()).stream().filter(d -> !"RESOLVED".equals(d.status()))
          .map(DisputeView::id).findFirst().orElse(null);
      jdbc.update("update bank_statement_line set dispute_id = ? where id = ?", existing, lineId);
      audit.record(CashApplication.ACTOR, "statement-line.deduction-already-disputed", "statement:" + shortPay.statementId(),
          Map.of("line", shortPay.lineNo(), "invoice", invoice.number(), "amount", shortPay.difference(),
              "disputeId", String.valueOf(existing)));
      return;
    }
    if (routing == null) {
      // the dispute it waited on was resolved a moment ago: the job fails, and its next delivery asks the tables
      throw new IllegalStateException("Invoice " + invoice.number() + " is no longer disputed; the deduction is routed again");
    }
    DisputeView dispute = disputes.raise(invoice.id(), request, List.of(), CashApplication.ACTOR, routing);
    jdbc.update("update bank_statement_line set dispute_id = ? where id = ?", dispute.id(), lineId);
    audit.record(CashApplication.ACTOR, "statement-line.deduction", "statement:" + shortPay.statementId(), Map.of(
        "line", shortPay.lineNo(), "invoice", invoice.number(), "amount", shortPay.difference(), "disputeId", dispute.id(),
        "reasonCode", request.reasonCode().name()));
  }

  @Transactional
  public void askCustomer(long lineId, String reason) {
    if (!claim(lineId, "ASK_CUSTOMER", "AUTO_MATCHED")) {
      return;
    }
    ShortPay shortPay = shortPay(lineId);
    InvoiceView invoice = invoices.findByNumber(shortPay.invoiceNumber()).orElseThrow();
    CustomerView customer = customers.get(invoice.customerId());
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("customer", customer);
    model.put("invoice", invoice);
    model.put("paid", shortPay.amount());
    model.put("difference", shortPay.difference());
    model.put("valueDate", shortPay.valueDate());
    model.put("remittance", shortPay.remittance() == null ? "" : shortPay.remittance());
    model.put("answerUrl", portal.accountUrl(customer.id()) + "/short-pays/" + lineId);
    mail.enqueue(new OutgoingMail("statement-line:" + lineId + ":short-pay-query", mail.arTeamName(), customer.apEmail(),
        "Your payment for invoice " + invoice.number() + ": " + shortPay.difference() + " " + invoice.currency() + " short",
        "short-pay-query", model, List.of(), "invoice:" + invoice.id(), customer.apLanguage()));
    audit.record(CashApplication.ACTOR, "statement-line.customer-asked", "statement:" + shortPay.statementId(), Map.of(
        "line", shortPay.lineNo(), "invoice", invoice.number(), "amount", shortPay.difference(), "reason", reason));
  }

  /** Marks the line's short pay as handled; false if an earlier delivery of the job already did. */
  private boolean claim(long lineId, String action, String status) {
    return jdbc.update("""
        update bank_statement_line set short_pay_action = ?, status = ?, version = version + 1
        where id = ? and short_pay_action is null""", action, status, lineId) == 1;
  }

  private record ShortPay(long statementId, int lineNo, String reference, BigDecimal amount, LocalDate valueDate,
                          String remittance, String invoiceNumber, long customerId, BigDecimal difference) {}

  private ShortPay shortPay(long lineId) {
    return jdbc.queryForObject("select * from bank_statement_line where id = ?", (rs, i) -> new ShortPay(rs.getLong("statement_id"),
        rs.getInt("line_no"), Postings.StoredLine.paymentReference(rs.getLong("statement_id"), rs.getInt("line_no")),
        Money.of(rs.getBigDecimal("amount")), rs.getDate("value_date").toLocalDate(), rs.getString("remittance"),
        rs.getString("short_pay_invoice"), rs.getLong("customer_id"), Money.of(rs.getBigDecimal("shortfall"))), lineId);
  }
}
