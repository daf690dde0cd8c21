package settle.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;
import static settle.testdata.StatementBuilder.aStatement;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import settle.audit.AuditLog;
import settle.customers.CustomerView;
import settle.disputes.Disputes;
import settle.invoicing.InvoiceView;
import settle.testdata.Api;
import settle.testdata.Journeys;
import settle.testdata.PortalClient;
import settle.testdata.SettleTest;

/** The short-pay mail leads the AP contact to a page where the difference is accepted as owed or explained. */
@SettleTest
class PortalShortPayIT {

  private static final Pattern ANSWER_LINK = Pattern.compile("(https?://\\S+/short-pays/\\d+)");

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired AuditLog audit;
  @Autowired Disputes disputes;
  Journeys journeys;
  CustomerView customer;
  PortalClient browser;

  @BeforeEach
  void setUp() {
    journeys = new Journeys(context);
    customer = journeys.customer(aCustomer());
    browser = new PortalClient(port, "en");
  }

  @Test
  void theContactAcceptsTheDifferenceAsOwedAndItStaysOpenUndisputed() throws Exception {
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("1000.00"));
    String page = answerPage(invoice, "800.00");
    assertThat(browser.get(page).body()).contains("Thank you for your payment of 800.00 EUR").contains("which leaves 200.00 EUR open");

    PortalClient.Page sent = browser.post(page, Map.of("answer", "accept"), true);

    assertThat(browser.get(PortalClient.path(sent.location())).body()).contains("200.00 EUR stays open on invoice " + invoice.number());
    assertThat(journeys.invoices.get(invoice.id()).openAmount()).isEqualByComparingTo("200.00");
    assertThat(disputes.ofCustomer(customer.id())).isEmpty();
    assertThat(audit.trail("invoice:" + invoice.id())).anySatisfy(e -> {
      assertThat(e.action()).isEqualTo("short-pay.accepted");
      assertThat(e.actor()).isEqualTo("portal:" + customer.apEmail());
    });
    assertThat(browser.get(page).body()).contains("the rest is still owed").doesNotContain("accept-form");
    assertThat(browser.get(PortalClient.path(browser.post(page, Map.of("answer", "explain", "explanation", "x"), true).location())).body())
        .contains("Nothing was changed: You answered this question already");
    awaitOwnerMail("still owed");
  }

  @Test
  void theContactExplainsTheDifferenceAndADeductionDisputeHoldsTheirWords() throws Exception {
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("1000.00"));
    String page = answerPage(invoice, "850.00");

    PortalClient.Page sent = browser.post(page, Map.of("answer", "explain", "explanation", "Three units arrived broken"), true);

    assertThat(browser.get(PortalClient.path(sent.location())).body()).contains("your explanation of the 150.00 EUR kept back");
    assertThat(disputes.ofCustomer(customer.id())).singleElement().satisfies(d -> {
      assertThat(d.reasonCode()).isEqualTo("SHORT_PAYMENT");
      assertThat(d.amount()).isEqualByComparingTo("150.00");
      assertThat(d.description()).isEqualTo("Three units arrived broken");
      assertThat(d.raisedBy()).isEqualTo(customer.apEmail());
    });
    assertThat(disputes.undisputedOpenAmount(journeys.invoices.get(invoice.id()))).isEqualByComparingTo("0.00");
    assertThat(audit.trail("invoice:" + invoice.id())).anySatisfy(e -> assertThat(e.action()).isEqualTo("short-pay.explained"));
    awaitOwnerMail("explained a short payment");
  }

  @Test
  void anotherCustomersLinkDoesNotOpenTheQuestion() throws Exception {
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("1000.00"));
    String page = answerPage(invoice, "700.00");
    CustomerView other = journeys.customer(aCustomer());
    String otherAccount = PortalClient.path(context.getBean(PortalLinks.class).accountUrl(other.id()));
    assertThat(browser.get(otherAccount + page.substring(page.indexOf("/short-pays/"))).status()).isEqualTo(404);
  }

  /** Imports a statement that pays the invoice short with its number, and follows the link in the mail the contact gets. */
  private String answerPage(InvoiceView invoice, String paid) throws Exception {
    int before = journeys.mailsTo(customer.apEmail()).size();
    Api.Response imported = new Api(port).postMultipart("/api/bank-statements", List.of(new Api.Part("file", "statement.xml",
        "application/xml", aStatement().on(journeys.today()).credit(paid, customer.name(), null, invoice.number()).camt053())));
    assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
    await().atMost(Journeys.PATIENCE).until(() -> journeys.mailsTo(customer.apEmail()).stream().skip(before)
        .anyMatch(m -> subject(m).contains("short")));
    MimeMessage mail = journeys.mailsTo(customer.apEmail()).stream().skip(before).filter(m -> subject(m).contains("short")).findFirst()
        .orElseThrow();
    Matcher link = ANSWER_LINK.matcher(plainText(mail.getContent()));
    assertThat(link.find()).as("the mail carries the answer link").isTrue();
    String page = PortalClient.path(link.group(1));
    assertThat(browser.get(page).status()).isEqualTo(200);
    return page;
  }

  private void awaitOwnerMail(String words) {
    await().atMost(Journeys.PATIENCE).until(() -> journeys.mailsTo(customer.accountOwnerEmail()).stream()
        .anyMatch(m -> plainTextOf(m).contains(words)));
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String plainTextOf(MimeMessage m) {
    try {
      return plainText(m.getContent());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String plainText(Object content) throws Exception {
    if (content instanceof String s) {
      return s;
    }
    StringBuilder text = new StringBuilder();
    Multipart multipart = (Multipart) content;
    for (int i = 0; i < multipart.getCount(); i++) {
      BodyPart part = multipart.getBodyPart(i);
      if (part.getContent() instanceof Multipart || part.isMimeType("text/plain")) {
        text.append(plainText(part.getContent()));
      }
    }
    return text.toString();
  }
}
