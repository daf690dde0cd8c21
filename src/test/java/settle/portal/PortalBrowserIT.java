package settle.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;
import static settle.testdata.StatementBuilder.aStatement;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import settle.customers.CustomerView;
import settle.disputes.Disputes;
import settle.invoicing.InvoiceStatus;
import settle.invoicing.InvoiceView;
import settle.testdata.Api;
import settle.testdata.Browser;
import settle.testdata.Journeys;
import settle.testdata.SettleTest;

/**
 * An AP contact arrives from a reminder mail, sees the account, disputes an invoice with a delivery note, promises a
 * date, proposes a plan the policy accepts, corrects an invoice's purchase order (re-issued and mailed) and sends a
 * remittance advice that the next bank payment is applied by; in English and in German (the contact's language on
 * file), on a desktop and a phone window.
 */
@SettleTest
class PortalBrowserIT {

  private static final Pattern INVOICE_LINK = Pattern.compile("https?://[^/\\s]+(/portal/[A-Za-z0-9_\\-.]+/invoices/\\d+)");

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired Disputes disputes;
  @Autowired JdbcTemplate jdbc;

  @Test
  void anApContactArrivingFromAReminderWorksTheirAccountInEnglish() throws Exception {
    walk("en", "en-GB,en", new Words("Your account", "To pay now", "your dispute on invoice", "your promise to pay invoice",
        "Your payment plan is agreed", "Next instalment", "450.00 EUR"));
  }

  @Test
  void anApContactArrivingFromAReminderWorksTheirAccountInGerman() throws Exception {
    walk("de", "de-DE,de", new Words("Ihr Kundenkonto", "Jetzt zu zahlen", "Ihre Reklamation zu Rechnung", "Ihre Zahlungszusage für Rechnung",
        "Ihr Ratenplan ist vereinbart", "Nächste Rate", "450,00 EUR"));
  }

  record Words(String account, String toPay, String disputed, String promised, String planAgreed, String nextInstalment,
               String adviceTotal) {}

  private void walk(String lang, String languages, Words words) throws Exception {
    Journeys journeys = new Journeys(context);
    CustomerView customer = journeys.customer(aCustomer().speaking(lang));
    InvoiceView crates = journeys.invoiced(anOrderFor(customer.id()).line("Shipping crates", "10", "120.00"));
    InvoiceView pallets = journeys.invoiced(anOrderFor(customer.id()).line("Pallets", "9", "100.00"));
    InvoiceView cartons = journeys.invoiced(anOrderFor(customer.id()).line("Cartons", "15", "30.00"));
    journeys.advanceTo(crates.dueDate());
    String link = reminderLink(journeys, customer);

    try (Browser browser = new Browser(port, languages)) {
      browser.resize(1280, 900);
      browser.open(link);
      assertThat(browser.text()).containsAnyOf(crates.number(), pallets.number());
      browser.submit("nav.portal-nav a:first-child");
      assertThat(browser.text()).contains(words.account()).contains(words.toPay()).contains(customer.name());
      browser.screenshot("portal-" + lang + "-1280-account");
      browser.resize(390, 844);
      browser.screenshot("portal-" + lang + "-390-account");
      browser.resize(1280, 900);

      // dispute part of the crates with the delivery note
      String account = browser.path();
      browser.open(account + "/invoices/" + crates.id());
      Path note = Files.createTempFile("delivery-note", ".pdf");
      Files.write(note, "%PDF-1.4 delivery note: 2 crates broken".getBytes(StandardCharsets.US_ASCII));
      browser.select("#reasonCode", "DAMAGED_GOODS");
      browser.setValue("#dispute-amount", "240.00");
      browser.find("#description").sendKeys("Two crates arrived broken");
      browser.find("#files").sendKeys(note.toAbsolutePath().toString());
      browser.submit("#dispute-form button[type=submit]");
      assertThat(browser.find("#notice").getText()).contains(words.disputed());
      assertThat(disputes.ofCustomer(customer.id())).singleElement().satisfies(d -> assertThat(d.attachments()).hasSize(1));
      browser.screenshot("portal-" + lang + "-1280-disputed");

      // promise the rest of the crates in ten days
      browser.setValue("#promise-date", journeys.today().plusDays(10).toString());
      browser.setValue("#promise-amount", "960.00");
      browser.submit("#promise-form button[type=submit]");
      assertThat(browser.find("#notice").getText()).contains(words.promised());
      browser.resize(390, 844);
      browser.screenshot("portal-" + lang + "-390-promised");
      browser.resize(1280, 900);

      // three monthly instalments for the pallets: within the policy
      browser.open(account + "/invoices/" + pallets.id());
      for (int n = 1; n <= 3; n++) {
        browser.setValue("#plan-date-" + n, journeys.today().plusDays(30L * n).toString());
        browser.setValue("#plan-amount-" + n, "300.00");
      }
      browser.submit("#plan-form button[type=submit]");
      assertThat(browser.find("#notice").getText()).contains(words.planAgreed());
      assertThat(jdbc.queryForObject("select count(*) from payment_plan where invoice_id = ?", Long.class, pallets.id())).isOne();

      // the pallets invoice should quote the purchase order the contact's system books it by: re-issued and mailed
      browser.setValue("#po-number", "PO-77810");
      browser.submit("#po-form button[type=submit]");
      assertThat(browser.find("#notice").getText()).contains(pallets.number()).contains("PO-77810");
      assertThat(journeys.awaitMailTo(customer.apEmail(), "PO-77810").getSubject()).contains(pallets.number());
      browser.screenshot("portal-" + lang + "-1280-po-corrected");
      browser.resize(390, 844);
      browser.screenshot("portal-" + lang + "-390-po-corrected");
      browser.resize(1280, 900);

      // a remittance advice for the cartons; the payment that follows carries no invoice number and is applied by it
      browser.open(account + "/remittances");
      Path advice = Files.createTempFile("remittance", ".csv");
      Files.writeString(advice, "Invoice;Amount\n" + cartons.number() + ";450.00\n");
      browser.find("#remittance-file").sendKeys(advice.toAbsolutePath().toString());
      browser.submit("#remittance-form button[type=submit]");
      assertThat(browser.find("#notice").getText()).contains(words.adviceTotal());
      browser.screenshot("portal-" + lang + "-1280-remittance-sent");
      browser.resize(390, 844);
      browser.screenshot("portal-" + lang + "-390-remittance-sent");
      browser.resize(1280, 900);
      Api.Response imported = new Api(port).postMultipart("/api/bank-statements", List.of(new Api.Part("file", "statement.xml",
          "application/xml", aStatement().on(journeys.today()).credit("450.00", customer.name(), null, "Payment").camt053())));
      assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
      Awaitility.await("the cartons paid by the advice").atMost(Journeys.PATIENCE)
          .until(() -> journeys.invoices.get(cartons.id()).status() == InvoiceStatus.PAID);
      assertThat(jdbc.queryForObject("select rule from bank_statement_line l join remittance_advice a on a.used_by_line = l.id"
          + " where a.customer_id = ?", String.class, customer.id())).isEqualTo("REMITTANCE_ADVICE");
      browser.open(account + "/remittances");
      browser.screenshot("portal-" + lang + "-1280-remittance-applied");

      browser.open(account + "/promises");
      assertThat(browser.text()).contains(words.nextInstalment()).contains(crates.number()).contains(pallets.number());
      browser.screenshot("portal-" + lang + "-1280-promises");
      browser.resize(390, 844);
      browser.screenshot("portal-" + lang + "-390-promises");
      browser.resize(1280, 900);
      browser.open(account + "/disputes");
      browser.screenshot("portal-" + lang + "-1280-disputes");
      browser.open(account + "/invoices");
      browser.screenshot("portal-" + lang + "-1280-invoices");
      browser.resize(390, 844);
      browser.screenshot("portal-" + lang + "-390-invoices");
      browser.resize(1280, 900);
      browser.open(account + "/invoices/" + crates.id());
      browser.screenshot("portal-" + lang + "-1280-invoice");
    }
  }

  /** The portal link of the first reminder GreenMail received for the customer. */
  private static String reminderLink(Journeys journeys, CustomerView customer) {
    String[] found = new String[1];
    Awaitility.await("a reminder with a portal link").atMost(Journeys.PATIENCE).until(() -> {
      for (var mail : journeys.mailsTo(customer.apEmail())) {
        Matcher m = INVOICE_LINK.matcher(PortalIT.text(mail));
        if (m.find()) {
          found[0] = m.group(1);
          return true;
        }
      }
      return false;
    });
    return found[0];
  }
}
