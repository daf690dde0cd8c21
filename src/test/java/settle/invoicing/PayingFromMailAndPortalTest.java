package settle.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;

import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import settle.customers.CustomerView;
import settle.portal.PortalLinks;
import settle.testdata.Api;
import settle.testdata.Journeys;
import settle.testdata.SettleTest;
import settle.testdata.Mails;

/** Everything the customer receives says how to pay: amount, IBAN, BIC and the RF reference; the portal adds the QR code. */
@SettleTest
class PayingFromMailAndPortalTest {

  @Autowired ApplicationContext context;
  @Autowired PortalLinks links;
  @LocalServerPort int port;

  @Test
  void the_invoice_mail_the_reminder_and_the_portal_carry_the_payment_block_with_the_rf_reference() throws Exception {
    Journeys journeys = new Journeys(context);
    CustomerView customer = journeys.customer(aCustomer());
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).line("Carts", "2", "595.00"));
    String rf = invoice.creditorReference();

    MimeMessage invoiceMail = journeys.awaitMailsTo(customer.apEmail(), 1).getFirst();
    assertThat(Mails.part(invoiceMail, "text/plain")).contains("Amount to pay: 1,190.00 EUR", "Account holder: Northwind Supplies GmbH",
        "IBAN: DE89 3704 0044 0532 0130 00", "BIC: COBADEFFXXX (Commerzbank)", "Payment reference: " + rf);
    assertThat(Mails.part(invoiceMail, "text/html")).contains("DE89 3704 0044 0532 0130 00", "COBADEFFXXX", rf, "1,190.00 EUR");

    journeys.advanceTo(invoice.dueDate());
    MimeMessage reminder = journeys.awaitMailsTo(customer.apEmail(), 2).get(1);
    assertThat(Mails.part(reminder, "text/plain")).contains("Amount due: 1,190.00 EUR", "Payment reference: " + rf,
        "IBAN DE89 3704 0044 0532 0130 00, BIC COBADEFFXXX (Commerzbank)");
    assertThat(Mails.part(reminder, "text/html")).contains(rf, "DE89 3704 0044 0532 0130 00", "COBADEFFXXX");

    String path = links.invoiceUrl(invoice.id()).replace("http://localhost:8080", "");
    Api portal = new Api(port).anonymous();
    String page = new String(portal.get(path).bytes(), StandardCharsets.UTF_8);
    assertThat(page).contains("DE89 3704 0044 0532 0130 00", "COBADEFFXXX", rf, "Northwind Supplies GmbH")
        .contains(path + "/qr.png");
    Api.Response qr = portal.get(path + "/qr.png");
    assertThat(qr.contentType()).startsWith("image/png");
    assertThat(PayableInvoicePdfTest.decodeQr(ImageIO.read(new ByteArrayInputStream(qr.bytes())))).isEqualTo(String.join("\n",
        "BCD", "002", "1", "SCT", "COBADEFFXXX", "Northwind Supplies GmbH", "DE89370400440532013000", "EUR1190.00", "", rf));
  }

  @Test
  void a_usd_invoice_names_the_usd_account_and_has_no_sepa_qr_code() {
    Journeys journeys = new Journeys(context);
    CustomerView customer = journeys.customer(aCustomer().inCurrency("USD"));
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("800.00"));

    String path = links.invoiceUrl(invoice.id()).replace("http://localhost:8080", "");
    Api portal = new Api(port).anonymous();
    String page = new String(portal.get(path).bytes(), StandardCharsets.UTF_8);
    assertThat(page).contains("DE62 3704 0044 0532 0130 01", invoice.creditorReference()).doesNotContain("qr.png");
    assertThat(portal.get(path + "/qr.png").status()).isEqualTo(404);
  }

  @Test
  void staff_download_the_xrechnung_as_xml_and_an_unknown_format_is_a_problem_naming_the_field() {
    Journeys journeys = new Journeys(context);
    CustomerView customer = journeys.customer(aCustomer());
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("300.00"));
    Api staff = new Api(port);

    Api.Response xml = staff.get("/api/invoices/" + invoice.id() + "/e-invoice?format=xrechnung");
    assertThat(xml.status()).isEqualTo(200);
    assertThat(xml.contentType()).startsWith("application/xml");
    assertThat(new String(xml.bytes(), StandardCharsets.UTF_8)).contains("CrossIndustryInvoice", "xrechnung", invoice.number());

    Api.Response wrong = staff.get("/api/invoices/" + invoice.id() + "/e-invoice?format=pdf");
    assertThat(wrong.status()).isBetween(400, 499);
    assertThat(wrong.contentType()).startsWith("application/problem+json");
    assertThat(wrong.body().toString()).contains("format");
  }

}
