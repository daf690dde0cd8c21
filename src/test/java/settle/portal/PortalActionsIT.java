package settle.portal;

import settle.testdata.PortalClient;

import static org.assertj.core.api.Assertions.assertThat;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import settle.audit.AuditLog;
import settle.collaboration.Timeline;
import settle.collections.CollectionActions;
import settle.customers.CustomerView;
import settle.disputes.Disputes;
import settle.invoicing.InvoiceView;
import settle.testdata.Journeys;
import settle.testdata.SettleTest;

/** What the AP contact does in the portal goes through the collection's own services, with the contact as actor. */
@SettleTest
class PortalActionsIT {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired PortalLinks links;
  @Autowired Disputes disputes;
  @Autowired CollectionActions collections;
  @Autowired AuditLog audit;
  @Autowired Timeline timeline;
  @Autowired JdbcTemplate jdbc;
  Journeys journeys;
  CustomerView customer;
  InvoiceView invoice;
  PortalClient browser;
  String page;

  @BeforeEach
  void setUp() {
    journeys = new Journeys(context);
    customer = journeys.customer(aCustomer());
    invoice = journeys.invoiced(anOrderFor(customer.id()).worth("1200.00"));
    browser = new PortalClient(port, "en");
    page = PortalClient.path(links.invoiceUrl(invoice.id()));
    assertThat(browser.get(page).status()).isEqualTo(200);
  }

  @Test
  void aDisputeWithAnAttachmentIsRaisedByTheContactAndTheRemindersAskOnlyForTheRest() {
    byte[] note = "%PDF-1.4 delivery note".getBytes(StandardCharsets.US_ASCII);

    PortalClient.Page sent = browser.postMultipart(page + "/disputes", Map.of("reasonCode", "DAMAGED_GOODS", "amount", "200.00",
        "description", "Two boxes arrived crushed"), List.of(new PortalClient.File("files", "delivery-note.pdf", "application/pdf", note)));

    assertThat(sent.status()).isEqualTo(302);
    var raised = disputes.ofCustomer(customer.id());
    assertThat(raised).singleElement().satisfies(d -> {
      assertThat(d.amount()).isEqualByComparingTo("200.00");
      assertThat(d.raisedBy()).isEqualTo(customer.apEmail());
      assertThat(d.attachments()).singleElement().satisfies(a -> assertThat(a.filename()).isEqualTo("delivery-note.pdf"));
    });
    String after = browser.get(PortalClient.path(sent.location())).body();
    assertThat(after).contains("your dispute on invoice " + invoice.number() + " is recorded")
        .containsPattern("Amount due</th><td[^>]*>1,000.00 EUR");
    assertThat(audit.trail("invoice:" + invoice.id())).anySatisfy(e -> {
      assertThat(e.action()).isEqualTo("dispute.raised");
      assertThat(e.actor()).isEqualTo("portal:" + customer.apEmail());
    });
    assertThat(timeline.of(customer.id(), java.util.Set.of("DISPUTE"), 10)).isNotEmpty();
    awaitOwnerMail("disputed");
  }

  @Test
  void aFileThatIsNotWhatItsNameSaysIsRefusedAndNothingIsStored() {
    PortalClient.Page sent = browser.postMultipart(page + "/disputes", Map.of("reasonCode", "DAMAGED_GOODS", "amount", "200.00",
        "description", "See the photo"), List.of(new PortalClient.File("files", "photo.pdf", "application/pdf",
        "MZ\u0090\u0000 not a pdf".getBytes(StandardCharsets.ISO_8859_1))));

    assertThat(sent.status()).isEqualTo(302);
    assertThat(browser.get(PortalClient.path(sent.location())).body()).contains("Nothing was changed");
    assertThat(disputes.ofCustomer(customer.id())).isEmpty();
  }

  @Test
  void aPromiseIsRecordedFromThePortalWithTheContactAsActorAndTheOwnerIsTold() {
    String date = journeys.today().plusDays(10).toString();

    PortalClient.Page sent = browser.post(page + "/promise", Map.of("date", date, "amount", "1200.00"), true);

    assertThat(sent.status()).isEqualTo(302);
    assertThat(collections.promises(invoice.id())).singleElement().satisfies(p -> {
      assertThat(p.date()).hasToString(date);
      assertThat(p.channel()).isEqualTo("PORTAL");
      assertThat(p.takenBy()).isEqualTo(customer.apEmail());
    });
    assertThat(audit.trail("invoice:" + invoice.id())).anySatisfy(e -> {
      assertThat(e.action()).isEqualTo("collections.promise-recorded");
      assertThat(e.actor()).isEqualTo("portal:" + customer.apEmail());
    });
    awaitOwnerMail("promised");
    assertThat(browser.post(page + "/promise", Map.of("date", date, "amount", "1200.00"), false).status())
        .as("without the CSRF token").isEqualTo(403);
  }

  @Test
  void aPlanWithinPolicyIsAgreedAtOnceAndOneOutsideIsRefusedWithTheTablesReason() {
    var today = journeys.today();
    PortalClient.Page refused = browser.post(page + "/plan", Map.of("date", today.plusDays(60).toString(), "amount", "1200.00"), true);
    assertThat(browser.get(PortalClient.path(refused.location())).body())
        .contains("We cannot agree this plan: No more than 45 days between instalments");
    assertThat(jdbc.queryForObject("select count(*) from payment_plan where invoice_id = ?", Long.class, invoice.id())).isZero();

    String form = "date=" + today.plusDays(10) + "&amount=400.00&date=" + today.plusDays(40) + "&amount=400.00&date=" + today.plusDays(70)
        + "&amount=400.00&date=&amount=";
    PortalClient.Page agreed = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + page + "/plan"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + java.net.URLEncoder.encode(browser.csrf(), StandardCharsets.UTF_8))));

    assertThat(browser.get(PortalClient.path(agreed.location())).body()).contains("Your payment plan is agreed");
    assertThat(jdbc.queryForObject("select count(*) from payment_plan where invoice_id = ?", Long.class, invoice.id())).isOne();
    assertThat(jdbc.queryForList("select decision from portal_plan_proposal where invoice_id = ? order by id", String.class, invoice.id()))
        .containsExactly("REFUSE", "ACCEPT");
    assertThat(audit.trail("invoice:" + invoice.id())).anySatisfy(e -> {
      assertThat(e.action()).isEqualTo("collections.payment-plan-agreed");
      assertThat(e.actor()).isEqualTo("portal:" + customer.apEmail());
    });
    assertThat(browser.get(PortalClient.path(links.accountUrl(customer.id())) + "/promises").body())
        .contains("Next instalment: 400.00 EUR");
  }

  private void awaitOwnerMail(String what) {
    Awaitility.await("the account owner told").atMost(Journeys.PATIENCE).until(() -> journeys.mailsTo(customer.accountOwnerEmail()).stream()
        .anyMatch(m -> {
          try {
            return m.getSubject().contains(what) && m.getSubject().contains(invoice.number());
          } catch (jakarta.mail.MessagingException e) {
            return false;
          }
        }));
  }
}
