package settle.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;

import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import settle.audit.AuditEntry;
import settle.audit.AuditLog;
import settle.common.ForbiddenException;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceStatus;
import settle.invoicing.InvoiceView;
import settle.tasks.TaskView;
import settle.testdata.Journeys;
import settle.testdata.SettleTest;
import settle.testdata.Staff;
import settle.testdata.Mails;

/** bpmn/order-to-cash.bpmn, one test per path, on the in-memory engine. */
@SettleTest
class OrderToCashProcessTest {

  @Autowired ApplicationContext context;
  @Autowired AuditLog audit;
  @Value("${settle.public-url}") String publicUrl;
  Journeys journeys;

  @BeforeEach
  void setUp() {
    journeys = new Journeys(context);
  }

  @Test
  void approvedOrderIsInvoicedFromItsDealTermsMailedAndClosedWhenPaid() {
    CustomerView customer = journeys.customer(aCustomer().withCreditLimit("50000"));
    OrderView order = journeys.order(anOrderFor(customer.id()).line("Shelving", "10", "100.00").discount("10")
        .terms("2/10 NET30").po("PO-4711"));
    journeys.awaitOrder(order.id(), OrderStatus.APPROVED);
    journeys.orders.fulfil(order.id(), "test");

    OrderView invoiced = journeys.awaitOrder(order.id(), OrderStatus.INVOICED);
    InvoiceView invoice = journeys.invoices.get(invoiced.invoiceId());
    assertThat(invoice.total()).isEqualByComparingTo("900.00");
    assertThat(invoice.discountAmount()).isEqualByComparingTo("100.00");
    assertThat(invoice.paymentTerms()).isEqualTo("2/10 NET30");
    assertThat(invoice.dueDate()).isEqualTo(invoice.issueDate().plusDays(30));
    assertThat(invoice.earlyDiscountDate()).isEqualTo(invoice.issueDate().plusDays(10));
    assertThat(invoice.earlyPaymentAmount()).isEqualByComparingTo("882.00");
    assertThat(invoice.poNumber()).isEqualTo("PO-4711");
    assertThat(journeys.awaitMailsTo(customer.apEmail(), 1)).hasSize(1);

    journeys.pay(invoice, "900.00");
    journeys.awaitOrder(order.id(), OrderStatus.PAID);
    long instance = journeys.instanceOf(OrderToCash.PROCESS_ID, "orderId", order.id());
    await().until(() -> journeys.history.isCompleted(instance));
    assertThat(journeys.history.completedElements(instance)).containsSubsequence(
        "compute-exposure", "credit-decision", "audit-credit-decision", "credit-outcome", "approve-order",
        "order-fulfilled", "issue-invoice", "mark-invoiced", "send-invoice", "collect-invoice", "mark-paid", "order-paid");
    assertThat(journeys.invoices.get(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
  }

  @Test
  void orderOverTheLimitWaitsForACreditAnalystAndGoesAheadWhenApproved() {
    CustomerView customer = journeys.customer(aCustomer().withCreditLimit("1000"));
    OrderView order = journeys.order(anOrderFor(customer.id()).worth("1100.00"));

    journeys.awaitOrder(order.id(), OrderStatus.IN_REVIEW);
    TaskView task = journeys.awaitOpenTask("order:" + order.id());
    assertThat(task.candidateGroups()).containsExactly("credit-analysts");
    assertThat(task.variables()).containsEntry("exposureRatio", 1.1);

    journeys.inbox.complete(task.id(), Map.of("approved", true, "reason", "Customer prepaid half"), Staff.anyone("analyst"));
    OrderView approved = journeys.awaitOrder(order.id(), OrderStatus.APPROVED);
    assertThat(approved.statusReason()).isEqualTo("Customer prepaid half");

    long instance = journeys.instanceOf(OrderToCash.PROCESS_ID, "orderId", order.id());
    assertThat(journeys.history.completedElements(instance)).containsSubsequence(
        "credit-outcome", "mark-in-review", "review-credit-exception", "review-outcome", "approve-after-review", "credit-approved");
    assertThat(audit.trail("order:" + order.id())).extracting(AuditEntry::action)
        .contains("decision.credit-decision", "task.completed");
    // the actor is the person who signed in and completed the task, or the system worker that acted
    assertThat(audit.trail("order:" + order.id())).filteredOn(e -> e.action().equals("decision.credit-decision"))
        .extracting(AuditEntry::actor).containsOnly("system:credit-decision");
    assertThat(audit.trail("order:" + order.id())).filteredOn(e -> e.action().equals("task.completed"))
        .extracting(AuditEntry::actor).containsOnly("analyst");
  }

  @Test
  void orderRejectedByTheAnalystEndsWithoutAnInvoice() {
    CustomerView customer = journeys.customer(aCustomer().rated("HIGH").withCreditLimit("100000"));
    OrderView order = journeys.order(anOrderFor(customer.id()).worth("500.00"));

    TaskView task = journeys.awaitOpenTask("order:" + order.id());
    journeys.inbox.complete(task.id(), Map.of("approved", false, "reason", "No trading history"), Staff.anyone("analyst"));

    OrderView rejected = journeys.awaitOrder(order.id(), OrderStatus.REJECTED);
    assertThat(rejected.statusReason()).isEqualTo("No trading history");
    assertThat(rejected.invoiceId()).isNull();
    long instance = journeys.instanceOf(OrderToCash.PROCESS_ID, "orderId", order.id());
    await().until(() -> journeys.history.isCompleted(instance));
    assertThat(journeys.history.completedElements(instance)).endsWith("reject-order", "order-rejected");
  }

  @Test
  void heldOrderTellsTheAccountOwnerAndWaitsForCreditToReleaseIt() {
    CustomerView customer = journeys.customer(aCustomer().rated("HIGH").withCreditLimit("1000"));
    OrderView order = journeys.order(anOrderFor(customer.id()).worth("900.00"));

    OrderView held = journeys.awaitOrder(order.id(), OrderStatus.ON_HOLD);
    assertThat(held.statusReason()).isEqualTo("High-risk customer above 80% of the credit limit");
    assertThat(journeys.awaitMailsTo(customer.accountOwnerEmail(), 1)).hasSize(1);
    assertThat(journeys.subjectsTo(customer.accountOwnerEmail())).containsExactly(
        "Credit hold: order " + order.number() + " for " + customer.name());

    journeys.orders.releaseCreditHold(order.id(), "Deposit received", "credit");
    assertThat(journeys.awaitOrder(order.id(), OrderStatus.APPROVED).statusReason()).isEqualTo("Deposit received");
    long instance = journeys.instanceOf(OrderToCash.PROCESS_ID, "orderId", order.id());
    assertThat(journeys.history.completedElements(instance)).containsSubsequence(
        "hold-order", "notify-credit-hold", "credit-hold-released", "approve-after-release", "credit-approved");
  }

  @Test
  void theCreditHoldMailLinksTheAccountOwnerToTheOrderPageNotTheApi() throws Exception {
    CustomerView customer = journeys.customer(aCustomer().rated("HIGH").withCreditLimit("1000"));
    OrderView order = journeys.order(anOrderFor(customer.id()).worth("900.00").po("PO-HOLD-7"));
    journeys.awaitOrder(order.id(), OrderStatus.ON_HOLD);

    MimeMessage mail = journeys.awaitMailsTo(customer.accountOwnerEmail(), 1).getFirst();
    String plain = Mails.part(mail, "text/plain");
    String html = Mails.part(mail, "text/html");

    String page = publicUrl + "/orders/" + order.id();
    assertThat(plain).contains("See the order and its credit decision: " + page, "order " + order.number() + " (PO PO-HOLD-7)",
        "900.00 EUR").doesNotContain("/api/");
    assertThat(html).contains("href=\"" + page + "\"").doesNotContain("/api/");
  }

  @Test
  void whoeverPlacedAnOrderCannotReleaseItsCreditHold() {
    CustomerView customer = journeys.customer(aCustomer().rated("HIGH").withCreditLimit("1000"));
    OrderView order = journeys.orders.place(anOrderFor(customer.id()).worth("900.00").build(), "dana");
    journeys.awaitOrder(order.id(), OrderStatus.ON_HOLD);

    assertThatThrownBy(() -> journeys.orders.releaseCreditHold(order.id(), "I vouch for them", "dana"))
        .isInstanceOf(ForbiddenException.class)
        .hasMessage("You placed order " + order.number() + ", so a colleague in credit must release its hold (four eyes)");
    assertThat(journeys.orders.get(order.id()).status()).isEqualTo(OrderStatus.ON_HOLD);

    journeys.orders.releaseCreditHold(order.id(), "Deposit received", "ada");
    assertThat(journeys.awaitOrder(order.id(), OrderStatus.APPROVED).statusReason()).isEqualTo("Deposit received");
  }
}
