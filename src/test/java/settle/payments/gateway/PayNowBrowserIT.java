package settle.payments.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;

import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import settle.collections.InvoiceCollection;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceStatus;
import settle.invoicing.InvoiceView;
import settle.portal.PortalLinks;
import settle.testdata.PortalClient;
import settle.testdata.BrowserTestCase;
import settle.testdata.Journeys;
import settle.testdata.SettleTest;

/**
 * An AP contact pays an invoice from the portal in the sandbox's hosted checkout, in a real Chromium: the provider's
 * webhook arrives on its own, the invoice is paid and its collection loop waits no more.
 */
@SettleTest
class PayNowBrowserIT extends BrowserTestCase {

  @Autowired PortalLinks portal;
  @Autowired JdbcTemplate jdbc;
  CustomerView customer;
  InvoiceView invoice;
  String portalPath;

  @BeforeEach
  void setUp() {
    customer = journeys.customer(aCustomer());
    invoice = journeys.invoiced(anOrderFor(customer.id()).worth("1250.00"));
    portalPath = URI.create(portal.invoiceUrl(invoice.id())).getPath();
  }

  @Test
  void aPayerPaysInTheHostedCheckoutTheWebhookPaysTheInvoiceAndCollectionEnds() throws Exception {
    long loop = journeys.instanceOf(InvoiceCollection.PROCESS_ID, "invoiceId", invoice.id());
    browser.open(portalPath);
    payNow();

    assertThat(browser.path()).startsWith("/sandbox-pay/checkout/");
    assertThat(browser.text()).contains("Pay Northwind Supplies").contains("1,250.00 EUR").contains("Invoice " + invoice.number())
        .contains("Sandbox");
    screenshots("pay-now-1-checkout");
    browser.find("#cardNumber").sendKeys("4242 4242 4242 4242");
    browser.find("#expiry").sendKeys("12 / 30");
    browser.find("#cvc").sendKeys("123");
    browser.submit("#pay");

    assertThat(browser.path()).startsWith(portalPath.substring(0, portalPath.indexOf("/invoices/")) + "/payments/");
    browser.reloadUntilShown("Payment received — thank you");
    assertThat(browser.text()).contains("We received 1,250.00 EUR for invoice " + invoice.number())
        .doesNotContain("cs_sbx_").doesNotContain("py_sbx_").doesNotContain("{");
    screenshots("pay-now-2-paid");

    InvoiceView paid = journeys.invoices.get(invoice.id());
    assertThat(paid.status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(jdbc.queryForObject("select count(*) from payment where invoice_id = ? and reference like 'sandbox:py_sbx_%'",
        Integer.class, invoice.id())).isEqualTo(1);
    // the loop heard the payment and ended: no step of it waits to send another reminder
    await("the collection loop ended").atMost(Journeys.PATIENCE).until(() -> journeys.history.isCompleted(loop));
    int mailsBefore = journeys.mailsTo(customer.apEmail()).size();
    journeys.advanceDays(45);
    journeys.quiesce();
    assertThat(journeys.mailsTo(customer.apEmail())).hasSize(mailsBefore);

    // weeks later the payer's bank takes the money back: a cash applier simulates it on the sandbox's dashboard
    browser.signIn("cara", "cara");
    browser.open("/sandbox-pay");
    assertThat(browser.text()).contains("Invoice " + invoice.number()).contains("1,250.00 EUR").contains("Paid")
        .contains("ending 4242");
    screenshots("pay-now-5-sandbox-dashboard");
    browser.submit("form[action$='/chargeback'] button");
    await("the chargeback reversed the payment").atMost(Journeys.PATIENCE)
        .until(() -> journeys.invoices.get(invoice.id()).status() == InvoiceStatus.OPEN);
    assertThat(jdbc.queryForList("select reversed_at is not null from payment where invoice_id = ?", Boolean.class, invoice.id()))
        .containsExactly(true);
    assertThat(journeys.awaitMailsTo(customer.accountOwnerEmail(), 1).getFirst().getSubject()).startsWith("Card payment charged back");
    browser.reloadUntilShown("Charged back");
  }

  @Test
  void aContactWhoReadsGermanPaysFromGermanPagesAndReadsTheOutcomeInGerman() {
    CustomerView german = journeys.customer(aCustomer().speaking("de"));
    InvoiceView theirs = journeys.invoiced(anOrderFor(german.id()).worth("1250.00"));
    // an English browser: the contact's language on file decides
    browser.open(URI.create(portal.invoiceUrl(theirs.id())).getPath());
    assertThat(browser.text()).contains("1.250,00 EUR").contains("Jetzt bezahlen");
    screenshots("pay-now-de-0-invoice");
    payNow();
    browser.find("#cardNumber").sendKeys("4242 4242 4242 4242");
    browser.find("#expiry").sendKeys("12 / 30");
    browser.find("#cvc").sendKeys("123");
    browser.submit("#pay");

    browser.reloadUntilShown("Zahlung erhalten – vielen Dank");
    assertThat(browser.text()).contains("Wir haben 1.250,00 EUR für Rechnung " + theirs.number() + " erhalten.")
        .contains("Sie müssen nichts weiter tun").doesNotContain("Payment received");
    screenshots("pay-now-de-2-paid");
    assertThat(journeys.invoices.get(theirs.id()).status()).isEqualTo(InvoiceStatus.PAID);
  }

  @Test
  void aDeclinedCardSaysSoLeavesTheInvoiceOpenAndPostsNothing() {
    browser.open(portalPath);
    payNow();
    browser.find("#cardNumber").sendKeys("4000 0000 0000 0002");
    browser.submit("#pay");

    browser.reloadUntilShown("Your card was declined");
    assertThat(browser.text()).contains("Nothing was charged").contains("still open with 1,250.00 EUR to pay")
        .doesNotContain("cs_sbx_");
    screenshots("pay-now-3-declined");
    assertThat(journeys.invoices.get(invoice.id()).status()).isEqualTo(InvoiceStatus.OPEN);
    assertThat(jdbc.queryForObject("select count(*) from payment where invoice_id = ?", Integer.class, invoice.id())).isZero();

    // a number that is no test card stays on the provider's page and says which to use
    browser.submit("button[type=submit]");
    browser.find("#cardNumber").sendKeys("1234 5678 9012 3456");
    browser.submit("#pay");
    assertThat(browser.text()).contains("use a test card");
    screenshots("pay-now-4-not-a-test-card");
  }

  @Test
  void anotherCustomersInvoiceIsNotFoundThroughThisLink() {
    CustomerView other = journeys.customer(aCustomer());
    InvoiceView theirs = journeys.invoiced(anOrderFor(other.id()).worth("90.00"));
    // a contact's browser with the page's CSRF token, so only the link decides
    PortalClient contact = new PortalClient(port, "en");
    assertThat(contact.get(portalPath).status()).isEqualTo(200);
    String account = portalPath.substring(0, portalPath.indexOf("/invoices/"));

    PortalClient.Page refused = contact.post(account + "/invoices/" + theirs.id() + "/pay", java.util.Map.of(), true);
    PortalClient.Page unknown = contact.post(account + "/invoices/999999999/pay", java.util.Map.of(), true);
    PortalClient.Page forged = contact.post("/portal/not-a-token/invoices/" + invoice.id() + "/pay", java.util.Map.of(), true);

    for (PortalClient.Page response : new PortalClient.Page[] {refused, unknown, forged}) {
      assertThat(response.status()).isEqualTo(404);
      assertThat(response.body()).contains("This link is not valid").doesNotContain(theirs.number());
    }
    assertThat(jdbc.queryForObject("select count(*) from payment_checkout where invoice_id = ?", Integer.class, theirs.id())).isZero();
  }

  /** The portal invoice page's "Pay now" button. */
  private void payNow() {
    browser.submit("#pay-now");
  }

  private void screenshots(String name) {
    browser.resize(1280, 900);
    browser.screenshot(name + "-1280");
    browser.phoneWidth();
    browser.screenshot(name + "-390");
    browser.resize(1280, 900);
  }
}
