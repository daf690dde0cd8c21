package settle.selfservice.internal;

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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import settle.common.Money;
import settle.customers.CustomerView;

/**
 * The statement of account: every entry that moved what the customer owes on their invoices in one currency over a
 * period, from the opening balance to the closing one. The closing balance on a day is the sum of the invoices' open
 * amounts that day, the figure the account summary shows as open. Money held on account (unapplied cash, unused credit)
 * is not owed and is shown beside the balance, not in it.
 */
@Service
class StatementOfAccount {

  /** One entry: {@code debit} raises what is owed (an invoice, a returned payment), {@code credit} lowers it. */
  record Entry(LocalDate date, String document, String kind, BigDecimal debit, BigDecimal credit) {}

  record Statement(CustomerView customer, String currency, LocalDate from, LocalDate to, BigDecimal opening,
                   List<Entry> entries, BigDecimal closing, BigDecimal debits, BigDecimal credits) {}

  private final JdbcTemplate jdbc;
  private final MessageSource messages;
  private final String companyName;

  StatementOfAccount(JdbcTemplate jdbc, MessageSource messages, @Value("${settle.company-name}") String companyName) {
    this.jdbc = jdbc;
    this.messages = messages;
    this.companyName = companyName;
  }

  Statement of(CustomerView customer, String currency, LocalDate from, LocalDate to) {
    List<Entry> all = jdbc.query("""
            with mine as (select * from invoice where customer_id = ? and currency = ?)
            -- an invoice at what it was issued for: adjustments lowered its total later and appear as their own entries
            select i.issue_date as day, i.number as document, 'INVOICE' as kind,
                   i.total + coalesce((select sum(n.amount) from credit_note n where n.invoice_id = i.id and n.kind = 'ADJUSTMENT'), 0) as debit,
                   0 as credit, 1 as ord, i.id as seq from mine i
            union all
            -- the part of a credit note its invoice absorbed; the rest went to the credit balance
            select n.issued_on, n.number, n.kind, 0, n.amount - n.unabsorbed, 2, n.id from credit_note n join mine i on i.id = n.invoice_id
            union all
            select p.value_date, i.number, 'PAYMENT', 0, p.amount, 3, p.id from payment p join mine i on i.id = p.invoice_id
            union all
            select cast(p.reversed_at at time zone ? as date), i.number, 'PAYMENT_RETURNED', p.amount, 0, 4, p.id
              from payment p join mine i on i.id = p.invoice_id where p.reversed_at is not null
            union all
            select cast(w.created_at at time zone ? as date), i.number,
                   case when w.source_ref like 'early-discount:%' then 'EARLY_DISCOUNT' else 'WRITE_OFF' end, 0, w.amount, 5, w.id
              from invoice_write_off w join mine i on i.id = w.invoice_id
            union all
            select cast(e.created_at at time zone ? as date), i.number, 'CREDIT_APPLIED', 0, -e.amount, 6, e.id
              from customer_credit_entry e join mine i on i.id = e.invoice_id where e.kind = 'APPLIED'
            order by 1, 6, 7""",
        (rs, i) -> new Entry(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3), Money.of(rs.getBigDecimal(4)),
            Money.of(rs.getBigDecimal(5))),
        customer.id(), currency, customer.timeZone(), customer.timeZone(), customer.timeZone());
    BigDecimal opening = Money.of(BigDecimal.ZERO);
    List<Entry> within = new ArrayList<>();
    for (Entry e : all) {
      if (e.date().isBefore(from)) {
        opening = opening.add(e.debit()).subtract(e.credit());
      } else if (!e.date().isAfter(to)) {
        within.add(e);
      }
    }
    BigDecimal debits = Money.of(within.stream().map(Entry::debit).reduce(BigDecimal.ZERO, BigDecimal::add));
    BigDecimal credits = Money.of(within.stream().map(Entry::credit).reduce(BigDecimal.ZERO, BigDecimal::add));
    return new Statement(customer, currency, from, to, opening, within, opening.add(debits).subtract(credits), debits, credits);
  }

  byte[] pdf(Statement s, PortalFormat fmt) {
    var out = new ByteArrayOutputStream();
    Font normal = new Font(Font.HELVETICA, 10);
    Font bold = new Font(Font.HELVETICA, 10, Font.BOLD);
    Document doc = new Document(PageSize.A4, 50, 50, 50, 50);
    PdfWriter.getInstance(doc, out);
    doc.addTitle(text("statement.title", fmt) + " " + s.customer().name());
    doc.addAuthor(companyName);
    doc.open();
    doc.add(new Paragraph(companyName, bold));
    doc.add(new Paragraph(text("statement.title", fmt), new Font(Font.HELVETICA, 16, Font.BOLD)));
    doc.add(new Paragraph(" "));
    doc.add(new Paragraph(s.customer().name(), bold));
    for (String line : s.customer().addressLines()) {
      doc.add(new Paragraph(line, normal));
    }
    doc.add(new Paragraph(" "));
    doc.add(new Paragraph(text("statement.period", fmt, fmt.date(s.from()), fmt.date(s.to())) + " · "
        + text("statement.currency", fmt, s.currency()), normal));
    doc.add(new Paragraph(" "));
    PdfPTable table = new PdfPTable(new float[] {2, 3, 4, 2.5f, 2.5f, 2.5f});
    table.setWidthPercentage(100);
    table.setHeaderRows(1);
    for (String h : new String[] {"date", "document", "description", "debit", "credit", "balance"}) {
      table.addCell(cell(text("statement.column." + h, fmt), bold, h.equals("debit") || h.equals("credit") || h.equals("balance")));
    }
    table.addCell(cell(fmt.date(s.from()), bold, false));
    table.addCell(cell("", normal, false));
    table.addCell(cell(text("statement.opening", fmt), bold, false));
    table.addCell(cell("", normal, true));
    table.addCell(cell("", normal, true));
    table.addCell(cell(fmt.money(s.opening(), s.currency()), bold, true));
    BigDecimal balance = s.opening();
    for (Entry e : s.entries()) {
      balance = balance.add(e.debit()).subtract(e.credit());
      table.addCell(cell(fmt.date(e.date()), normal, false));
      table.addCell(cell(e.document(), normal, false));
      table.addCell(cell(text("statement.kind." + e.kind(), fmt), normal, false));
      table.addCell(cell(e.debit().signum() == 0 ? "" : fmt.money(e.debit(), s.currency()), normal, true));
      table.addCell(cell(e.credit().signum() == 0 ? "" : fmt.money(e.credit(), s.currency()), normal, true));
      table.addCell(cell(fmt.money(balance, s.currency()), normal, true));
    }
    table.addCell(cell(fmt.date(s.to()), bold, false));
    table.addCell(cell("", normal, false));
    table.addCell(cell(text("statement.closing", fmt), bold, false));
    table.addCell(cell(fmt.money(s.debits(), s.currency()), bold, true));
    table.addCell(cell(fmt.money(s.credits(), s.currency()), bold, true));
    table.addCell(cell(fmt.money(s.closing(), s.currency()), bold, true));
    doc.add(table);
    doc.add(new Paragraph(" "));
    doc.add(new Paragraph(text("statement.footer", fmt), normal));
    doc.close();
    return out.toByteArray();
  }

  private String text(String key, PortalFormat fmt, Object... args) {
    return messages.getMessage(key, args, fmt.locale());
  }

  private static PdfPCell cell(String text, Font font, boolean right) {
    PdfPCell cell = new PdfPCell(new Phrase(text, font));
    cell.setHorizontalAlignment(right ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
    cell.setPadding(4);
    return cell;
  }
}
