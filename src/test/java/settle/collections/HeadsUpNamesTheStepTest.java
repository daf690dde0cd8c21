package settle.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import settle.audit.AuditEntry;
import settle.audit.AuditLog;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceView;
import settle.testdata.Api;
import settle.testdata.Journeys;
import settle.testdata.PageSession;
import settle.testdata.SettleTest;
import settle.testdata.Mails;

/**
 * The two heads-up bugs of issue 14: a heads-up announced a step that was on hold, and a reminder went out a day
 * after its heads-up said. A heads-up names the customer's day its step goes out on, and a step shown as held is
 * neither announced nor sent.
 */
@SettleTest
class HeadsUpNamesTheStepTest {

  @Autowired ApplicationContext context;
  @Autowired AuditLog audit;
  @LocalServerPort int port;
  Journeys journeys;

  @BeforeEach
  void setUp() {
    journeys = new Journeys(context);
  }

  @Test
  void aStepHeldFromTheChasingPageWithItsShortestHoldIsNeitherAnnouncedNorSent() {
    CustomerView customer = journeys.customer(aCustomer());
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("700.00"));
    Api api = new Api(port).as("demo");
    // the first day the page lists the due-day reminder, the person holds it for the shortest time offered
    journeys.advanceTo(invoice.dueDate().minusDays(8));
    int days = 0;
    while (!api.get("/api/chasing").body().toString().contains(invoice.number())) {
      assertThat(days++).as("days until the chasing page lists the reminder").isLessThan(8);
      journeys.advanceDays(1);
    }
    PageSession page = PageSession.signIn(port, "demo", "demo");
    assertThat(page.postForm("/chasing/hold", Map.of("invoiceId", String.valueOf(invoice.id()), "days", "7")).status())
        .isEqualTo(302);

    journeys.advanceTo(invoice.dueDate().plusDays(1));
    await().atMost(Journeys.PATIENCE).until(() -> actions(invoice).stream()
        .anyMatch(a -> a.equals("collections.step-held") || a.equals("collections.reminder-sent")));
    journeys.quiesce();
    assertThat(actions(invoice)).contains("collections.step-held")
        .doesNotContain("collections.heads-up-sent", "collections.reminder-sent");
    assertThat(journeys.subjectsTo(customer.accountOwnerEmail())).noneMatch(s -> s.startsWith("Heads-up"));
    assertThat(journeys.subjectsTo(customer.apEmail())).hasSize(1); // the invoice only
  }

  @Test
  void aSnoozedReminderGoesOutOnTheCustomersDayItsHeadsUpNamesAtTheSendHour() throws Exception {
    CustomerView customer = journeys.customer(aCustomer().in("NZ", "Pacific/Auckland"));
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("900.00"));
    journeys.advanceTo(invoice.dueDate().minusDays(2));
    String snooze = link(Mails.raw(journeys.advanceUntilMailsTo(customer.accountOwnerEmail(), 1, Duration.ofDays(3)).getFirst()), "Snooze");
    assertThat(new Api(port).anonymous().postForm(snooze, "days=2&reason=Customer+contacted+me").status()).isEqualTo(200);

    // the snooze ends, the step is planned again and announced again
    journeys.advanceUntilMailsTo(customer.accountOwnerEmail(), 2, Duration.ofDays(6));
    journeys.quiesce();
    String subject = journeys.mailsTo(customer.accountOwnerEmail()).get(1).getSubject();
    LocalDate named = LocalDate.parse(subject.substring(subject.indexOf(" planned for ") + " planned for ".length()), settle.testdata.Mails.DAY);
    AuditEntry planned = audit.trail("invoice:" + invoice.id()).stream()
        .filter(e -> e.action().equals("collections.step-planned")).reduce((a, b) -> b).orElseThrow();
    Instant actionAt = Instant.parse((String) planned.details().get("actionAt"));
    ZonedDateTime local = actionAt.atZone(customer.zone());
    assertThat(local.toLocalDate()).as("the customer's day of the reminder").isEqualTo(named);
    assertThat(local.toLocalTime()).isEqualTo(LocalTime.of(9, 0));
    // announced 24 hours ahead, or within the quarter hour when planned later than that, but never with less than the minimum notice
    assertThat(Instant.parse((String) planned.details().get("headsUpAt")))
        .isBetween(actionAt.minus(Duration.ofHours(24)), actionAt.minus(Duration.ofHours(4)));

    // and the mail itself goes out then, not a minute before
    journeys.advanceTo(actionAt.minus(Duration.ofMinutes(1)));
    journeys.quiesce();
    assertThat(journeys.mailsTo(customer.apEmail())).hasSize(1);
    journeys.advanceTo(actionAt.plus(Duration.ofMinutes(1)));
    assertThat(journeys.awaitMailsTo(customer.apEmail(), 2).get(1).getSubject()).startsWith("Reminder: invoice " + invoice.number());
  }

  private List<String> actions(InvoiceView invoice) {
    return audit.trail("invoice:" + invoice.id()).stream().map(AuditEntry::action).toList();
  }

  private static String link(String mail, String kind) {
    Matcher m = Pattern.compile(kind + "[^\\n]*?http://localhost:8080(/holds/\\S+)").matcher(mail);
    assertThat(m.find()).as(kind + " link in " + mail).isTrue();
    return m.group(1).replaceAll("[\">)].*$", "");
  }

}
