package settle.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;

import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import settle.audit.AuditEntry;
import settle.audit.AuditLog;
import settle.common.ForbiddenException;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceView;
import settle.orders.OrderStatus;
import settle.orders.OrderToCash;
import settle.orders.OrderView;
import settle.staff.StaffDirectory;
import settle.tasks.TaskView;
import settle.testdata.Journeys;
import settle.testdata.PageSession;
import settle.testdata.SettleTest;
import settle.testdata.Staff;
import settle.testdata.Mails;

/** bpmn/credit-review.bpmn with dmn/credit-limit-policy.dmn: a raise at once, a raise a finance manager approves, a cut with its heads-up. */
@SettleTest
class CreditReviewProcessTest {

  @org.springframework.boot.test.web.server.LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired CreditReviews reviews;
  @Autowired AuditLog audit;
  @Autowired JdbcTemplate jdbc;
  @Autowired StaffDirectory staff;
  Journeys journeys;

  @BeforeEach
  void setUp() {
    journeys = new Journeys(context);
  }

  @Test
  void threeOnTimePaymentsInARowAskForAReviewThatRaisesTheLimitAtOnceAndAuditsWhy() {
    CustomerView customer = journeys.customer(aCustomer().withCreditLimit("10000").since(journeys.today().minusYears(2)));
    journeys.awaitOrder(journeys.order(anOrderFor(customer.id()).worth("6000.00")).id(), OrderStatus.APPROVED); // 60% in use
    long review = payThreeInvoicesOnTime(customer);

    assertThat(reviews.review(review).orElseThrow().requestedBecause()).isEqualTo("3 on-time payments in a row");
    assertThat(journeys.customers.get(customer.id()).creditLimit()).isEqualByComparingTo("12000");
    assertThat(journeys.history.completedElements(review)).containsSubsequence("gather-review-facts", "credit-limit-policy",
        "audit-credit-limit-policy", "record-credit-review", "review-outcome", "approval-needed", "apply-join",
        "apply-credit-limit", "follow-open-orders", "limit-cut", "limit-raised");
    assertThat(audit.trail("customer:" + customer.id())).extracting(AuditEntry::action)
        .containsSubsequence("decision.credit-limit-policy", "credit.review-decided", "customer.credit-limit-changed");
    AuditEntry changed = audit.trail("customer:" + customer.id()).stream()
        .filter(e -> e.action().equals("customer.credit-limit-changed")).findFirst().orElseThrow();
    assertThat(changed.actor()).isEqualTo("system:credit-review");
    assertThat(changed.details()).containsEntry("reason",
        "Credit review raised the limit: Three on-time payments in a row with over half the limit in use: raise by a fifth");
    assertThat(reviews.limitHistory(customer.id())).extracting(CreditReviews.Review::change)
        .containsExactly("10,000.00 EUR → 12,000.00 EUR");
  }

  @Test
  void aLargeRaiseWaitsForAFinanceManagerAndTheAccountOwnerCannotApproveIt() {
    // the account owner is a finance manager here, so only the four-eyes rule keeps her off the task
    CustomerView customer = journeys.customer(aCustomer().withCreditLimit("10000").ownedBy("Fran Novak", "fran@northwind.example")
        .since(journeys.today().minusYears(2)));
    payThreeInvoicesOnTime(customer); // nothing in use yet: that review keeps the limit
    journeys.awaitOrder(journeys.order(anOrderFor(customer.id()).worth("9500.00")).id(), OrderStatus.APPROVED); // 95% in use

    long review = review(customer, null);
    TaskView task = journeys.awaitOpenTask("customer:" + customer.id());
    assertThat(task.taskType()).isEqualTo("approve-credit-limit");
    assertThat(task.candidateGroups()).containsExactly("finance-managers");
    assertThat(task.variables()).containsEntry("newLimit", 15000.0).containsEntry("currency", "EUR")
        .containsEntry("excludedUsers", java.util.List.of("fran"));
    assertThat(journeys.customers.get(customer.id()).creditLimit()).isEqualByComparingTo("10000");

    // the finance manager's worklist says it in business words
    String worklist = PageSession.signIn(port, "demo", "demo").get("/work").body();
    assertThat(row(worklist, task.id())).contains(customer.name(), "Credit limit", "15,000.00 EUR",
        "Approve or refuse raising the credit limit of " + customer.name() + ": 10,000.00 EUR → 15,000.00 EUR.",
        "Why: Paying on time with the limit nearly used up: raise by half, approved by a finance manager");
    assertThat(worklist).doesNotContain("customer:", "approve-credit-limit");
    assertThat(journeys.inbox.worklist(staff.get("fran"), null, "ALL", 500)).extracting(TaskView::id).doesNotContain(task.id());
    assertThatThrownBy(() -> journeys.inbox.complete(task.id(), Map.of("approved", true, "notes", "My customer, I vouch"),
        staff.get("fran"))).isInstanceOf(ForbiddenException.class);
    assertThat(journeys.customers.get(customer.id()).creditLimit()).isEqualByComparingTo("10000");

    journeys.inbox.complete(task.id(), Map.of("approved", true, "notes", "Seen their accounts"),
        Staff.member("finn", "finance-managers"));
    await().until(() -> journeys.history.isCompleted(review));
    assertThat(journeys.customers.get(customer.id()).creditLimit()).isEqualByComparingTo("15000");
    assertThat(journeys.history.completedElements(review)).containsSubsequence("approval-needed", "approve-credit-limit",
        "raise-approved", "apply-join", "apply-credit-limit");
    assertThat(audit.trail("customer:" + customer.id())).filteredOn(e -> e.action().equals("customer.credit-limit-changed"))
        .extracting(AuditEntry::actor).containsExactly("finn");
    assertThat(reviews.review(review).orElseThrow().decidedBy()).isEqualTo("finn");

    String page = PageSession.signIn(port, "demo", "demo").get("/customers/" + customer.id()).body();
    assertThat(page.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ")).contains("Credit limit history",
        ": 10,000.00 EUR → 15,000.00 EUR", "raise by half, approved by a finance manager (approved by finn)");
  }

  private static String row(String page, long taskId) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("<tr data-task-id=\"" + taskId + "\">(.*?)</tr>",
        java.util.regex.Pattern.DOTALL).matcher(page);
    assertThat(m.find()).as("a row for task " + taskId).isTrue();
    return m.group(1);
  }

  @Test
  void aCutTellsTheOwnerWaitsTheHeadsUpWindowThenHoldsAnOrderAndTellsTheCustomer() throws Exception {
    CustomerView customer = journeys.customer(aCustomer().withCreditLimit("10000").since(journeys.today().minusYears(2))
        .apContact("Jo Payables", "+49 40 123", "Europe/Berlin"));
    OrderView order = journeys.order(anOrderFor(customer.id()).worth("6000.00"));
    journeys.awaitOrder(order.id(), OrderStatus.APPROVED);
    long first = review(customer, null); // kept: the rating it saw (low) is what the next review compares with
    await().until(() -> journeys.history.isCompleted(first));
    assertThat(journeys.history.completedElements(first)).endsWith("limit-kept");

    // as settle.risk's scorecard would when the customer's payments worsen
    jdbc.update("update customer set risk_rating = 'HIGH' where id = ?", customer.id());
    long cut = review(customer, null);
    journeys.awaitWaitingAt(cut, "object-to-credit-cut");
    assertThat(journeys.subjectsTo(customer.accountOwnerEmail())).anyMatch(s -> s.startsWith(
        "Heads-up: credit limit of " + customer.name() + " to be cut on "));
    String headsUp = Mails.part(journeys.mailsTo(customer.accountOwnerEmail()).getFirst(), "text/plain");
    assertThat(headsUp).contains("from 10,000.00 EUR to 5,000.00 EUR", "Risk rating worsened to high since the last review");
    TaskView objection = journeys.awaitOpenTask("customer:" + customer.id());
    assertThat(objection.taskType()).isEqualTo("object-to-credit-cut");

    journeys.advanceDays(6);
    assertThat(journeys.history.isWaitingAt(cut, "object-to-credit-cut")).isTrue();
    assertThat(journeys.customers.get(customer.id()).creditLimit()).isEqualByComparingTo("10000");
    assertThat(journeys.mailsTo(customer.apEmail())).isEmpty();

    journeys.advanceDays(1);
    await().until(() -> journeys.history.isCompleted(cut));
    assertThat(journeys.history.completedElements(cut)).containsSubsequence("announce-credit-cut", "heads-up-over",
        "withdraw-objection-task", "cut-confirmed", "apply-join", "apply-credit-limit", "follow-open-orders", "limit-cut",
        "notify-customer-of-cut", "customer-told");
    assertThat(journeys.customers.get(customer.id()).creditLimit()).isEqualByComparingTo("5000");
    assertThat(journeys.inbox.get(objection.id()).status()).isEqualTo("WITHDRAWN");

    MimeMessage told = journeys.awaitMailsTo(customer.apEmail(), 1).getFirst();
    assertThat(told.getSubject()).isEqualTo("Your credit limit with Northwind Supplies is now 5,000.00 EUR");
    assertThat(Mails.part(told, "text/plain")).contains("Dear Jo Payables", "now 5,000.00 EUR (it was 10,000.00 EUR)",
        "Why: Risk rating worsened to high since the last review: the limit is halved");

    // the approved order no longer fits: it is held, and its process tells the owner as for any credit hold
    OrderView held = journeys.awaitOrder(order.id(), OrderStatus.ON_HOLD);
    assertThat(held.statusReason()).isEqualTo("Credit limit now 5,000.00 EUR: High-risk customer above 80% of the credit limit");
    long orderProcess = journeys.instanceOf(OrderToCash.PROCESS_ID, "orderId", order.id());
    journeys.awaitWaitingAt(orderProcess, "credit-hold-released");
    assertThat(journeys.history.completedElements(orderProcess)).containsSubsequence("shipped-or-held", "held-by-credit-review",
        "on-credit-hold", "notify-credit-hold");
    assertThat(journeys.subjectsTo(customer.accountOwnerEmail())).contains(
        "Credit hold: order " + order.number() + " for " + customer.name());
  }

  @Test
  void theOwnersObjectionGoesToAFinanceManagerWhoMayWithdrawTheCut() {
    CustomerView customer = journeys.customer(aCustomer().withCreditLimit("8000").ownedBy("Dana Whitfield", "dana.whitfield@northwind.example"));
    long first = review(customer, null);
    await().until(() -> journeys.history.isCompleted(first));
    jdbc.update("update customer set risk_rating = 'HIGH' where id = ?", customer.id()); // as settle.risk's scorecard would
    long cut = review(customer, null);

    TaskView objection = journeys.awaitOpenTask("customer:" + customer.id());
    assertThat(objection.taskType()).isEqualTo("object-to-credit-cut");
    journeys.inbox.complete(objection.id(), Map.of("objection", "They prepaid the next order"), staff.get("dana"));
    await().until(() -> journeys.inbox.find(null, "OPEN", "customer:" + customer.id()).stream()
        .anyMatch(t -> t.taskType().equals("decide-objected-cut")));
    TaskView decide = journeys.awaitOpenTask("customer:" + customer.id());
    assertThat(decide.candidateGroups()).containsExactly("finance-managers");
    assertThat(decide.variables()).containsEntry("objection", "They prepaid the next order");
    assertThatThrownBy(() -> journeys.inbox.complete(decide.id(), Map.of("cut", false, "notes", "Agreed"),
        Staff.member("dana", "finance-managers"))).isInstanceOf(ForbiddenException.class);

    journeys.inbox.complete(decide.id(), Map.of("cut", false, "notes", "Prepayment covers the risk"), staff.get("fran"));
    await().until(() -> journeys.history.isCompleted(cut));
    assertThat(journeys.history.completedElements(cut)).containsSubsequence("object-to-credit-cut", "decide-objected-cut",
        "cut-anyway", "close-cut-withdrawn", "cut-withdrawn").doesNotContain("apply-credit-limit");
    assertThat(journeys.customers.get(customer.id()).creditLimit()).isEqualByComparingTo("8000");
    assertThat(reviews.review(cut).orElseThrow().status()).isEqualTo("WITHDRAWN");
    assertThat(audit.trail("customer:" + customer.id())).filteredOn(e -> e.action().equals("credit.review-withdrawn"))
        .singleElement().satisfies(e -> {
          assertThat(e.actor()).isEqualTo("fran");
          assertThat(e.details()).containsEntry("notes", "Prepayment covers the risk");
        });
  }

  @Test
  void aReviewAppliedTwiceChangesTheLimitOnce() {
    CustomerView customer = journeys.customer(aCustomer().withCreditLimit("10000").since(journeys.today().minusYears(2)));
    journeys.awaitOrder(journeys.order(anOrderFor(customer.id()).worth("6000.00")).id(), OrderStatus.APPROVED);
    long review = payThreeInvoicesOnTime(customer);
    assertThat(journeys.customers.get(customer.id()).creditLimit()).isEqualByComparingTo("12000");

    reviews.apply(review, null); // the apply job handed over again
    reviews.record(review, customer.id(), "RAISE", new java.math.BigDecimal("1.2"), "again", "again"); // and the record job

    assertThat(journeys.customers.get(customer.id()).creditLimit()).isEqualByComparingTo("12000");
    assertThat(audit.trail("customer:" + customer.id())).filteredOn(e -> e.action().equals("customer.credit-limit-changed")
        || e.action().equals("credit.review-decided")).hasSize(2);
  }

  /** Three invoices paid by their due date: the third asks for a review, returned once it has run its course. */
  private long payThreeInvoicesOnTime(CustomerView customer) {
    for (int i = 0; i < 3; i++) {
      InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("100.00"));
      assertThat(journeys.history.countInstancesWith(CreditReviews.PROCESS_ID, "customerId", customer.id())).isZero();
      journeys.pay(invoice, "100.00");
    }
    long review = journeys.instanceOf(CreditReviews.PROCESS_ID, "customerId", customer.id());
    await().until(() -> journeys.history.isCompleted(review));
    return review;
  }

  private long review(CustomerView customer, String requestedBy) {
    String because = "Asked by the test " + UUID.randomUUID();
    reviews.request(customer.id(), because, requestedBy);
    return journeys.instanceOf(CreditReviews.PROCESS_ID, "requestedBecause", because);
  }
}
