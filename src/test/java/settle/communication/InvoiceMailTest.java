package settle.communication;

import static org.assertj.core.api.Assertions.assertThat;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceView;
import settle.testdata.Journeys;
import settle.testdata.SettleTest;

/** What the customer's AP team receives, read from the MIME the SMTP server got. */
@SettleTest
class InvoiceMailTest {

  @Autowired ApplicationContext context;

  @Test
  void invoiceMailComesFromTheAccountOwnersAliasWithThePdfAttached() throws Exception {
    Journeys journeys = new Journeys(context);
    CustomerView customer = journeys.customer(aCustomer().ownedBy("Dana Whitfield"));
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).line("Carts", "2", "500.00").terms("2/10 NET30"));

    MimeMessage mail = journeys.awaitMailsTo(customer.apEmail(), 1).getFirst();

    InternetAddress from = (InternetAddress) mail.getFrom()[0];
    assertThat(from.getPersonal()).isEqualTo("Dana Whitfield");
    assertThat(from.getAddress()).isEqualTo("ar@northwind.example");
    assertThat(mail.getReplyTo()[0].toString()).isEqualTo("ar@northwind.example");
    assertThat(mail.getSubject()).isEqualTo("Invoice " + invoice.number() + " from Northwind Supplies");

    List<Part> parts = new ArrayList<>();
    flatten(mail, parts);
    Part pdf = parts.stream().filter(p -> invoice.number().concat(".pdf").equals(fileName(p))).findFirst().orElseThrow();
    assertThat(pdf.getContentType()).startsWith("application/pdf");
    try (PDDocument doc = Loader.loadPDF(pdf.getInputStream().readAllBytes())) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("Invoice number " + invoice.number()).contains("Total due 1,000.00 EUR")
          .contains("pay 980.00 EUR by " + invoice.earlyDiscountDate().format(
              java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH)));
    }
    String html = (String) parts.stream().filter(p -> isType(p, "text/html")).findFirst().orElseThrow().getContent();
    assertThat(html).contains("980.00 EUR").contains(settle.testdata.Mails.day(invoice.earlyDiscountDate()))
        .doesNotContain(invoice.earlyDiscountDate().toString());
    String text = (String) parts.stream().filter(p -> isType(p, "text/plain")).findFirst().orElseThrow().getContent();
    assertThat(text).contains("please find attached invoice " + invoice.number() + " for 1,000.00 EUR");
  }

  private static void flatten(Part part, List<Part> into) throws Exception {
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart body = multipart.getBodyPart(i);
        flatten(body, into);
      }
    } else {
      into.add(part);
    }
  }

  private static String fileName(Part part) {
    try {
      return part.getFileName();
    } catch (Exception e) {
      return null;
    }
  }

  private static boolean isType(Part part, String type) {
    try {
      return part.isMimeType(type) && part.getFileName() == null;
    } catch (Exception e) {
      return false;
    }
  }
}
