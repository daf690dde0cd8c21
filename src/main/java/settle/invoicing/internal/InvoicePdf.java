package settle.invoicing.internal;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import settle.customers.CustomerDirectory;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceView;

/** Renders the invoice document the customer's AP team files. */
@Component
public class InvoicePdf {

  private static final Font TITLE = new Font(Font.HELVETICA, 20, Font.BOLD);
  private static final Font BOLD = new Font(Font.HELVETICA, 10, Font.BOLD);
  private static final Font NORMAL = new Font(Font.HELVETICA, 10);

  private final CustomerDirectory customers;
  private final String companyName;

  InvoicePdf(CustomerDirectory customers, @Value("${settle.company-name}") String companyName) {
    this.customers = customers;
    this.companyName = companyName;
  }

  public byte[] render(InvoiceView invoice) {
    CustomerView customer = customers.get(invoice.customerId());
    var out = new ByteArrayOutputStream();
    Document doc = new Document(PageSize.A4, 50, 50, 50, 50);
    PdfWriter.getInstance(doc, out);
    doc.addTitle("Invoice " + invoice.number());
    doc.addAuthor(companyName);
    doc.open();
    doc.add(new Paragraph(companyName, BOLD));
    doc.add(new Paragraph("Invoice " + invoice.number(), TITLE));
    doc.add(new Paragraph(" "));
    doc.add(new Paragraph("Bill to: " + customer.name(), NORMAL));
    doc.add(new Paragraph("Issue date: " + invoice.issueDate(), NORMAL));
    doc.add(new Paragraph("Due date: " + invoice.dueDate(), NORMAL));
    doc.add(new Paragraph("Payment terms: " + invoice.paymentTerms(), NORMAL));
    if (invoice.poNumber() != null) {
      doc.add(new Paragraph("Your PO: " + invoice.poNumber(), NORMAL));
    }
    doc.add(new Paragraph(" "));

    PdfPTable table = new PdfPTable(new float[] {6, 1.5f, 2, 2});
    table.setWidthPercentage(100);
    for (String h : new String[] {"Description", "Quantity", "Unit price", "Amount"}) {
      table.addCell(cell(h, BOLD, h.equals("Description") ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT));
    }
    for (InvoiceView.Line line : invoice.lines()) {
      table.addCell(cell(line.description(), NORMAL, Element.ALIGN_LEFT));
      table.addCell(cell(line.quantity().toPlainString(), NORMAL, Element.ALIGN_RIGHT));
      table.addCell(cell(line.unitPrice().toPlainString(), NORMAL, Element.ALIGN_RIGHT));
      table.addCell(cell(line.amount().toPlainString(), NORMAL, Element.ALIGN_RIGHT));
    }
    doc.add(table);
    doc.add(new Paragraph(" "));
    doc.add(total("Subtotal", invoice.subtotal(), invoice.currency(), NORMAL));
    if (invoice.discountAmount().signum() != 0) {
      doc.add(total("Discount " + invoice.discountPercent().toPlainString() + "%", invoice.discountAmount().negate(),
          invoice.currency(), NORMAL));
    }
    doc.add(total("Total due", invoice.total(), invoice.currency(), BOLD));
    if (invoice.earlyDiscountDate() != null) {
      doc.add(new Paragraph(" "));
      doc.add(new Paragraph("Pay " + invoice.earlyPaymentAmount().toPlainString() + " " + invoice.currency()
          + " by " + invoice.earlyDiscountDate() + " to take the " + invoice.earlyDiscountPercent().toPlainString()
          + "% early-payment discount.", NORMAL));
    }
    doc.add(new Paragraph(" "));
    doc.add(new Paragraph("Please quote " + invoice.number() + " with your payment.", NORMAL));
    doc.close();
    return out.toByteArray();
  }

  public byte[] renderCreditNote(settle.invoicing.CreditNoteView note, InvoiceView invoice) {
    CustomerView customer = customers.get(invoice.customerId());
    var out = new ByteArrayOutputStream();
    Document doc = new Document(PageSize.A4, 50, 50, 50, 50);
    PdfWriter.getInstance(doc, out);
    String title = note.kind().equals("ADJUSTMENT") ? "Invoice adjustment " : "Credit memo ";
    doc.addTitle(title + note.number());
    doc.addAuthor(companyName);
    doc.open();
    doc.add(new Paragraph(companyName, BOLD));
    doc.add(new Paragraph(title + note.number(), TITLE));
    doc.add(new Paragraph(" "));
    doc.add(new Paragraph("For: " + customer.name(), NORMAL));
    doc.add(new Paragraph("Date: " + note.issuedOn(), NORMAL));
    doc.add(new Paragraph("Against invoice " + invoice.number() + " of " + invoice.issueDate(), NORMAL));
    doc.add(new Paragraph("Reason: " + note.reason(), NORMAL));
    doc.add(new Paragraph(" "));
    doc.add(total("Credited", note.amount(), note.currency(), BOLD));
    doc.add(total("Still open on the invoice", invoice.openAmount(), invoice.currency(), NORMAL));
    doc.close();
    return out.toByteArray();
  }

  private static PdfPCell cell(String text, Font font, int align) {
    PdfPCell cell = new PdfPCell(new Phrase(text, font));
    cell.setHorizontalAlignment(align);
    cell.setPadding(4);
    return cell;
  }

  private static Paragraph total(String label, BigDecimal amount, String currency, Font font) {
    Paragraph p = new Paragraph(label + ": " + amount.toPlainString() + " " + currency, font);
    p.setAlignment(Element.ALIGN_RIGHT);
    return p;
  }
}
