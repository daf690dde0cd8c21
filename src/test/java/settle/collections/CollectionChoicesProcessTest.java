package settle.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import settle.audit.AuditEntry;
import settle.audit.AuditLog;
import settle.customers.CustomerView;
import settle.disputes.DisputeView;
import settle.disputes.Disputes;
import settle.invoicing.InvoiceStatus;
import settle.invoicing.InvoiceView;
import settle.tasks.TaskView;
import settle.testdata.Api;
import settle.testdata.Journeys;
import settle.testdata.SettleTest;
import settle.testdata.Staff;
import settle.testdata.Mails;

/**
 * The choices people make in the collection loop's tasks, each acting as bpmn/invoice-collection.bpmn says:
 * a dispute or a wrong contact heard on a call, a hand-over to an agency or to legal, a payment-plan
 * proposal, and a cancelled plan. Time moves on the engine's clock.
 */
@SettleTest
// a context of its own: it moves the clock for months, and in the shared context every other class's open invoices
// would be dunned along the way (it took 170 to 730 s there, 90 to 120 s alone)
@org.springframework.test.context.TestPropertySource(properties = "settle.test.context=collection-choices")
class CollectionChoicesProcessTest {

  @Autowired ApplicationContext context;
  @Autowired AuditLog audit;
  @Autowired Disputes disputes;
  @Autowired CollectionActions actions;
  @Autowired JdbcTemplate jdbc;
  @Value("${settle.collections.agency-address}") String agencyAddress;
  @Value("${settle.collections.legal-address}") String legalAddress;
  @LocalServerPort int port;
  Journeys journeys;

  @BeforeEach
  void setUp() {
    journeys = new Journeys(context);
  }

  /** WATCH segment (MEDIUM risk): a collector call seven days after the due date. */
  private TaskView callTask(CustomerView customer, InvoiceView invoice) {
    journeys.advanceTo(invoice.dueDate().plusDays(7));
    TaskView call = journeys.awaitOpenTask("invoice:" + invoice.id());
    assertThat(call.taskType()).isEqualTo("collector-call");
    return call;
  }

  /** HIGH_RISK segment: the escalation ten days after the due date. */
  private TaskView escalationTask(InvoiceView invoice) {
    journeys.advanceTo(invoice.dueDate().plusDays(10));
    TaskView escalation = journeys.awaitOpenTask("invoice:" + invoice.id());
    assertThat(escalation.taskType()).isEqualTo("escalation");
    return escalation;
  }

  @Test
  void aDisputeHeardOnTheCallIsRaisedWithItsReasonAndAmount() {
    CustomerView customer = journeys.customer(aCustomer().rated("MEDIUM"));
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("900.00"));
    TaskView call = callTask(customer, invoice);

    journeys.inbox.complete(call.id(), Map.of("outcome", "DISPUTE", "disputeReason", "PRICING", "disputeAmount", "200",
        "notes", "March price list not applied"), Staff.anyone("casey"));

    await().atMost(Journeys.PATIENCE).until(() -> !disputes.find(null, null, invoice.id()).isEmpty());
    DisputeView dispute = disputes.find(null, null, invoice.id()).getFirst();
    assertThat(dispute.reasonCode()).isEqualTo("PRICING");
    assertThat(dispute.amount()).isEqualByComparingTo("200.00");
    assertThat(dispute.description()).isEqualTo("March price list not applied");
    assertThat(dispute.raisedBy()).isEqualTo("casey");
    assertThat(disputes.openDisputedAmount(invoice.id())).isEqualByComparingTo("200.00");
    long instance = journeys.instanceOf(InvoiceCollection.PROCESS_ID, "invoiceId", invoice.id());
    await().atMost(Journeys.PATIENCE).until(() -> journeys.history.completedElements(instance).contains("raise-dispute-from-call"));
    assertThat(journeys.history.completedElements(instance))
        .containsSubsequence("collector-call", "call-outcome", "raise-dispute-from-call");
  }

  @Test
  void aDisputeHeardWhenCallingAboutABrokenPromiseIsRaisedToo() {
    CustomerView customer = journeys.customer(aCustomer());
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("1000.00"));
    actions.promise(invoice.id(), new PromiseRequest(journeys.today().plusDays(3), new BigDecimal("1000"), "Casey", "PHONE"),
        "test", "test:broken-then-disputed:" + invoice.id());
    journeys.advanceDays(5);
    TaskView followUp = journeys.awaitOpenTask("invoice:" + invoice.id());
    assertThat(followUp.taskType()).isEqualTo("broken-promise");

    journeys.inbox.complete(followUp.id(), Map.of("outcome", "DISPUTE", "disputeReason", "SHORT_SHIPMENT",
        "disputeAmount", "150", "notes", "One pallet missing"), Staff.anyone("casey"));

    await().atMost(Journeys.PATIENCE).until(() -> !disputes.find(null, null, invoice.id()).isEmpty());
    DisputeView dispute = disputes.find(null, null, invoice.id()).getFirst();
    assertThat(dispute.reasonCode()).isEqualTo("SHORT_SHIPMENT");
    assertThat(dispute.amount()).isEqualByComparingTo("150.00");
    long instance = journeys.instanceOf(InvoiceCollection.PROCESS_ID, "invoiceId", invoice.id());
    await().atMost(Journeys.PATIENCE).until(() -> journeys.history.completedElements(instance).contains("raise-dispute-after-promise"));
    assertThat(journeys.history.completedElements(instance))
        .containsSubsequence("broken-promise", "new-promise", "raise-dispute-after-promise", "next-turn", "assess-invoice");
  }

  @Test
  void aWrongContactAsksTheOwnerToFixItAndDunningWaitsUntilItIsFixed() throws Exception {
    CustomerView customer = journeys.customer(aCustomer().rated("MEDIUM"));
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("900.00"));
    TaskView call = callTask(customer, invoice);
    int mailsToAp = journeys.mailsTo(customer.apEmail()).size();

    journeys.inbox.complete(call.id(), Map.of("outcome", "WRONG_CONTACT", "notes", "Jo left the company"), Staff.anyone("casey"));

    await().atMost(Journeys.PATIENCE).until(() -> journeys.subjectsTo(customer.accountOwnerEmail()).stream()
        .anyMatch(t -> t.startsWith("Please correct the AP contact")));
    MimeMessage ask = journeys.mailsTo(customer.accountOwnerEmail()).stream()
        .filter(m -> subject(m).startsWith("Please correct the AP contact")).findFirst().orElseThrow();
    assertThat(subject(ask)).isEqualTo("Please correct the AP contact of " + customer.name());
    assertThat(Mails.part(ask, "text/plain")).contains(customer.apEmail()).contains("Jo left the company").contains("casey")
        .contains("/api/customers/" + customer.id() + "/ap-contact");
    long instance = journeys.instanceOf(InvoiceCollection.PROCESS_ID, "invoiceId", invoice.id());

    // a month on, past the final notice's day: nothing went to the wrong address, the loop still waits
    journeys.advanceTo(invoice.dueDate().plusDays(37));
    journeys.quiesce();
    assertThat(journeys.mailsTo(customer.apEmail())).hasSize(mailsToAp);
    assertThat(journeys.history.completedElements(instance)).contains("ask-for-ap-contact").doesNotContain("ap-contact-fixed");

    String fixed = "payables-" + customer.apEmail();
    Api.Response changed = new Api(port).post("/api/customers/" + customer.id() + "/ap-contact", "{\"apEmail\": \"" + fixed + "\"}");
    assertThat(changed.status()).isEqualTo(200);

    await().atMost(Journeys.PATIENCE).until(() -> journeys.history.completedElements(instance).contains("ap-contact-fixed"));
    await().atMost(Journeys.PATIENCE).until(() -> {
      List<String> done = journeys.history.completedElements(instance);
      return done.subList(done.indexOf("ap-contact-fixed"), done.size()).contains("assess-invoice");
    });
    assertThat(audit.trail("customer:" + customer.id())).extracting(AuditEntry::action).contains("customer.ap-contact-changed");
  }

  @Test
  void anInvoiceHandedToTheAgencyLeavesDunningTheAgencyGetsItsPapersAndAManagerFollowsUp() throws Exception {
    CustomerView customer = journeys.customer(aCustomer().rated("HIGH"));
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("1000.00"));
    TaskView escalation = escalationTask(invoice);
    int agencyMails = journeys.mailsTo(agencyAddress).size();

    journeys.inbox.complete(escalation.id(), Map.of("handoff", "AGENCY", "notes", "No reply to three reminders"),
        Staff.anyone("morgan"));

    await().atMost(Journeys.PATIENCE).until(() -> journeys.invoices.get(invoice.id()).status() == InvoiceStatus.WITH_AGENCY);
    MimeMessage handOver = journeys.awaitMailsTo(agencyAddress, agencyMails + 1).stream()
        .filter(m -> subject(m).contains(invoice.number())).findFirst().orElseThrow();
    assertThat(subject(handOver)).isEqualTo("Hand-over for collection: invoice " + invoice.number() + ", " + customer.name());
    assertThat(attachments(handOver)).containsExactly(invoice.number() + ".pdf", "timeline.csv");
    assertThat(Mails.part(handOver, "text/plain")).contains("Statement of the customer's open invoices").contains("1,000.00 EUR open")
        .contains("(handed over with this mail)");
    assertThat(attachment(handOver, "timeline.csv")).contains("Task opened").contains("morgan")
        .contains("Handed over to the collection agency");
    int mailsToAp = journeys.mailsTo(customer.apEmail()).size();

    journeys.advanceDays(30);
    TaskView followUp = journeys.awaitOpenTask("invoice:" + invoice.id());
    assertThat(followUp.taskType()).isEqualTo("follow-up-hand-over");
    assertThat(followUp.candidateGroups()).containsExactly("collections-managers");
    assertThat(journeys.mailsTo(customer.apEmail())).hasSize(mailsToAp);
    journeys.inbox.complete(followUp.id(), Map.of("notes", "Agency has reached the customer"), Staff.anyone("morgan"));

    journeys.pay(invoice, "1000.00");
    long instance = journeys.instanceOf(InvoiceCollection.PROCESS_ID, "invoiceId", invoice.id());
    await().atMost(Journeys.PATIENCE).until(() -> journeys.history.isCompleted(instance));
    assertThat(journeys.history.completedElements(instance)).containsSubsequence("escalation", "escalation-outcome",
        "turn-handed-over", "hand-over-invoice", "hand-over-follow-up-due", "follow-up-hand-over",
        "payment-after-hand-over", "paid-after-hand-over", "invoice-paid-after-hand-over");
    assertThat(journeys.invoices.get(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(audit.trail("invoice:" + invoice.id())).extracting(AuditEntry::action)
        .containsSubsequence("invoice.handed-over", "collections.handed-over");
  }

  @Test
  void anInvoiceHandedToLegalShowsItAndTheLawyerGetsTheMail() throws Exception {
    CustomerView customer = journeys.customer(aCustomer().rated("HIGH"));
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("2500.00"));
    TaskView escalation = escalationTask(invoice);

    journeys.inbox.complete(escalation.id(), Map.of("handoff", "LEGAL", "notes", "Insolvency rumours"), Staff.anyone("morgan"));

    await().atMost(Journeys.PATIENCE).until(() -> journeys.invoices.get(invoice.id()).status() == InvoiceStatus.WITH_LEGAL);
    await().atMost(Journeys.PATIENCE).until(() -> journeys.mailsTo(legalAddress).stream()
        .anyMatch(m -> subject(m).contains(invoice.number())));
    MimeMessage mail = journeys.mailsTo(legalAddress).stream().filter(m -> subject(m).contains(invoice.number())).findFirst().orElseThrow();
    assertThat(Mails.part(mail, "text/plain")).contains("for legal action").contains("2,500.00 EUR");
    assertThat(attachments(mail)).contains(invoice.number() + ".pdf", "timeline.csv");
  }

  @Test
  void aPaymentPlanProposalOffersTheCustomerTheInstalmentsAndDunningGoesOn() throws Exception {
    CustomerView customer = journeys.customer(aCustomer().rated("HIGH"));
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("1000.00"));
    TaskView escalation = escalationTask(invoice);

    journeys.inbox.complete(escalation.id(), Map.of("handoff", "PAYMENT_PLAN", "planInstalments", "3", "notes", "Cash-flow trouble"),
        Staff.anyone("morgan"));

    await().atMost(Journeys.PATIENCE).until(() -> journeys.subjectsTo(customer.apEmail())
        .contains("Proposal: invoice " + invoice.number() + " in 3 instalments"));
    MimeMessage proposal = journeys.mailsTo(customer.apEmail()).stream()
        .filter(m -> subject(m).startsWith("Proposal:")).findFirst().orElseThrow();
    String body = Mails.part(proposal, "text/plain");
    assertThat(body).contains("Instalment 1: 333.33 EUR by " + settle.testdata.Mails.day(journeys.today().plusMonths(1)))
        .contains("Instalment 2: 333.33 EUR by " + settle.testdata.Mails.day(journeys.today().plusMonths(2)))
        .contains("Instalment 3: 333.34 EUR by " + settle.testdata.Mails.day(journeys.today().plusMonths(3)));
    assertThat(attachments(proposal)).containsExactly(invoice.number() + ".pdf");
    long instance = journeys.instanceOf(InvoiceCollection.PROCESS_ID, "invoiceId", invoice.id());
    await().atMost(Journeys.PATIENCE).until(() -> journeys.history.completedElements(instance).contains("propose-payment-plan"));
    await().atMost(Journeys.PATIENCE).until(() -> {
      List<String> done = journeys.history.completedElements(instance);
      return done.subList(done.indexOf("propose-payment-plan"), done.size()).contains("assess-invoice");
    });
    assertThat(journeys.invoices.get(invoice.id()).status()).isEqualTo(InvoiceStatus.OPEN);
    assertThat(audit.trail("invoice:" + invoice.id())).extracting(AuditEntry::action).contains("collections.payment-plan-proposed");
  }

  @Test
  void cancellingAPlanAfterAMissedInstalmentStopsItsRemindersAndDunningResumes() {
    CustomerView customer = journeys.customer(aCustomer());
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("1000.00"));
    actions.agreePaymentPlan(invoice.id(), new PaymentPlanRequest(List.of(
        new PaymentPlanRequest.Instalment(invoice.dueDate().plusDays(10), new BigDecimal("600")),
        new PaymentPlanRequest.Instalment(invoice.dueDate().plusDays(40), new BigDecimal("400"))), "sam"), "sam");

    journeys.advanceTo(invoice.dueDate().plusDays(12));
    TaskView missed = journeys.awaitOpenTask("invoice:" + invoice.id());
    assertThat(missed.taskType()).isEqualTo("missed-instalment");
    journeys.inbox.complete(missed.id(), Map.of("decision", "CANCEL_PLAN", "notes", "Customer stopped answering"),
        Staff.anyone("morgan"));

    long instance = journeys.instanceOf(InvoiceCollection.PROCESS_ID, "invoiceId", invoice.id());
    await().atMost(Journeys.PATIENCE).until(() -> journeys.history.completedElements(instance).contains("plan-cancelled"));
    assertThat(jdbc.queryForList("select status from payment_plan_instalment i join payment_plan p on p.id = i.plan_id"
        + " where p.invoice_id = ? order by number", String.class, invoice.id())).containsExactly("MISSED", "CANCELLED");

    // past the second instalment's reminder day: no reminder for it; the loop is dunning again
    journeys.advanceTo(invoice.dueDate().plusDays(41));
    journeys.quiesce();
    assertThat(journeys.subjectsTo(customer.apEmail())).noneMatch(s -> s.startsWith("Instalment 2 of 2"));
    List<String> done = journeys.history.completedElements(instance);
    assertThat(done.subList(done.indexOf("plan-cancelled"), done.size()))
        .containsSubsequence("next-turn", "assess-invoice", "plan-collection-step");
    assertThat(journeys.history.completedElements(instance)).containsSubsequence(
        "missed-instalment", "missed-decision", "cancel-payment-plan", "plan-cancelled");
    assertThat(audit.trail("invoice:" + invoice.id())).extracting(AuditEntry::action).contains("collections.payment-plan-cancelled");
  }

  @Test
  void aMissedInstalmentCanGoToTheAgencyOrToACollectorsCall() {
    CustomerView customer = journeys.customer(aCustomer());
    InvoiceView toAgency = journeys.invoiced(anOrderFor(customer.id()).worth("1000.00"));
    InvoiceView toCall = journeys.invoiced(anOrderFor(customer.id()).worth("800.00"));
    for (InvoiceView invoice : List.of(toAgency, toCall)) {
      actions.agreePaymentPlan(invoice.id(), new PaymentPlanRequest(List.of(
          new PaymentPlanRequest.Instalment(invoice.dueDate().plusDays(10), invoice.openAmount())), "sam"), "sam");
    }
    journeys.advanceTo(toAgency.dueDate().plusDays(12));
    TaskView agency = journeys.awaitOpenTask("invoice:" + toAgency.id());
    TaskView call = journeys.awaitOpenTask("invoice:" + toCall.id());

    journeys.inbox.complete(agency.id(), Map.of("decision", "AGENCY"), Staff.anyone("morgan"));
    journeys.inbox.complete(call.id(), Map.of("decision", "CALL_CUSTOMER"), Staff.anyone("morgan"));

    await().atMost(Journeys.PATIENCE).until(() -> journeys.invoices.get(toAgency.id()).status() == InvoiceStatus.WITH_AGENCY);
    await().atMost(Journeys.PATIENCE).until(() -> journeys.mailsTo(agencyAddress).stream()
        .anyMatch(m -> subject(m).contains(toAgency.number())));
    long agencyInstance = journeys.instanceOf(InvoiceCollection.PROCESS_ID, "invoiceId", toAgency.id());
    assertThat(journeys.history.completedElements(agencyInstance))
        .containsSubsequence("missed-decision", "plan-handed-over", "hand-over-invoice");

    TaskView collectorCall = journeys.awaitOpenTask("invoice:" + toCall.id());
    assertThat(collectorCall.taskType()).isEqualTo("call-about-instalment");
    assertThat(collectorCall.candidateGroups()).containsExactly("collectors");
  }

  private static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> attachments(Part part) throws Exception {
    List<String> names = new ArrayList<>();
    collect(part, names, null);
    return names;
  }

  private static String attachment(Part part, String filename) throws Exception {
    List<String> content = new ArrayList<>();
    collect(part, new ArrayList<>(), c -> content.add(c));
    List<String> names = attachments(part);
    return content.get(names.indexOf(filename));
  }

  private static void collect(Part part, List<String> names, java.util.function.Consumer<String> contents) throws Exception {
    if (part.getFileName() != null) {
      names.add(part.getFileName());
      if (contents != null) {
        contents.accept(new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      }
      return;
    }
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        collect(child, names, contents);
      }
    }
  }
}
