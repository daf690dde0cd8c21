package settle.invoicing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import settle.audit.AuditLog;
import settle.common.InvalidRequestException;
import settle.common.NotFoundException;
import settle.communication.MailOutbox;
import settle.communication.OutgoingMail;
import settle.customers.CustomerDirectory;
import settle.customers.CustomerView;
import settle.invoicing.internal.Invoice;
import settle.invoicing.internal.InvoicePdf;
import settle.invoicing.internal.InvoiceRepository;

/**
 * The customer's AP team corrects the purchase order an invoice quotes: the invoice keeps its number and amounts and is
 * re-issued as the next revision. The PDF sent before is kept as it was; the new one is mailed to the AP contact.
 */
@Service
public class InvoiceReissue {

  public record Revision(int revision, String poNumber, Instant replacedAt, String replacedBy) {}

  private final InvoiceRepository invoices;
  private final InvoicePdf pdf;
  private final CustomerDirectory customers;
  private final MailOutbox mail;
  private final AuditLog audit;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  InvoiceReissue(InvoiceRepository invoices, InvoicePdf pdf, CustomerDirectory customers, MailOutbox mail, AuditLog audit,
                 JdbcTemplate jdbc, Clock clock) {
    this.invoices = invoices;
    this.pdf = pdf;
    this.customers = customers;
    this.mail = mail;
    this.audit = audit;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional
  public InvoiceView correctPo(long invoiceId, String po, String actor) {
    String corrected = po == null ? "" : po.strip();
    if (corrected.isEmpty()) {
      throw new InvalidRequestException("poNumber", "Give the purchase order number");
    }
    if (corrected.length() > 100) {
      throw new InvalidRequestException("poNumber", "The purchase order number must be at most 100 characters");
    }
    jdbc.queryForObject("select id from invoice where id = ? for update", Long.class, invoiceId);
    Invoice invoice = invoices.findById(invoiceId).orElseThrow(() -> new NotFoundException("Invoice", invoiceId));
    InvoiceView before = invoice.view();
    if (corrected.equals(before.poNumber())) {
      throw new InvalidRequestException("poNumber", "The invoice already quotes purchase order " + corrected);
    }
    Instant now = clock.instant();
    jdbc.update("insert into invoice_revision(invoice_id, revision, po_number, pdf, replaced_at, replaced_by) values (?, ?, ?, ?, ?, ?)",
        invoiceId, before.revision(), before.poNumber(), pdf.render(before), Timestamp.from(now), actor);
    invoice.reissueWithPo(corrected);
    invoices.saveAndFlush(invoice);
    InvoiceView after = invoice.view();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("number", after.number());
    details.put("revision", after.revision());
    details.put("poNumber", corrected);
    details.put("previousPoNumber", before.poNumber());
    audit.record(actor, "invoice.reissued", "invoice:" + invoiceId, details);
    CustomerView customer = customers.get(after.customerId());
    mail.enqueue(new OutgoingMail("invoice:" + invoiceId + ":revision:" + after.revision(), customer.accountOwnerName(), customer.apEmail(),
        "Invoice " + after.printedNumber() + " with your purchase order " + corrected, "invoice-reissued",
        Map.of("invoice", after, "customer", customer, "previousPo", before.poNumber() == null ? "" : before.poNumber()),
        List.of(new OutgoingMail.Attachment(after.number() + "-rev" + after.revision() + ".pdf", "application/pdf", pdf.render(after))),
        "invoice:" + invoiceId, customer.apLanguage()));
    return after;
  }

  /** The versions sent before the current one, oldest first. */
  public List<Revision> earlier(long invoiceId) {
    return jdbc.query("select revision, po_number, replaced_at, replaced_by from invoice_revision where invoice_id = ? order by revision",
        (rs, n) -> new Revision(rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4)), invoiceId);
  }

  /** An earlier version's PDF exactly as it was sent. */
  public byte[] earlierPdf(long invoiceId, int revision) {
    return jdbc.query("select pdf from invoice_revision where invoice_id = ? and revision = ?", rs -> rs.next() ? rs.getBytes(1) : null,
        invoiceId, revision);
  }
}
