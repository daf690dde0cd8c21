package settle.portal;

import settle.testdata.PortalClient;

import static org.assertj.core.api.Assertions.assertThat;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import settle.audit.AuditLog;
import settle.common.SignedLinks;
import settle.customers.ApContactChange;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceView;
import settle.testdata.Api;
import settle.testdata.Journeys;
import settle.testdata.SettleTest;

/** Who a portal link lets in: one AP contact into one customer's account, and nobody into anything else. */
@SettleTest
class PortalIT {

  private static final Pattern PORTAL_URL = Pattern.compile("https?://[^/\\s]+(/portal/[A-Za-z0-9_\\-.]+)");

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired PortalLinks portal;
  @Autowired SignedLinks links;
  @Autowired AuditLog audit;
  Journeys journeys;
  PortalClient browser;
  CustomerView customer;
  CustomerView other;
  InvoiceView invoice;
  InvoiceView othersInvoice;

  @BeforeEach
  void setUp() {
    journeys = new Journeys(context);
    browser = new PortalClient(port, "en-GB,en;q=0.8");
    customer = journeys.customer(aCustomer());
    other = journeys.customer(aCustomer());
    invoice = journeys.invoiced(anOrderFor(customer.id()).worth("640.00").po("PO-PORTAL-1"));
    othersInvoice = journeys.invoiced(anOrderFor(other.id()).worth("777.00"));
  }

  @Test
  void theAccountLinkShowsTheContactTheirAccountInvoiceAndPdfButNothingOfAnotherCustomer() {
    String account = PortalClient.path(portal.accountUrl(customer.id()));

    PortalClient.Page summary = browser.get(account);
    assertThat(summary.status()).isEqualTo(200);
    assertThat(summary.body()).contains("Account of " + customer.name()).contains("640.00 EUR").doesNotContain(other.name());
    PortalClient.Page list = browser.get(account + "/invoices");
    assertThat(list.body()).contains(invoice.number()).doesNotContain(othersInvoice.number());
    PortalClient.Page page = browser.get(account + "/invoices/" + invoice.id());
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("Invoice " + invoice.number()).contains("PO-PORTAL-1")
        .contains("quoting <strong>" + invoice.creditorReference() + "</strong>");
    PortalClient.Page pdf = browser.get(account + "/invoices/" + invoice.id() + "/pdf");
    assertThat(pdf.contentType()).isEqualTo("application/pdf");
    assertThat(new String(pdf.bytes(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

    // the other customer's invoice through this customer's link: as unknown as a made-up one
    for (String refused : new String[] {account + "/invoices/" + othersInvoice.id(), account + "/invoices/" + othersInvoice.id() + "/pdf",
        account + "/invoices/999999999"}) {
      assertNotFound(browser.get(refused), refused);
    }
  }

  @Test
  void aLinkAlteredToAnotherCustomerOrALaterExpiryOrGarbledIsNotFound() {
    String token = PortalClient.path(portal.accountUrl(customer.id())).substring("/portal/".length());
    String body = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8);
    String signature = token.substring(token.indexOf('.'));
    String[] fields = body.split("\\|");
    String otherCustomer = fields[0] + "|" + other.id() + fields[1].substring(fields[1].indexOf(':')) + "|" + fields[2];
    String laterExpiry = fields[0] + "|" + fields[1] + "|" + java.time.LocalDate.parse(fields[2]).plusYears(1);

    for (String altered : new String[] {otherCustomer, laterExpiry}) {
      assertThat(altered).isNotEqualTo(body);
      String path = "/portal/" + Base64.getUrlEncoder().withoutPadding().encodeToString(altered.getBytes(StandardCharsets.UTF_8)) + signature;
      assertNotFound(browser.get(path), altered);
      assertNotFound(browser.get(path + "/invoices/" + othersInvoice.id()), altered);
    }
    assertNotFound(browser.get("/portal/" + token.substring(0, token.length() - 2) + "xx"), "garbled signature");
  }

  @Test
  void aRevokedLinkIsNotFoundWhileALinkIssuedAfterwardsWorksAndTheRevocationIsAudited() {
    String before = PortalClient.path(portal.accountUrl(customer.id()));
    assertThat(browser.get(before).status()).isEqualTo(200);

    Api.Response revoked = new Api(port).as("casey").post("/api/customers/" + customer.id() + "/portal-links/revoke",
        "{\"reason\": \"Reminder forwarded to a former employee\"}");

    assertThat(revoked.status()).isEqualTo(200);
    assertNotFound(browser.get(before), "revoked");
    assertNotFound(browser.get(before + "/invoices/" + invoice.id()), "revoked");
    assertThat(browser.get(PortalClient.path(portal.accountUrl(customer.id()))).status()).isEqualTo(200);
    assertThat(audit.trail("customer:" + customer.id())).anySatisfy(e -> {
      assertThat(e.action()).isEqualTo("portal.links-revoked");
      assertThat(e.actor()).isEqualTo("casey");
      assertThat(e.details()).containsEntry("reason", "Reminder forwarded to a former employee");
    });
    Api.Response withoutReason = new Api(port).as("casey").post("/api/customers/" + customer.id() + "/portal-links/revoke", "{}");
    assertThat(withoutReason.status()).isEqualTo(400);
  }

  @Test
  void aCollectorRevokesTheLinksFromTheCustomerPageWithAReason() {
    String before = PortalClient.path(portal.accountUrl(customer.id()));
    assertThat(browser.get(before).status()).isEqualTo(200);
    settle.testdata.PageSession casey = settle.testdata.PageSession.signIn(port, "casey", "casey");
    String page = "/customers/" + customer.id();
    assertThat(casey.get(page).body()).contains("Revoke portal links");

    var refused = casey.postFormFrom(page, page + "/portal-links/revoke", Map.of("reason", " "));
    assertThat(refused.status()).isEqualTo(302);
    assertThat(casey.get(page).body()).contains("Say why the links are revoked");
    assertThat(browser.get(before).status()).as("a refused revocation revokes nothing").isEqualTo(200);

    var revoked = casey.postFormFrom(page, page + "/portal-links/revoke", Map.of("reason", "Mail forwarded to a former employee"));
    assertThat(revoked.status()).isEqualTo(302);
    assertThat(casey.get(page).body()).contains("Portal links revoked");
    assertNotFound(browser.get(before), "revoked from the page");
    assertThat(audit.trail("customer:" + customer.id())).anySatisfy(e -> {
      assertThat(e.action()).isEqualTo("portal.links-revoked");
      assertThat(e.actor()).isEqualTo("casey");
    });
    // an auditor reads the page but may not revoke
    settle.testdata.PageSession audrey = settle.testdata.PageSession.signIn(port, "audrey", "audrey");
    assertThat(audrey.get(page).body()).doesNotContain("Revoke portal links");
    assertThat(audrey.postFormFrom(page, page + "/portal-links/revoke", Map.of("reason", "no")).status()).isEqualTo(403);
  }

  @Test
  void aLinkForAContactNoLongerOnFileIsNotFound() {
    String before = PortalClient.path(portal.accountUrl(customer.id()));

    journeys.customers.changeApContact(customer.id(), new ApContactChange("payables-" + UUID.randomUUID() + "@customer.example"), "demo");

    assertNotFound(browser.get(before), "old contact");
  }

  @Test
  void anExpiredLinkOffersAFreshLinkMailedOnlyToTheAddressOnFile() throws Exception {
    String expired = "/portal/" + links.sign(PortalLinks.PURPOSE, customer.id() + ":" + journeys.clock.millis() + ":"
        + PortalLinks.contactKey(customer.apEmail()), journeys.today().minusDays(1));

    PortalClient.Page page = browser.get(expired);

    assertThat(page.status()).isEqualTo(410);
    assertThat(page.body()).contains("This link has expired").contains("Mail me a fresh link")
        .doesNotContain(invoice.number()).doesNotContain(customer.apEmail());
    assertNotFound(browser.get(expired.substring(0, expired.length() - 2) + "xx"), "expired and garbled");

    // without the form's CSRF token nothing is sent
    String attacker = "attacker-" + UUID.randomUUID() + "@evil.example";
    assertThat(browser.post(expired + "/fresh-link", Map.of("email", attacker), false).status()).isEqualTo(403);
    journeys.quiesce();
    assertThat(journeys.mailsTo(customer.apEmail())).noneMatch(m -> subject(m).contains("new link"));

    PortalClient.Page sent = browser.post(expired + "/fresh-link", Map.of("email", attacker), true);
    assertThat(sent.status()).isEqualTo(200);
    assertThat(sent.body()).contains("We have mailed you a fresh link");
    org.awaitility.Awaitility.await("the fresh link mailed").atMost(Journeys.PATIENCE)
        .until(() -> journeys.mailsTo(customer.apEmail()).stream().anyMatch(m -> subject(m).contains("new link")));
    var mail = journeys.mailsTo(customer.apEmail()).stream().filter(m -> subject(m).contains("new link")).findFirst().orElseThrow();
    assertThat(journeys.mailsTo(attacker)).isEmpty();
    Matcher url = PORTAL_URL.matcher(text(mail));
    assertThat(url.find()).isTrue();
    PortalClient.Page fresh = browser.get(url.group(1));
    assertThat(fresh.status()).isEqualTo(200);
    assertThat(fresh.body()).contains("Account of " + customer.name());
  }

  @Test
  void aLinkUsedTooOftenGetsATooManyRequestsPage() {
    String forged = "/portal/" + UUID.randomUUID() + ".x";
    PortalClient.Page last = null;
    for (int i = 0; i < 200 && (last == null || last.status() != 429); i++) {
      last = browser.get(forged);
    }
    assertThat(last.status()).isEqualTo(429);
    assertThat(last.retryAfter()).isNotNull();
    assertThat(last.body()).contains("Too many requests");
  }

  @Test
  void anInvoiceLinkFromAnOlderMailLeadsToTheInvoiceInTheAccount() {
    String old = "/portal/" + links.sign("portal", String.valueOf(invoice.id()), journeys.today().plusDays(90));

    PortalClient.Page redirected = browser.get(old);

    assertThat(redirected.status()).isEqualTo(302);
    assertThat(redirected.location()).matches(".*/portal/[^/]+/invoices/" + invoice.id());
    assertThat(browser.get(PortalClient.path(redirected.location())).body()).contains("Invoice " + invoice.number());
    assertThat(browser.get(old + "/pdf").location()).endsWith("/invoices/" + invoice.id() + "/pdf");
  }

  private static void assertNotFound(PortalClient.Page page, String what) {
    assertThat(page.status()).as(what).isEqualTo(404);
    assertThat(page.contentType()).as(what).startsWith("text/html");
    assertThat(page.body()).as(what).contains("This link is not valid").doesNotContain("Account of");
  }

  private static String subject(jakarta.mail.internet.MimeMessage m) {
    try {
      return m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The plain-text part of a mail, decoded. */
  static String text(Part part) {
    try {
      if (part.isMimeType("text/plain")) {
        return (String) part.getContent();
      }
      if (part.getContent() instanceof Multipart multipart) {
        StringBuilder found = new StringBuilder();
        for (int i = 0; i < multipart.getCount(); i++) {
          BodyPart child = multipart.getBodyPart(i);
          found.append(text(child));
        }
        return found.toString();
      }
      return "";
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
