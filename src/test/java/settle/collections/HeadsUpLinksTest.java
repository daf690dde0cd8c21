package settle.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import settle.audit.AuditEntry;
import settle.audit.AuditLog;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceView;
import settle.testdata.Api;
import settle.testdata.Journeys;
import settle.testdata.SettleTest;
import settle.testdata.Mails;

/** The heads-up mail's hold and snooze links: once each, as offered, recorded as what they are. */
@SettleTest
class HeadsUpLinksTest {

  @Autowired ApplicationContext context;
  @Autowired AuditLog audit;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;
  Journeys journeys;
  CustomerView customer;

  @BeforeEach
  void setUp() {
    journeys = new Journeys(context);
    customer = journeys.customer(aCustomer());
  }

  @Test
  void aHeadsUpLinkWorksOnceAndItsUseIsRecordedAsTheLinksNotAsTheOwners() throws Exception {
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("400.00"));
    journeys.advanceTo(invoice.dueDate().minusDays(2));
    String mail = Mails.raw(journeys.advanceUntilMailsTo(customer.accountOwnerEmail(), 1, Duration.ofDays(3)).getFirst());
    String hold = link(mail, "Hold");
    String snooze = link(mail, "Snooze");
    Api api = new Api(port).anonymous();

    assertThat(api.postForm(hold, "days=5&reason=Payment+arranged").status()).isEqualTo(200);
    assertThat(api.postForm(hold, "days=5&reason=Payment+arranged").status()).isEqualTo(410);
    assertThat(api.get(hold).status()).isEqualTo(410);
    assertThat(api.postForm(snooze, "days=2&reason=Customer+contacted+me").status()).isEqualTo(410);
    assertThat(jdbc.queryForObject("select count(*) from collection_hold where invoice_id = ?", Integer.class, invoice.id()))
        .isEqualTo(1);
    AuditEntry placed = audit.trail("invoice:" + invoice.id()).stream()
        .filter(e -> e.action().equals("collections.hold-placed")).findFirst().orElseThrow();
    assertThat(placed.actor()).isEqualTo("link:" + customer.accountOwnerEmail());
    assertThat(placed.details()).containsEntry("via", "heads-up link");
  }

  @Test
  void aSnoozeLinkSnoozesForTheTwoDaysItOffersAndNoLonger() throws Exception {
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("300.00"));
    journeys.advanceTo(invoice.dueDate().minusDays(2));
    String snooze = link(Mails.raw(journeys.advanceUntilMailsTo(customer.accountOwnerEmail(), 1, Duration.ofDays(3)).getFirst()), "Snooze");
    Api api = new Api(port).anonymous();
    assertThat(api.postForm(snooze, "days=90&reason=Customer+contacted+me").status()).isEqualTo(400);
    assertThat(api.postForm(snooze, "days=3&reason=Customer+contacted+me").status()).isEqualTo(400);
    assertThat(jdbc.queryForObject("select count(*) from collection_hold where invoice_id = ?", Integer.class, invoice.id()))
        .isZero();
    assertThat(api.postForm(snooze, "days=2&reason=Customer+contacted+me").status()).isEqualTo(200);
    assertThat(jdbc.queryForObject("select held_until - ?::date from collection_hold where invoice_id = ?", Integer.class,
        java.sql.Date.valueOf(journeys.today()), invoice.id())).isEqualTo(2);
  }

  @Test
  void noHeadsUpAnnouncesAStepThatIsOnHoldOnItsDay() {
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("200.00"));
    assertThat(new Api(port).post("/api/invoices/" + invoice.id() + "/holds", "{\"days\": 45, \"reason\": \"Contract talks\"}")
        .status()).isEqualTo(201);
    journeys.advanceTo(invoice.dueDate());
    // the due-date step was reached and held: time has passed the moment its heads-up would have gone
    await().atMost(Journeys.PATIENCE).until(() -> audit.trail("invoice:" + invoice.id()).stream()
        .anyMatch(e -> e.action().equals("collections.step-held")));
    journeys.quiesce();
    assertThat(journeys.subjectsTo(customer.accountOwnerEmail())).noneMatch(s -> s.startsWith("Heads-up"));
    assertThat(audit.trail("invoice:" + invoice.id())).extracting(AuditEntry::action).doesNotContain("collections.heads-up-sent");
  }

  private static String link(String mail, String kind) {
    Matcher m = Pattern.compile(kind + "[^\\n]*?http://localhost:8080(/holds/\\S+)").matcher(mail);
    assertThat(m.find()).as(kind + " link in " + mail).isTrue();
    return m.group(1).replaceAll("[\">)].*$", "");
  }

}
