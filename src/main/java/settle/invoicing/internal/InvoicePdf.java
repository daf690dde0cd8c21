package settle.invoicing.internal;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import settle.common.Company;
import settle.common.CreditorReference;
import settle.common.Money;
import settle.customers.CustomerDirectory;
import settle.customers.CustomerView;
import settle.invoicing.CreditNoteView;
import settle.invoicing.InvoiceView;

/**
 * Renders the invoice the customer's AP team files and pays: seller and buyer with addresses and VAT ids, the lines,
 * VAT, totals, terms, the bank account for the invoice's currency with the creditor reference, and for EUR the EPC QR
 * code. The PDF is a Factur-X/ZUGFeRD PDF/A-3 carrying the same invoice as EN 16931 XML.
 */
@Component
public class InvoicePdf {

  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
  private static final Color GREY = new Color(90, 90, 90);
  private static final Color RULE = new Color(200, 200, 200);
  private static final Color SHADE = new Color(243, 245, 248);
  // PDF/A wants every font embedded: Liberation Sans ships inside OpenPDF; bold is drawn by OpenPDF (fill + stroke)
  private static final BaseFont SANS = font();

  /** Renderings kept, the least recently used leaving first (some tens of megabytes at most). */
  private static final int KEPT = 512;

  private final CustomerDirectory customers;
  private final Company seller;
  /**
   * The last renderings, by everything they were rendered from (the invoice and its buyer as they are; the seller is
   * configuration): every reminder attaches the invoice again, and rendering it (PDF/A-3 with its XML and the QR code)
   * was most of a reminder's cost. A part payment, a credit or a new buyer address is another key, so a new rendering.
   */
  private final Map<List<Object>, byte[]> rendered = java.util.Collections.synchronizedMap(
      new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Object>, byte[]> eldest) {
          return size() > KEPT;
        }
      });

  InvoicePdf(CustomerDirectory customers, Company seller) {
    this.customers = customers;
    this.seller = seller;
  }

  public byte[] render(InvoiceView invoice) {
    CustomerView customer = customers.get(invoice.customerId());
    List<Object> from = List.of(invoice, customer);
    byte[] known = rendered.get(from);
    if (known == null) {
      known = EInvoice.facturX(visual(invoice, customer), EInvoice.of(invoice, customer, seller));
      rendered.put(from, known);
    }
    return known.clone();
  }

  /** The invoice as XRechnung XML (CII syntax). */
  public byte[] xrechnung(InvoiceView invoice) {
    return EInvoice.xrechnung(EInvoice.of(invoice, customers.get(invoice.customerId()), seller));
  }

  /** The EPC QR code for paying the amount by SEPA transfer; empty for another currency or no EUR account. */
  public java.util.Optional<byte[]> qrCode(InvoiceView invoice, BigDecimal amount, int size) {
    if (!invoice.currency().equals("EUR") || amount.signum() <= 0) {
      return java.util.Optional.empty();
    }
    return seller.account("EUR").map(a -> EpcQrCode.png(
        EpcQrCode.payload(seller.legalName(), a, amount, invoice.creditorReference()), size));
  }

  byte[] visual(InvoiceView invoice, CustomerView customer) {
    Vat vat = Vat.forBuyer(seller, customer);
    var out = new ByteArrayOutputStream();
    Document doc = new Document(PageSize.A4, 56, 56, 48, 56);
    PdfWriter writer = PdfWriter.getInstance(doc, out);
    writer.setPDFXConformance(PdfWriter.PDFA1B);
    doc.addTitle("Invoice " + invoice.printedNumber());
    doc.addAuthor(seller.legalName());
    doc.addSubject("Invoice " + invoice.number() + " to " + customer.name());
    doc.open();
    outputIntent(writer);

    // letterhead: seller left, the document's name right
    PdfPTable head = table(new float[] {3, 2});
    PdfPCell sellerCell = plain();
    sellerCell.addElement(new Paragraph(seller.legalName(), font(15, true, Color.BLACK)));
    sellerCell.addElement(new Paragraph(String.join(" · ", seller.addressLines()), font(8.5f, false, GREY)));
    head.addCell(sellerCell);
    PdfPCell title = plain();
    Paragraph t = new Paragraph("INVOICE", font(20, true, Color.BLACK));
    t.setAlignment(Element.ALIGN_RIGHT);
    title.addElement(t);
    head.addCell(title);
    doc.add(head);
    doc.add(space(18));

    // the buyer's address block left, the invoice's facts right
    PdfPTable parties = table(new float[] {3, 2.2f});
    PdfPCell buyer = plain();
    buyer.addElement(new Paragraph(customer.name(), font(10.5f, true, Color.BLACK)));
    if (customer.apContactName() != null && !customer.apContactName().isBlank()) {
      buyer.addElement(new Paragraph("Attn. " + customer.apContactName() + ", Accounts Payable", font(10, false, Color.BLACK)));
    }
    for (String line : customer.addressLines()) {
      buyer.addElement(new Paragraph(line, font(10, false, Color.BLACK)));
    }
    if (customer.vatId() != null && !customer.vatId().isBlank()) {
      buyer.addElement(new Paragraph("VAT id " + customer.vatId(), font(9, false, GREY)));
    }
    parties.addCell(buyer);
    PdfPTable facts = table(new float[] {1.1f, 1.4f});
    fact(facts, "Invoice number", invoice.printedNumber());
    fact(facts, "Invoice date", day(invoice.issueDate()));
    fact(facts, "Delivery date", day(invoice.issueDate()));
    fact(facts, "Due date", day(invoice.dueDate()));
    if (invoice.poNumber() != null) {
      fact(facts, "Your order", invoice.poNumber());
    }
    fact(facts, "Our VAT id", seller.vatId());
    PdfPCell factsCell = plain();
    factsCell.addElement(facts);
    parties.addCell(factsCell);
    doc.add(parties);
    doc.add(space(22));

    // the lines
    PdfPTable lines = table(new float[] {0.5f, 5, 1.3f, 1.8f, 1.9f});
    for (String h : List.of("#", "Description", "Quantity", "Unit price", "Amount")) {
      PdfPCell c = cell(h, font(9, true, Color.BLACK), h.equals("Description") || h.equals("#") ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
      c.setBackgroundColor(SHADE);
      c.setBorder(Rectangle.BOTTOM);
      c.setBorderColor(RULE);
      lines.addCell(c);
    }
    lines.setHeaderRows(1);
    for (InvoiceView.Line line : invoice.lines()) {
      lines.addCell(rule(cell(String.valueOf(line.lineNo()), font(9.5f, false, GREY), Element.ALIGN_LEFT)));
      lines.addCell(rule(cell(line.description(), font(9.5f, false, Color.BLACK), Element.ALIGN_LEFT)));
      lines.addCell(rule(cell(line.quantity().toPlainString(), font(9.5f, false, Color.BLACK), Element.ALIGN_RIGHT)));
      lines.addCell(rule(cell(Money.number(line.unitPrice()), font(9.5f, false, Color.BLACK), Element.ALIGN_RIGHT)));
      lines.addCell(rule(cell(Money.number(line.amount()), font(9.5f, false, Color.BLACK), Element.ALIGN_RIGHT)));
    }
    doc.add(lines);
    doc.add(space(8));

    // totals, right-aligned under the amount column
    String cur = invoice.currency();
    PdfPTable totals = table(new float[] {5, 2.2f, 1.9f});
    total(totals, "Subtotal", Money.format(invoice.subtotal(), cur), false);
    if (invoice.discountAmount().signum() != 0) {
      total(totals, "Discount " + invoice.discountPercent().toPlainString() + "%",
          "-" + Money.format(invoice.discountAmount(), cur), false);
    }
    BigDecimal net = vat.net(invoice.total());
    total(totals, "Net amount", Money.format(net, cur), false);
    total(totals, vat.words(), Money.format(invoice.total().subtract(net), cur), false);
    total(totals, "Total due", Money.format(invoice.total(), cur), true);
    doc.add(totals);
    if (vat.exemptionReason() != null) {
      doc.add(small(vat.exemptionReason() + "."));
    } else {
      doc.add(small("Prices include " + vat.words() + "."));
    }
    doc.add(space(14));

    // terms
    doc.add(new Paragraph("Payment terms " + invoice.paymentTerms() + ": please pay " + Money.format(invoice.total(), cur)
        + " by " + day(invoice.dueDate()) + ".", font(10, false, Color.BLACK)));
    if (invoice.earlyDiscountDate() != null) {
      doc.add(new Paragraph("Early-payment discount: pay " + Money.format(invoice.earlyPaymentAmount(), cur) + " by "
          + day(invoice.earlyDiscountDate()) + " and keep " + invoice.earlyDiscountPercent().toPlainString() + "% ("
          + Money.format(invoice.total().subtract(invoice.earlyPaymentAmount()), cur) + ").", font(10, false, Color.BLACK)));
    }
    doc.add(space(12));

    // how to pay: the account for this currency, the reference, and the QR code for EUR
    String reference = invoice.creditorReference();
    PdfPTable pay = table(new float[] {4, 1.6f});
    PdfPCell details = new PdfPCell();
    details.setBorder(Rectangle.NO_BORDER);
    details.setBackgroundColor(SHADE);
    details.setPadding(10);
    details.addElement(new Paragraph("How to pay", font(11, true, Color.BLACK)));
    PdfPTable bank = table(new float[] {1.2f, 3});
    var account = seller.account(cur);
    fact(bank, "Amount", Money.format(invoice.total(), cur));
    fact(bank, "Account holder", seller.legalName());
    if (account.isPresent()) {
      fact(bank, "IBAN", account.get().printedIban());
      fact(bank, "BIC", account.get().bic());
      fact(bank, "Bank", account.get().bankName());
    }
    fact(bank, "Reference", CreditorReference.printed(reference));
    details.addElement(bank);
    details.addElement(new Paragraph("Please quote the reference exactly; it lets us book your payment at once.",
        font(8.5f, false, GREY)));
    pay.addCell(details);
    PdfPCell qr = new PdfPCell();
    qr.setBorder(Rectangle.NO_BORDER);
    qr.setBackgroundColor(SHADE);
    qr.setPadding(6);
    var code = qrCode(invoice, invoice.total(), 300);
    if (code.isPresent()) {
      try {
        Image image = Image.getInstance(code.get());
        image.scaleToFit(100, 100);
        image.setAlignment(Element.ALIGN_CENTER);
        qr.addElement(image);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Paragraph caption = new Paragraph("Scan with your banking app (GiroCode)", font(7.5f, false, GREY));
      caption.setAlignment(Element.ALIGN_CENTER);
      qr.addElement(caption);
    }
    pay.addCell(qr);
    doc.add(pay);
    doc.add(space(16));
    doc.add(small(seller.legalName() + " · " + String.join(", ", seller.addressLines()) + " · VAT id " + seller.vatId()
        + " · " + seller.phone() + " · " + seller.email()));
    doc.close();
    return out.toByteArray();
  }

  public byte[] renderCreditNote(CreditNoteView note, InvoiceView invoice) {
    CustomerView customer = customers.get(invoice.customerId());
    var out = new ByteArrayOutputStream();
    Document doc = new Document(PageSize.A4, 56, 56, 48, 56);
    PdfWriter.getInstance(doc, out);
    String title = note.kind().equals("ADJUSTMENT") ? "Invoice adjustment " : "Credit memo ";
    doc.addTitle(title + note.number());
    doc.addAuthor(seller.legalName());
    doc.open();
    doc.add(new Paragraph(seller.legalName(), font(13, true, Color.BLACK)));
    doc.add(new Paragraph(String.join(" · ", seller.addressLines()) + " · VAT id " + seller.vatId(), font(8.5f, false, GREY)));
    doc.add(space(14));
    doc.add(new Paragraph(title + note.number(), font(18, true, Color.BLACK)));
    doc.add(space(8));
    doc.add(new Paragraph("For: " + customer.name(), font(10, false, Color.BLACK)));
    for (String line : customer.addressLines()) {
      doc.add(new Paragraph(line, font(10, false, Color.BLACK)));
    }
    doc.add(new Paragraph("Date: " + day(note.issuedOn()), font(10, false, Color.BLACK)));
    doc.add(new Paragraph("Against invoice " + invoice.number() + " of " + day(invoice.issueDate()), font(10, false, Color.BLACK)));
    doc.add(new Paragraph("Reason: " + note.reason(), font(10, false, Color.BLACK)));
    doc.add(space(8));
    PdfPTable totals = table(new float[] {5, 2.2f, 1.9f});
    total(totals, "Credited", Money.format(note.amount(), note.currency()), true);
    total(totals, "Still open on the invoice", Money.format(invoice.openAmount(), invoice.currency()), false);
    doc.add(totals);
    doc.close();
    return out.toByteArray();
  }

  static String day(LocalDate date) {
    return date.format(DAY);
  }

  private static BaseFont font() {
    try {
      return BaseFont.createFont("font-fallback/LiberationSans-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Font font(float size, boolean bold, Color color) {
    return new Font(SANS, size, bold ? Font.BOLD : Font.NORMAL, color);
  }

  private static void outputIntent(PdfWriter writer) {
    try {
      writer.setOutputIntents("Custom", "", "http://www.color.org", "sRGB IEC61966-2.1",
          ICC_Profile.getInstance(ColorSpace.CS_sRGB));
      writer.createXmpMetadata();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static PdfPTable table(float[] widths) {
    PdfPTable table = new PdfPTable(widths);
    table.setWidthPercentage(100);
    return table;
  }

  private static PdfPCell plain() {
    PdfPCell cell = new PdfPCell();
    cell.setBorder(Rectangle.NO_BORDER);
    cell.setPadding(0);
    return cell;
  }

  private static PdfPCell cell(String text, Font font, int align) {
    PdfPCell cell = new PdfPCell(new Phrase(text, font));
    cell.setHorizontalAlignment(align);
    cell.setPadding(5);
    cell.setBorder(Rectangle.NO_BORDER);
    return cell;
  }

  private static PdfPCell rule(PdfPCell cell) {
    cell.setBorder(Rectangle.BOTTOM);
    cell.setBorderColor(RULE);
    return cell;
  }

  private static void fact(PdfPTable table, String label, String value) {
    PdfPCell l = cell(label, font(9, false, GREY), Element.ALIGN_LEFT);
    l.setPadding(2);
    PdfPCell v = cell(value, font(9.5f, false, Color.BLACK), Element.ALIGN_LEFT);
    v.setPadding(2);
    table.addCell(l);
    table.addCell(v);
  }

  private static void total(PdfPTable table, String label, String amount, boolean strong) {
    table.addCell(cell("", font(10, false, Color.BLACK), Element.ALIGN_LEFT));
    PdfPCell l = cell(label, font(strong ? 11 : 10, strong, Color.BLACK), Element.ALIGN_RIGHT);
    PdfPCell a = cell(amount, font(strong ? 11 : 10, strong, Color.BLACK), Element.ALIGN_RIGHT);
    if (strong) {
      l.setBorder(Rectangle.TOP);
      a.setBorder(Rectangle.TOP);
      l.setBorderColor(Color.BLACK);
      a.setBorderColor(Color.BLACK);
    }
    l.setPadding(3);
    a.setPadding(3);
    table.addCell(l);
    table.addCell(a);
  }

  private static Paragraph small(String text) {
    Paragraph p = new Paragraph(text, font(8.5f, false, GREY));
    p.setAlignment(Element.ALIGN_LEFT);
    return p;
  }

  private static Paragraph space(float points) {
    Paragraph p = new Paragraph(new Chunk(" ", font(1, false, Color.BLACK)));
    p.setSpacingAfter(points);
    return p;
  }
}
