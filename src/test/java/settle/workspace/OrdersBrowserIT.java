package settle.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static settle.testdata.CustomerBuilder.aCustomer;

import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Value;
import settle.customers.CustomerView;
import settle.customers.NewCustomer;
import settle.testdata.BrowserTestCase;
import settle.testdata.Journeys;
import settle.testdata.SettleTest;
import settle.testdata.Mails;

/**
 * An order's whole life on screen, each role doing its job in a real Chromium: sales places it, credit
 * holds it and the account owner follows the mail to it, a credit analyst releases it with a reason,
 * operations marks it shipped and the invoice shows. No API call; every page in business words.
 */
@SettleTest
class OrdersBrowserIT extends BrowserTestCase {

  private static final Pattern ORDER_PAGE = Pattern.compile("/orders/(\\d+)");

  @Value("${settle.public-url}") String publicUrl;

  @Test
  void salesPlacesAnOrderCreditReleasesItsHoldWithAReasonAndOperationsShipsItIntoAnInvoice() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 6);
    CustomerView cobalt = journeys.customers.open(new NewCustomer("Cobalt Logistics " + tag, "payables-" + tag + "@cobalt.example",
        "Dana Whitfield", "dana.whitfield@northwind.example", new BigDecimal("10000"), "EUR", "HIGH", null,
        "Priya Raman", "+44 20 7946 0018", "12 Dock Road", "E16 2QU", "London", "GB", "GB123456789", "Europe/London", "en"), "test");
    CustomerView leesCustomer = journeys.customer(aCustomer().ownedBy("Lee Moreau", "lee.moreau@northwind.example"));

    // sales: the form says what is missing, then places the order
    browser.signIn("dana", "dana");
    browser.open("/orders");
    shoot("orders-1-sales-list");
    browser.submit("a[href='/orders/new']");
    assertThat(new Select(browser.find("#customerId")).getOptions()).extracting(o -> o.getText())
        .contains(cobalt.name() + " (EUR)").doesNotContain(leesCustomer.name() + " (EUR)");
    browser.submit("#order-form button[type=submit]");
    assertThat(browser.find(".error").getText()).contains("not placed");
    assertThat(browser.text()).contains("Choose the customer the order is for.",
        "Add at least one line: what is sold, how many, at what unit price.");
    shoot("orders-2-form-errors");
    new Select(browser.find("#customerId")).selectByVisibleText(cobalt.name() + " (EUR)");
    browser.all("input[name=description]").getFirst().sendKeys("Pallet racking");
    browser.all("input[name=quantity]").getFirst().sendKeys("30");
    browser.all("input[name=unitPrice]").getFirst().sendKeys("300.00");
    browser.find("#poNumber").sendKeys("PO-" + tag);
    shoot("orders-3-form-filled");
    browser.submit("#order-form button[type=submit]");

    Matcher page = ORDER_PAGE.matcher(browser.path());
    assertThat(page.matches()).as("lands on the order's page, not " + browser.path()).isTrue();
    String orderPath = browser.path();
    String number = "SO-%05d".formatted(Long.parseLong(page.group(1)));
    assertThat(browser.find(".notice").getText())
        .isEqualTo("Order " + number + " placed for " + cobalt.name() + ". Credit is checking it now.");
    browser.reloadUntilShown("On credit hold");
    assertThat(browser.text()).contains(cobalt.name(), "PO-" + tag, "9,000.00 EUR", "due 30 days after the invoice",
        "Put on credit hold", "High-risk customer above 80% of the credit limit",
        "90% of the credit limit in use with this order", "A credit analyst releases the hold with a reason");
    assertThat(browser.all("#release-form")).as("sales may not release").isEmpty();
    shoot("orders-4-sales-order-on-hold");
    clean();
    freshBrowser();

    // the account owner: the mail links to the order's page, and the list of holds shows it among their customers'
    String subject = "Credit hold: order " + number + " for " + cobalt.name();
    MimeMessage mail = await().atMost(Journeys.PATIENCE).until(() -> journeys.mailsTo("dana.whitfield@northwind.example").stream()
        .filter(m -> subject(m).equals(subject)).findFirst(), java.util.Optional::isPresent).orElseThrow();
    String link = publicUrl + orderPath;
    assertThat(Mails.part(mail, "text/plain")).contains(link).doesNotContain("/api/");
    browser.signIn("dana", "dana");
    browser.open(link.substring(publicUrl.length()));
    assertThat(browser.find("h1").getText()).contains("Order " + number, "On credit hold");
    browser.open("/orders?status=ON_HOLD");
    assertThat(browser.find("h1").getText()).isEqualTo("Orders on credit hold");
    assertThat(browser.find("#orders tr[data-order='" + page.group(1) + "']").getText())
        .contains(number, cobalt.name(), "9,000.00 EUR", "On credit hold");
    assertThat(browser.find("#orders").getText()).doesNotContain(leesCustomer.name());
    shoot("orders-5-owner-credit-holds");
    browser.open("/customers");
    assertThat(browser.find("#customers").getText()).contains(cobalt.name() + " E16 2QU London, United Kingdom Dana Whitfield High risk");
    shoot("orders-6a-customers-list");
    browser.open("/customers/" + cobalt.id());
    assertThat(browser.find("aside.context").getText()).contains("Priya Raman", "+44 20 7946 0018", "12 Dock Road",
        "E16 2QU London", "United Kingdom", "GB123456789", "(Europe/London)", "High risk",
        "90% of the 10,000.00 EUR credit limit in use", number, "On credit hold");
    shoot("orders-6b-owner-customer-page");
    clean();
    freshBrowser();

    // a credit analyst releases the hold with a reason
    browser.signIn("ada", "ada");
    browser.open("/orders?status=ON_HOLD");
    browser.submit("#orders tr[data-order='" + page.group(1) + "'] a[href='" + orderPath + "']");
    browser.find("#reason").sendKeys("Deposit of 4,000.00 EUR received today");
    shoot("orders-7-analyst-release-form");
    browser.submit("#release-form button[type=submit]");
    assertThat(browser.find(".notice").getText())
        .isEqualTo("Credit hold on order " + number + " released. The order goes ahead to shipping.");
    browser.reloadUntilShown("Approved, waiting to ship");
    assertThat(browser.text()).contains("Since then: Deposit of 4,000.00 EUR received today");
    clean();
    freshBrowser();

    // operations marks it shipped, and the invoice it produced shows on the order
    browser.signIn("olu", "olu");
    browser.open(orderPath);
    shoot("orders-8-operations-ready-to-ship");
    browser.submit("#fulfil-form button[type=submit]");
    assertThat(browser.find(".notice").getText())
        .isEqualTo("Order " + number + " marked as shipped. Its invoice goes to the customer next.");
    browser.reloadUntilShown("Invoiced");
    // the amount is the invoice's (tax included where due), in words beside its number and dates
    assertThat(browser.find("#invoice").getText()).matches("Invoice INV-\\d{4}-\\d{6} of [\\d,]+\\.\\d{2} EUR, issued .*, due .*; [\\d,]+\\.\\d{2} EUR open\\.");
    shoot("orders-9-operations-invoiced");
    clean();
  }

  @Test
  void whoeverPlacedAnOrderIsToldOnItsPageThatAColleagueMustReleaseTheHold() {
    CustomerView customer = journeys.customer(aCustomer().rated("HIGH").withCreditLimit("1000"));
    browser.signIn("demo", "demo");
    browser.open("/orders/new?customerId=" + customer.id());
    browser.all("input[name=description]").getFirst().sendKeys("Forklift service");
    browser.all("input[name=quantity]").getFirst().sendKeys("1");
    browser.all("input[name=unitPrice]").getFirst().sendKeys("950");
    browser.submit("#order-form button[type=submit]");
    browser.reloadUntilShown("On credit hold");

    assertThat(browser.find("#four-eyes").getText())
        .isEqualTo("You placed this order, so a colleague in credit must release its hold (four eyes).");
    assertThat(browser.all("#release-form")).isEmpty();
    shoot("orders-10-four-eyes");
    clean();
  }

  @Test
  void theHeaderStaysOnOneLineAt1280PixelsForAUserWithEveryRole() {
    browser.signIn("demo", "demo");
    for (String path : new String[] {"/", "/orders", "/customers", "/orders/new"}) {
      browser.resize(1280, 900);
      browser.open(path);
      Object height = browser.script("return document.querySelector('header.top').getBoundingClientRect().height");
      assertThat(((Number) height).doubleValue()).as("header height on " + path).isLessThan(60);
      Object overflow = browser.script("var h = document.querySelector('header.top'); return h.scrollWidth - h.clientWidth");
      assertThat(((Number) overflow).intValue()).as("header overflow on " + path).isLessThanOrEqualTo(0);
      Object gap = browser.script("return document.querySelector('header.top .clock').getBoundingClientRect().left"
          + " - document.querySelector('header.top nav').lastElementChild.getBoundingClientRect().right");
      assertThat(((Number) gap).doubleValue()).as("room between the last link and the business date on " + path).isPositive();
    }
    browser.open("/");
    shoot("dashboard-demo-user");
    browser.open("/customers");
    shoot("customers-list");
  }

  /** No page shows a subject code or a JSON body to a person. */
  private void clean() {
    String text = browser.text();
    assertThat(text).doesNotContain("invoice:", "order:", "customer:", "{\"");
    assertThat(text.strip()).doesNotStartWith("{");
  }

  /** The page at desktop, wide-screen and phone width; the tests assert on 1280 and 390, people look at all three. */
  private void shoot(String name) {
    clean();
    browser.resize(1280, 900);
    browser.screenshot(name + "-1280");
    browser.resize(1920, 1080);
    browser.screenshot(name + "-1920");
    browser.phoneWidth();
    browser.screenshot(name + "-390");
    browser.resize(1280, 900);
  }

  private static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

}
