package settle.communication;

import static org.assertj.core.api.Assertions.assertThat;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceView;
import settle.portal.PortalLinks;
import settle.testdata.Journeys;
import settle.testdata.Mails;
import settle.testdata.SettleTest;

/**
 * The AP contact's language on file decides what they read: the invoice and reminder mails, with figures and dates as a
 * German reader writes them, and the portal pages whatever the browser asks for. Without one on file, mails are English
 * and the portal follows the browser.
 */
@SettleTest
class ContactLanguageTest {

  @Autowired ApplicationContext context;
  @Autowired PortalLinks links;
  @LocalServerPort int port;
  Journeys journeys;

  @BeforeEach
  void setUp() {
    journeys = new Journeys(context);
  }

  @Test
  void aContactWhoReadsGermanGetsTheInvoiceAndTheReminderInGerman() throws Exception {
    CustomerView customer = journeys.customer(aCustomer().speaking("de"));
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("1190.00"));

    MimeMessage issued = journeys.awaitMailsTo(customer.apEmail(), 1).getFirst();
    assertThat(issued.getSubject()).isEqualTo("Rechnung " + invoice.number() + " von Northwind Supplies");
    assertThat(Mails.part(issued, "text/plain")).contains("anbei erhalten Sie die Rechnung " + invoice.number())
        .contains("Zu zahlender Betrag: 1.190,00 EUR", "Verwendungszweck: " + invoice.creditorReference())
        .doesNotContain("Dear", "Amount to pay");
    assertThat(Mails.part(issued, "text/html")).contains("lang=\"de\"", "Mit freundlichen Grüßen");

    journeys.advanceTo(invoice.dueDate().plusDays(1));
    MimeMessage reminder = journeys.awaitMailsTo(customer.apEmail(), 2).get(1);
    assertThat(reminder.getSubject()).startsWith("Heute fällig: Rechnung " + invoice.number());
    assertThat(Mails.part(reminder, "text/plain")).contains("heute zur Zahlung fällig", "Offener Betrag: 1.190,00 EUR")
        .doesNotContain("Amount due");
  }

  @Test
  void aContactWithNoLanguageOnFileReadsEnglishMails() throws Exception {
    CustomerView customer = journeys.customer(aCustomer());
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("1190.00"));

    MimeMessage issued = journeys.awaitMailsTo(customer.apEmail(), 1).getFirst();
    assertThat(issued.getSubject()).isEqualTo("Invoice " + invoice.number() + " from Northwind Supplies");
    assertThat(Mails.part(issued, "text/plain")).contains("Amount to pay: 1,190.00 EUR");
  }

  @Test
  void thePortalSpeaksTheContactsLanguageOnFileWhateverTheBrowserAsksFor() throws Exception {
    CustomerView german = journeys.customer(aCustomer().speaking("de"));
    CustomerView unknown = journeys.customer(aCustomer());

    assertThat(page(links.accountUrl(german.id()), "en-GB,en;q=0.9")).contains("Ihr Kundenkonto").doesNotContain("Your account");
    assertThat(page(links.accountUrl(unknown.id()), "en-GB,en;q=0.9")).contains("Your account");
    assertThat(page(links.accountUrl(unknown.id()), "de-DE,de;q=0.9")).contains("Ihr Kundenkonto");
  }

  private String page(String url, String acceptLanguage) throws Exception {
    URI local = URI.create("http://localhost:" + port + URI.create(url).getRawPath());
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(local)
        .header("Accept-Language", acceptLanguage).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }
}
