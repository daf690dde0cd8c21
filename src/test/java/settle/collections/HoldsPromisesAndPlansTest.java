package settle.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;

import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
import settle.common.InvalidRequestException;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceView;
import settle.tasks.TaskView;
import settle.testdata.Api;
import settle.testdata.Journeys;
import settle.testdata.SettleTest;
import settle.testdata.Staff;
import settle.testdata.Mails;

/** Holds, promises to pay, payment plans and same-day reminders, each through the running collection loop. */
@SettleTest
class HoldsPromisesAndPlansTest {

  @Autowired ApplicationContext context;
  @Autowired AuditLog audit;
  @Autowired CollectionActions actions;
  @LocalServerPort int port;
  Journeys journeys;
  CustomerView customer;

  @BeforeEach
  void setUp() {
    journeys = new Journeys(context);
    customer = journeys.customer(aCustomer());
  }

  @Test
  void aReminderHeldFromTheHeadsUpLinkIsNotSentIsAuditedAndTheNextStepStillHappens() throws Exception {
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("700.00"));
    journeys.advanceTo(invoice.dueDate().minusDays(2));
    MimeMessage headsUp = journeys.advanceUntilMailsTo(customer.accountOwnerEmail(), 1, Duration.ofDays(3)).getFirst();
    Matcher link = Pattern.compile("http://localhost:8080(/holds/\\S+)").matcher(Mails.raw(headsUp));
    assertThat(link.find()).isTrue();

    Api api = new Api(port);
    Api.Response page = api.get(link.group(1));
    assertThat(page.status()).isEqualTo(200);
    assertThat(new String(page.bytes(), StandardCharsets.UTF_8)).contains(invoice.number()).contains("Reminder on the due date");
    Api.Response held = api.postForm(link.group(1), "days=5&reason=Payment+arranged&note=CFO+confirmed");
    assertThat(held.status()).isEqualTo(200);
    assertThat(api.get(link.group(1).replace(".", "x.")).status()).isEqualTo(404);

    journeys.advanceDays(1);
    journeys.quiesce();
    assertThat(journeys.mailsTo(customer.apEmail())).hasSize(1);
    AuditEntry skipped = audit.trail("invoice:" + invoice.id()).stream()
        .filter(e -> e.action().equals("collections.step-held")).findFirst().orElseThrow();
    assertThat(skipped.details()).containsEntry("heldBy", "link:" + customer.accountOwnerEmail())
        .containsEntry("reason", "Payment arranged — CFO confirmed").containsEntry("action", "DUE_REMINDER");

    // held until four days after the due date; the overdue reminder is then planned again, announced 24 hours
    // ahead, and goes out on the day its heads-up names
    journeys.advanceTo(invoice.dueDate().plusDays(3));
    LocalDate named = secondHeadsUpDay();
    journeys.quiesce();
    assertThat(journeys.mailsTo(customer.apEmail())).hasSize(1);
    journeys.advanceTo(named.plusDays(1));
    assertThat(journeys.awaitMailsTo(customer.apEmail(), 2).get(1).getSubject())
        .isEqualTo("Reminder: invoice " + invoice.number() + " is " + overdue(invoice, named));
  }

  private static String overdue(InvoiceView invoice, LocalDate on) {
    long days = ChronoUnit.DAYS.between(invoice.dueDate(), on);
    return days == 1 ? "1 day overdue" : days + " days overdue";
  }

  /** The day the second heads-up names, the clock moved until it arrives, its step still ahead. */
  private LocalDate secondHeadsUpDay() throws Exception {
    String subject = journeys.advanceUntilMailsTo(customer.accountOwnerEmail(), 2, Duration.ofDays(4)).get(1).getSubject();
    return LocalDate.parse(subject.substring(subject.indexOf(" planned for ") + " planned for ".length()), settle.testdata.Mails.DAY);
  }

  @Test
  void aSnoozedReminderGoesOutWhenTheSnoozeEnds() throws Exception {
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("300.00"));
    journeys.advanceTo(invoice.dueDate().minusDays(2));
    Matcher link = Pattern.compile("Snooze[^\\n]*?(/holds/\\S+)").matcher(Mails.raw(journeys.advanceUntilMailsTo(customer.accountOwnerEmail(), 1, Duration.ofDays(3)).getFirst()));
    assertThat(link.find()).isTrue();
    journeys.quiesce(); // the owner reads the mail after the loop has moved on to its wait, as a person would
    assertThat(new Api(port).postForm(link.group(1), "days=2&reason=Customer+contacted+me").status()).isEqualTo(200);

    journeys.advanceDays(1);
    journeys.quiesce();
    assertThat(journeys.mailsTo(customer.apEmail())).hasSize(1);
    // the snooze ends: the same reminder is announced again 24 hours ahead and goes out on the day named
    LocalDate named = secondHeadsUpDay();
    journeys.advanceTo(named.plusDays(1));
    assertThat(journeys.awaitMailsTo(customer.apEmail(), 2).get(1).getSubject())
        .isEqualTo("Reminder: invoice " + invoice.number() + " is " + overdue(invoice, named));
    assertThat(audit.trail("invoice:" + invoice.id())).extracting(AuditEntry::action)
        .containsSubsequence("collections.snooze-placed", "collections.step-snoozed", "collections.reminder-sent");
  }

  @Test
  void aHoldThroughTheApiNeedsDaysAndAReason() {
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("100.00"));
    Api api = new Api(port);
    assertThat(api.post("/api/invoices/" + invoice.id() + "/holds", "{\"days\": 3, \"reason\": \"Customer on holiday\"}").status())
        .isEqualTo(201);
    Api.Response refused = api.post("/api/invoices/" + invoice.id() + "/holds", "{\"days\": 0}");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().get("detail").asText()).contains("days").contains("reason");
  }

  @Test
  void aKeptPromiseEndsTheRemindersAndIsRecordedAsKept() {
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("1000.00"));
    journeys.advanceTo(invoice.dueDate());
    journeys.awaitMailsTo(customer.apEmail(), 2);
    Api.Response promise = new Api(port).post("/api/invoices/" + invoice.id() + "/promises", """
        {"date": "%s", "amount": 1000, "takenBy": "Casey Collector", "channel": "PHONE"}""".formatted(invoice.dueDate().plusDays(5)));
    assertThat(promise.status()).isEqualTo(201);

    journeys.advanceTo(invoice.dueDate().plusDays(4));
    journeys.awaitWaitingAt(journeys.instanceOf(InvoiceCollection.PROCESS_ID, "invoiceId", invoice.id()), "promise-wait");
    assertThat(journeys.mailsTo(customer.apEmail())).hasSize(2);
    journeys.pay(invoice, "1000.00");
    long instance = journeys.instanceOf(InvoiceCollection.PROCESS_ID, "invoiceId", invoice.id());
    await().atMost(Journeys.PATIENCE).until(() -> journeys.history.isCompleted(instance));

    journeys.advanceTo(invoice.dueDate().plusDays(40));
    journeys.quiesce();
    // no reminder after the payment; the late payment may worsen the rating, and a credit review's new limit is told
    assertThat(journeys.subjectsTo(customer.apEmail())).filteredOn(s -> !s.startsWith("Your credit limit with ")).hasSize(2);
    assertThat(actions.promises(invoice.id())).extracting(CollectionActions.PromiseView::status).containsExactly("KEPT");
  }

  @Test
  void aBrokenPromiseOpensACollectorTaskWithinOneTurn() {
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("1000.00"));
    actions.promise(invoice.id(), new PromiseRequest(journeys.today().plusDays(3), new BigDecimal("1000"), "Casey", "PHONE"), "casey", "test:broken");

    journeys.advanceDays(4);
    // still waiting for the promised date plus grace (or a payment): no task yet, and none on its way
    journeys.awaitWaitingAt(journeys.instanceOf(InvoiceCollection.PROCESS_ID, "invoiceId", invoice.id()), "promise-wait");
    assertThat(journeys.inbox.find(null, "OPEN", "invoice:" + invoice.id())).isEmpty();
    journeys.advanceDays(1);
    TaskView task = journeys.awaitOpenTask("invoice:" + invoice.id());
    assertThat(task.taskType()).isEqualTo("broken-promise");
    assertThat(task.candidateGroups()).containsExactly("collectors");
    assertThat(actions.promises(invoice.id())).extracting(CollectionActions.PromiseView::status).containsExactly("BROKEN");
    assertThat(audit.trail("invoice:" + invoice.id())).extracting(AuditEntry::action)
        .containsSubsequence("collections.promise-recorded", "collections.promise-broken", "task.opened");
  }

  @Test
  void aCollectorsCallCanRecordAPromiseButOnlyWithDateAndAmount() {
    CustomerView watched = journeys.customer(aCustomer().rated("MEDIUM"));
    InvoiceView invoice = journeys.invoiced(anOrderFor(watched.id()).worth("900.00"));
    journeys.advanceTo(invoice.dueDate().plusDays(7));
    TaskView call = journeys.awaitOpenTask("invoice:" + invoice.id());
    assertThat(call.taskType()).isEqualTo("collector-call");

    assertThatThrownBy(() -> journeys.inbox.complete(call.id(), Map.of("outcome", "PROMISE"), Staff.anyone("casey")))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("promiseDate is required");
    journeys.inbox.complete(call.id(), Map.of("outcome", "PROMISE", "promiseDate", invoice.dueDate().plusDays(12).toString(),
        "promiseAmount", "900"), Staff.anyone("casey"));

    await().atMost(Journeys.PATIENCE).until(() -> !actions.promises(invoice.id()).isEmpty());
    assertThat(actions.promises(invoice.id()).getFirst()).satisfies(p -> {
      assertThat(p.takenBy()).isEqualTo("casey");
      assertThat(p.status()).isEqualTo("ACTIVE");
      assertThat(p.date()).isEqualTo(invoice.dueDate().plusDays(12));
    });
  }

  @Test
  void eachInstalmentIsRemindedAndAMissedOneGoesToACollectionsManager() {
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("1000.00"));
    assertThatThrownBy(() -> actions.agreePaymentPlan(invoice.id(), plan(invoice, "600", "300"), "sam"))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("add up to 900.00 but 1000.00 is open");
    actions.agreePaymentPlan(invoice.id(), plan(invoice, "600", "400"), "sam");

    journeys.advanceTo(invoice.dueDate().plusDays(7));
    journeys.quiesce();
    assertThat(journeys.subjectsTo(customer.apEmail())).containsExactly("Invoice " + invoice.number() + " from Northwind Supplies",
        "Instalment 1 of 2 for invoice " + invoice.number() + " is due on " + inWords(invoice.dueDate().plusDays(10)));
    journeys.pay(invoice, "600.00");

    journeys.advanceTo(invoice.dueDate().plusDays(37));
    journeys.awaitMailsTo(customer.apEmail(), 3);
    journeys.advanceTo(invoice.dueDate().plusDays(42));
    TaskView missed = journeys.awaitOpenTask("invoice:" + invoice.id());
    assertThat(missed.taskType()).isEqualTo("missed-instalment");
    assertThat(missed.candidateGroups()).containsExactly("collections-managers");
    assertThat(audit.trail("invoice:" + invoice.id())).extracting(AuditEntry::action)
        .containsSubsequence("collections.payment-plan-agreed", "collections.instalment-reminded", "collections.instalment-paid",
            "collections.instalment-reminded", "collections.instalment-missed");
  }

  @Test
  void invoicesReachingTheSameStepOnTheSameDayGoOutAsOneMail() throws Exception {
    InvoiceView first = journeys.invoiced(anOrderFor(customer.id()).worth("100.00"));
    InvoiceView second = journeys.invoiced(anOrderFor(customer.id()).worth("250.00"));
    assertThat(second.dueDate()).isEqualTo(first.dueDate());

    journeys.advanceTo(first.dueDate());
    journeys.quiesce();
    List<MimeMessage> mails = journeys.mailsTo(customer.apEmail());
    assertThat(mails).hasSize(3);
    MimeMessage combined = mails.get(2);
    assertThat(combined.getSubject()).isEqualTo("Due today: 2 invoices");
    assertThat(Mails.raw(combined)).contains(first.number()).contains(second.number()).contains("350.00");
    assertThat(journeys.subjectsTo(customer.accountOwnerEmail())).containsExactly(
        "Heads-up: 2 customer contacts planned for " + inWords(first.dueDate()));
  }

  private PaymentPlanRequest plan(InvoiceView invoice, String first, String second) {
    return new PaymentPlanRequest(List.of(
        new PaymentPlanRequest.Instalment(invoice.dueDate().plusDays(10), new BigDecimal(first)),
        new PaymentPlanRequest.Instalment(invoice.dueDate().plusDays(40), new BigDecimal(second))), "sam");
  }


  private static String inWords(java.time.LocalDate day) {
    return settle.testdata.Mails.day(day);
  }
}
