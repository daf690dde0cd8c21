package settle.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import settle.audit.AuditLog;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceView;
import settle.testdata.Journeys;
import settle.testdata.PortalClient;
import settle.testdata.SettleTest;

/** The AP contact corrects an invoice's purchase order: the invoice is re-issued as the next revision, the old PDF kept. */
@SettleTest
class PortalReissueIT {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired PortalLinks links;
  @Autowired AuditLog audit;
  Journeys journeys;
  CustomerView customer;
  InvoiceView invoice;
  PortalClient browser;
  String page;

  @BeforeEach
  void setUp() {
    journeys = new Journeys(context);
    customer = journeys.customer(aCustomer());
    invoice = journeys.invoiced(anOrderFor(customer.id()).worth("640.00").po("PO-WRONG-1"));
    browser = new PortalClient(port, "en");
    page = PortalClient.path(links.invoiceUrl(invoice.id()));
    assertThat(browser.get(page).status()).isEqualTo(200);
  }

  @Test
  void aCorrectedPoReissuesTheInvoiceAsRevisionTwoMailsTheNewPdfAndKeepsTheOldOne() throws Exception {
    PortalClient.Page sent = browser.post(page + "/po", Map.of("poNumber", "PO-4711"), true);

    assertThat(sent.status()).isEqualTo(302);
    String after = browser.get(PortalClient.path(sent.location())).body();
    assertThat(after).contains("Invoice " + invoice.number() + " rev. 2").contains("now quotes purchase order PO-4711")
        .contains("Earlier versions").contains("with purchase order PO-WRONG-1");
    InvoiceView reissued = journeys.invoices.get(invoice.id());
    assertThat(reissued.revision()).isEqualTo(2);
    assertThat(reissued.poNumber()).isEqualTo("PO-4711");
    assertThat(reissued.number()).isEqualTo(invoice.number());

    assertThat(text(browser.get(page + "/pdf").bytes())).contains(invoice.number() + " rev. 2").contains("PO-4711");
    PortalClient.Page old = browser.get(page + "/revisions/1/pdf");
    assertThat(old.contentType()).startsWith("application/pdf");
    assertThat(text(old.bytes())).contains("PO-WRONG-1").doesNotContain("rev. 2");
    assertThat(browser.get(page + "/revisions/2/pdf").status()).as("the current version is the invoice PDF itself").isEqualTo(404);

    // the first invoice's own mail may still be on its way: the re-issue is found by its subject, then read whole
    MimeMessage mail = journeys.awaitMailTo(customer.apEmail(), "rev. 2");
    assertThat(mail.getSubject()).isEqualTo("Invoice " + invoice.number() + " rev. 2 with your purchase order PO-4711");
    byte[] attached = pdfAttachment(mail);
    assertThat(text(attached)).contains(invoice.number() + " rev. 2").contains("PO-4711");
    assertThat(audit.trail("invoice:" + invoice.id())).anySatisfy(e -> {
      assertThat(e.action()).isEqualTo("invoice.reissued");
      assertThat(e.actor()).isEqualTo("portal:" + customer.apEmail());
    });
  }

  @Test
  void anEmptyPoChangesNothingAndSaysWhy() {
    PortalClient.Page sent = browser.post(page + "/po", Map.of("poNumber", "  "), true);
    assertThat(browser.get(PortalClient.path(sent.location())).body()).contains("Nothing was changed: Give the purchase order number");
    assertThat(journeys.invoices.get(invoice.id()).revision()).isOne();
    assertThat(browser.post(page + "/po", Map.of("poNumber", "PO-X"), false).status()).as("without the CSRF token").isEqualTo(403);
  }

  private static byte[] pdfAttachment(MimeMessage mail) throws Exception {
    await().until(() -> mail.getContent() instanceof Multipart);
    return find((Multipart) mail.getContent());
  }

  private static byte[] find(Multipart multipart) throws Exception {
    for (int i = 0; i < multipart.getCount(); i++) {
      BodyPart part = multipart.getBodyPart(i);
      if (part.getContent() instanceof Multipart inner) {
        byte[] found = find(inner);
        if (found != null) {
          return found;
        }
      } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) && part.getContentType().startsWith("application/pdf")) {
        return part.getInputStream().readAllBytes();
      }
    }
    return null;
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }
}
