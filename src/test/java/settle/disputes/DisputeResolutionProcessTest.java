package settle.disputes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.jdbc.core.JdbcTemplate;
import settle.common.ForbiddenException;
import settle.common.InvalidRequestException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import settle.audit.AuditEntry;
import settle.audit.AuditLog;
import settle.collections.InvoiceCollection;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceStatus;
import settle.invoicing.InvoiceView;
import settle.tasks.TaskView;
import settle.testdata.Journeys;
import settle.testdata.SettleTest;
import settle.testdata.Staff;

/** bpmn/dispute-resolution.bpmn, one test per outcome and per escalation, moving the engine's clock. */
@SettleTest
class DisputeResolutionProcessTest {

  @Autowired ApplicationContext context;
  @Autowired Disputes disputes;
  @Autowired AuditLog audit;
  @Autowired JdbcTemplate jdbc;
  @Autowired io.camunda.client.CamundaClient client;
  @Autowired settle.payments.CustomerCredit credit;
  Journeys journeys;
  CustomerView customer;
  InvoiceView invoice;

  @BeforeEach
  void setUp() {
    journeys = new Journeys(context);
    customer = journeys.customer(aCustomer());
    invoice = journeys.invoiced(anOrderFor(customer.id()).worth("1000.00").discount("10").line("Setup", "1", "111.12"));
  }

  @Test
  void aCreditMemoWithinTheTeamsLimitIsIssuedMailedAndTheRestIsCollected() throws Exception {
    DisputeView dispute = raise(ReasonCode.PRICING, "100");
    TaskView task = journeys.awaitOpenTask("dispute:" + dispute.id());
    assertThat(task.candidateGroups()).containsExactly("sales");
    assertThat(task.variables().get("checklist")).asString().contains("Deal terms");
    assertThat(String.valueOf(task.variables().get("dealTerms"))).contains("discountPercent=10");

    journeys.inbox.complete(task.id(), Map.of("outcome", "CREDIT_MEMO", "creditAmount", "100", "rootCause", "pricing-setup",
        "notes", "Sales agreed the lower price"), Staff.anyone("sam.sales"));
    await().atMost(Journeys.PATIENCE).until(() -> disputes.get(dispute.id()).status().equals("RESOLVED"));
    assertThat(journeys.invoices.get(invoice.id()).openAmount()).isEqualByComparingTo(invoice.total().subtract(new BigDecimal("100")));
    MimeMessage mail = journeys.awaitMailsTo(customer.apEmail(), 2).get(1);
    assertThat(mail.getSubject()).startsWith("Your dispute about invoice " + invoice.number() + ": credit memo CM-");
    assertThat(attachmentNames(mail)).singleElement().asString().startsWith("CM-").endsWith(".pdf");

    journeys.pay(invoice, invoice.total().subtract(new BigDecimal("100")).toPlainString());
    long loop = journeys.instanceOf(InvoiceCollection.PROCESS_ID, "invoiceId", invoice.id());
    await().atMost(Journeys.PATIENCE).until(() -> journeys.history.isCompleted(loop));
    assertThat(journeys.invoices.get(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(audit.trail("dispute:" + dispute.id())).extracting(AuditEntry::action).containsSubsequence(
        "decision.dispute-routing", "dispute.raised", "task.opened", "task.completed", "dispute.resolved");
  }

  @Test
  void anAdjustmentLowersTheInvoicesTotal() {
    DisputeView dispute = raise(ReasonCode.DAMAGED_GOODS, "150");
    TaskView task = journeys.awaitOpenTask("dispute:" + dispute.id());
    assertThat(task.candidateGroups()).containsExactly("operations");
    journeys.inbox.complete(task.id(), Map.of("outcome", "ADJUSTMENT", "creditAmount", "150", "rootCause", "carrier",
        "notes", "Two units dented"), Staff.anyone("olu.ops"));

    await().atMost(Journeys.PATIENCE).until(() -> disputes.get(dispute.id()).status().equals("RESOLVED"));
    InvoiceView adjusted = journeys.invoices.get(invoice.id());
    assertThat(adjusted.total()).isEqualByComparingTo(invoice.total().subtract(new BigDecimal("150")));
    assertThat(adjusted.openAmount()).isEqualByComparingTo(adjusted.total());
  }

  @Test
  void aRejectionTellsTheCustomerWhyAndLeavesTheAmountOwed() throws Exception {
    DisputeView dispute = raise(ReasonCode.NOT_RECEIVED, "200");
    TaskView task = journeys.awaitOpenTask("dispute:" + dispute.id());
    journeys.inbox.complete(task.id(), Map.of("outcome", "REJECTED", "rootCause", "address-data",
        "notes", "Signed proof of delivery attached to our records, received by J. Smith"), Staff.anyone("olu.ops"));

    MimeMessage mail = journeys.awaitMailsTo(customer.apEmail(), 2).get(1);
    assertThat(new String(mail.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("received by J. Smith");
    assertThat(journeys.invoices.get(invoice.id()).openAmount()).isEqualByComparingTo(invoice.total());
    assertThat(disputes.openDisputedAmount(invoice.id())).isZero();
  }

  @Test
  void theLeadHearsAtTheSlaAndTwiceTheSlaMovesTheDisputeToTheManagers() {
    DisputeView dispute = raise(ReasonCode.PRICING, "50");
    TaskView task = journeys.awaitOpenTask("dispute:" + dispute.id());

    // the lead reads the customer, the invoice, the reason and the amount in words, never the dispute's id or code
    String told = "SLA passed: dispute of invoice " + invoice.number() + " by " + customer.name() + " (Wrong price, 50.00 "
        + invoice.currency() + ")";
    journeys.advanceHours(47);
    journeys.quiesce();
    assertThat(journeys.subjectsTo("sales-lead@northwind.example")).doesNotContain(told);
    journeys.advanceHours(2);
    await().atMost(Journeys.PATIENCE).until(() -> journeys.subjectsTo("sales-lead@northwind.example").contains(told));
    assertThat(journeys.inbox.get(task.id()).status()).isEqualTo("OPEN");

    journeys.advanceHours(48);
    TaskView escalated = await().atMost(Journeys.PATIENCE).until(() -> journeys.inbox.find("sales-managers", "OPEN",
        "dispute:" + dispute.id()), l -> !l.isEmpty()).getFirst();
    assertThat(escalated.taskType()).isEqualTo("investigate-escalated");
    assertThat(journeys.inbox.get(task.id()).status()).isEqualTo("WITHDRAWN");
    assertThat(disputes.get(dispute.id()).status()).isEqualTo("ESCALATED");
    assertThat(audit.trail("dispute:" + dispute.id())).extracting(AuditEntry::action)
        .containsSubsequence("dispute.sla-breached", "task.withdrawn", "dispute.escalated");
  }

  @ParameterizedTest(name = "{0} of {1} against the sales team's limit of 500: finance approves first = {2}")
  @CsvSource({
      "CREDIT_MEMO, 499.99, false", "CREDIT_MEMO, 500.00, false", "CREDIT_MEMO, 500.01, true",
      "ADJUSTMENT,  499.99, false", "ADJUSTMENT,  500.00, false", "ADJUSTMENT,  500.01, true"})
  void everyCreditAboveTheTeamsLimitWaitsForAFinanceManager(String outcome, String credit, boolean needsApproval) {
    DisputeView dispute = raise(ReasonCode.PRICING, "600");
    assertThat(dispute.approvalLimit()).isEqualByComparingTo("500");
    decide(dispute, outcome, credit, "sam.sales");

    if (needsApproval) {
      TaskView approval = awaitTask(dispute, "approve-credit");
      assertThat(approval.candidateGroups()).containsExactly("finance-managers");
      assertThat(approval.variables().get("approvalReason")).asString().contains("team's limit");
      assertThat(disputes.get(dispute.id()).status()).isEqualTo("OPEN");
      assertThat(creditNotes(dispute)).isZero();
      journeys.inbox.complete(approval.id(), Map.of("approved", true), Staff.anyone("fran.finance"));
    }
    await().atMost(Journeys.PATIENCE).until(() -> disputes.get(dispute.id()).status().equals("RESOLVED"));
    assertThat(disputes.get(dispute.id()).outcome()).isEqualTo(outcome);
    assertThat(disputes.get(dispute.id()).creditAmount()).isEqualByComparingTo(credit);
    assertThat(journeys.inbox.find(null, "ALL", "dispute:" + dispute.id())).extracting(TaskView::taskType)
        .containsExactlyInAnyOrderElementsOf(needsApproval ? List.of("investigate-dispute", "approve-credit") : List.of("investigate-dispute"));
  }

  @Test
  void aRefusedApprovalLeavesTheInvoiceAsItWasAndTellsTheCustomerWhy() throws Exception {
    DisputeView dispute = raise(ReasonCode.PRICING, "600");
    decide(dispute, "ADJUSTMENT", "600", "sam.sales");
    journeys.inbox.complete(awaitTask(dispute, "approve-credit").id(), Map.of("approved", false,
        "approvalNotes", "The price list was right"), Staff.anyone("fran.finance"));

    await().atMost(Journeys.PATIENCE).until(() -> disputes.get(dispute.id()).status().equals("RESOLVED"));
    assertThat(disputes.get(dispute.id()).outcome()).isEqualTo("REJECTED");
    assertThat(creditNotes(dispute)).isZero();
    assertThat(journeys.invoices.get(invoice.id()).total()).isEqualByComparingTo(invoice.total());
  }

  @Test
  void splittingACreditOverTwoDisputesStillNeedsTheApprovalOfTheWhole() {
    DisputeView first = raise(ReasonCode.PRICING, "300");
    decide(first, "CREDIT_MEMO", "300", "sam.sales");
    await().atMost(Journeys.PATIENCE).until(() -> disputes.get(first.id()).status().equals("RESOLVED"));
    assertThat(journeys.inbox.find(null, "ALL", "dispute:" + first.id())).extracting(TaskView::taskType)
        .containsExactly("investigate-dispute");

    DisputeView second = raise(ReasonCode.PRICING, "300");
    decide(second, "CREDIT_MEMO", "300", "sam.sales");
    TaskView approval = awaitTask(second, "approve-credit");
    assertThat(approval.variables().get("invoiceCredited")).asString().startsWith("300");
    assertThat(creditNotes(second)).isZero();
  }

  @Test
  void aCreditMustBeExplicitAndBetweenZeroAndTheDisputedAmount() {
    DisputeView dispute = raise(ReasonCode.PRICING, "100");
    TaskView task = journeys.awaitOpenTask("dispute:" + dispute.id());
    for (String wrong : List.of("100.01", "0", "-5", "")) {
      Map<String, Object> form = new java.util.HashMap<>(Map.of("outcome", "ADJUSTMENT", "rootCause", "pricing", "notes", "n"));
      form.put("creditAmount", wrong);
      assertThatThrownBy(() -> journeys.inbox.complete(task.id(), form, Staff.anyone("sam.sales")))
          .as("credit of '%s'", wrong).isInstanceOf(InvalidRequestException.class)
          .satisfies(e -> assertThat(((InvalidRequestException) e).field()).isEqualTo("creditAmount"))
          .hasMessageContaining(wrong.isEmpty() ? "required" : "between 0.01 and 100");
    }
    assertThat(journeys.inbox.get(task.id()).status()).isEqualTo("OPEN");
    assertThat(disputes.get(dispute.id()).status()).isEqualTo("OPEN");
    assertThat(creditNotes(dispute)).isZero();
  }

  @Test
  void whoeverRaisedTheDisputeOrTookItFromTheCustomerCannotDecideIt() {
    DisputeView dispute = disputes.raise(invoice.id(), new RaiseDispute(ReasonCode.PRICING, new BigDecimal("100"),
        "Lee promised them a lower price", "Lee", null), List.of(), "dana");
    TaskView task = journeys.awaitOpenTask("dispute:" + dispute.id());
    Map<String, Object> credit = Map.of("outcome", "CREDIT_MEMO", "creditAmount", "100", "rootCause", "pricing", "notes", "n");

    assertThatThrownBy(() -> journeys.inbox.complete(task.id(), credit, Staff.anyone("dana")))
        .isInstanceOf(ForbiddenException.class).hasMessageContaining("four eyes");
    assertThatThrownBy(() -> journeys.inbox.claim(task.id(), Staff.anyone("lee"), null))
        .isInstanceOf(ForbiddenException.class).hasMessageContaining("four eyes");
    assertThat(journeys.inbox.worklist(Staff.anyone("dana"), null, "ALL", 1000)).extracting(TaskView::id).doesNotContain(task.id());
    assertThat(journeys.inbox.worklist(Staff.anyone("sam.sales"), null, "ALL", 1000)).extracting(TaskView::id).contains(task.id());
    assertThat(journeys.inbox.get(task.id()).status()).isEqualTo("OPEN");

    journeys.inbox.complete(task.id(), credit, Staff.anyone("sam.sales"));
    await().atMost(Journeys.PATIENCE).until(() -> disputes.get(dispute.id()).status().equals("RESOLVED"));
  }

  @Test
  void whoeverProposedACreditCannotApproveIt() {
    DisputeView dispute = raise(ReasonCode.PRICING, "800");
    decide(dispute, "CREDIT_MEMO", "800", "fran.finance");
    TaskView approval = awaitTask(dispute, "approve-credit");

    assertThatThrownBy(() -> journeys.inbox.complete(approval.id(), Map.of("approved", true), Staff.anyone("fran.finance")))
        .isInstanceOf(ForbiddenException.class).hasMessageContaining("four eyes");
    assertThatThrownBy(() -> journeys.inbox.complete(approval.id(), Map.of("approved", true), Staff.anyone("test")))
        .isInstanceOf(ForbiddenException.class);
    assertThat(creditNotes(dispute)).isZero();

    journeys.inbox.complete(approval.id(), Map.of("approved", true), Staff.anyone("felix.finance"));
    await().atMost(Journeys.PATIENCE).until(() -> disputes.get(dispute.id()).status().equals("RESOLVED"));
    assertThat(creditNotes(dispute)).isOne();
  }

  @Test
  void aCreditAboveWhatIsStillOpenSettlesTheInvoiceAndHoldsTheRestForTheCustomer() {
    DisputeView dispute = raise(ReasonCode.PRICING, "400");
    journeys.pay(invoice, invoice.total().subtract(new BigDecimal("100")).toPlainString());
    BigDecimal heldBefore = credit.balance(customer.id(), invoice.currency());
    decide(dispute, "CREDIT_MEMO", "300", "sam.sales");

    await().atMost(Journeys.PATIENCE).until(() -> disputes.get(dispute.id()).status().equals("RESOLVED"));
    assertThat(disputes.get(dispute.id()).creditAmount()).isEqualByComparingTo("300");
    assertThat(journeys.invoices.get(invoice.id()).openAmount()).isZero();
    assertThat(credit.balance(customer.id(), invoice.currency()).subtract(heldBefore)).isEqualByComparingTo("200");
    assertThat(journeys.inbox.find(null, "ALL", "dispute:" + dispute.id())).extracting(TaskView::taskType)
        .containsExactly("investigate-dispute");
  }

  @Test
  void aCreditWhoseApprovalNoLongerCountsEveryCreditGoesBackToTheTeamWithTheReason() {
    DisputeView large = raise(ReasonCode.PRICING, "600");
    decide(large, "CREDIT_MEMO", "600", "sam.sales");
    TaskView approval = awaitTask(large, "approve-credit");
    // meanwhile a small credit on the same invoice passes on its own
    DisputeView small = raise(ReasonCode.PRICING, "100");
    decide(small, "CREDIT_MEMO", "100", "sam.sales");
    await().atMost(Journeys.PATIENCE).until(() -> disputes.get(small.id()).status().equals("RESOLVED"));

    journeys.inbox.complete(approval.id(), Map.of("approved", true), Staff.anyone("fran.finance"));
    TaskView review = awaitTask(large, "review-credit");
    assertThat(review.variables().get("problem")).asString().contains("decide again");
    assertThat(creditNotes(large)).isZero();

    journeys.inbox.complete(review.id(), Map.of("outcome", "CREDIT_MEMO", "creditAmount", "300", "rootCause", "pricing",
        "notes", "Credited what the limit allows"), Staff.anyone("sam.sales"));
    await().atMost(Journeys.PATIENCE).until(() -> disputes.get(large.id()).status().equals("RESOLVED"));
    assertThat(disputes.get(large.id()).creditAmount()).isEqualByComparingTo("300");
  }

  @Test
  void aSalespersonDecidesOnlyTheirOwnCustomersDisputes() {
    DisputeView dispute = raise(ReasonCode.PRICING, "100");
    TaskView task = journeys.awaitOpenTask("dispute:" + dispute.id());
    var stranger = Staff.salesperson("lee.other", "lee.other@northwind.example");
    var owner = Staff.salesperson("the.owner", customer.accountOwnerEmail());
    Map<String, Object> credit = Map.of("outcome", "CREDIT_MEMO", "creditAmount", "100", "rootCause", "pricing", "notes", "n");

    assertThat(journeys.inbox.worklist(stranger, null, "ALL", 1000)).extracting(TaskView::id).doesNotContain(task.id());
    assertThatThrownBy(() -> journeys.inbox.claim(task.id(), stranger, null)).isInstanceOf(ForbiddenException.class)
        .hasMessageContaining(customer.name());
    assertThatThrownBy(() -> journeys.inbox.complete(task.id(), credit, stranger)).isInstanceOf(ForbiddenException.class);
    assertThat(creditNotes(dispute)).isZero();

    assertThat(journeys.inbox.worklist(owner, null, "ALL", 1000)).extracting(TaskView::id).contains(task.id());
    journeys.inbox.complete(task.id(), credit, owner);
    await().atMost(Journeys.PATIENCE).until(() -> disputes.get(dispute.id()).status().equals("RESOLVED"));
  }

  @Test
  void aCreditIsRefusedWhenAnotherCreditReachedTheInvoiceSinceItsApprovalWasDecided() {
    DisputeView first = raise(ReasonCode.PRICING, "300");
    DisputeView second = raise(ReasonCode.PRICING, "300");
    // both decided against an invoice with nothing credited yet: the second must not slip under the limit too
    journeys.invoices.credit(invoice.id(), first.id(), "CREDIT_MEMO", new BigDecimal("300"), BigDecimal.ZERO, "first", "test");
    assertThatThrownBy(() -> journeys.invoices.credit(invoice.id(), second.id(), "CREDIT_MEMO", new BigDecimal("300"),
        BigDecimal.ZERO, "second", "test")).isInstanceOf(InvalidRequestException.class).hasMessageContaining("decide again");
    assertThat(creditNotes(second)).isZero();
  }

  @Test
  void aDecisionThatReachesTheEngineAfterTheProcessMovedOnIsMarkedAsNotTaken() {
    DisputeView dispute = raise(ReasonCode.PRICING, "100");
    TaskView task = journeys.awaitOpenTask("dispute:" + dispute.id());
    client.newCancelInstanceCommand(task.processInstanceKey()).send().join();

    journeys.inbox.complete(task.id(), Map.of("outcome", "CREDIT_MEMO", "creditAmount", "100", "rootCause", "pricing",
        "notes", "Decided after the process was gone"), Staff.anyone("sam.sales"));
    await().atMost(Journeys.PATIENCE).until(() -> journeys.inbox.get(task.id()).status().equals("WITHDRAWN"));
    assertThat(audit.trail("dispute:" + dispute.id())).extracting(AuditEntry::action)
        .containsSubsequence("task.completed", "task.completion-not-taken");
    assertThat(creditNotes(dispute)).isZero();
  }

  private void decide(DisputeView dispute, String outcome, String credit, String by) {
    TaskView task = journeys.awaitOpenTask("dispute:" + dispute.id());
    journeys.inbox.complete(task.id(), Map.of("outcome", outcome, "creditAmount", credit, "rootCause", "pricing-setup",
        "notes", "Decided in the test"), Staff.anyone(by));
  }

  private TaskView awaitTask(DisputeView dispute, String taskType) {
    return await().atMost(Journeys.PATIENCE).until(() -> journeys.inbox.find(null, "OPEN", "dispute:" + dispute.id()).stream()
        .filter(t -> t.taskType().equals(taskType)).findFirst(), java.util.Optional::isPresent).orElseThrow();
  }

  private int creditNotes(DisputeView dispute) {
    return jdbc.queryForObject("select count(*) from credit_note where dispute_id = ?", Integer.class, dispute.id());
  }

  private DisputeView raise(ReasonCode reason, String amount) {
    return disputes.raise(invoice.id(), new RaiseDispute(reason, new BigDecimal(amount), "As discussed with our rep", "ap@customer", null),
        List.of(), "test");
  }

  private static List<String> attachmentNames(MimeMessage mail) throws Exception {
    Multipart multipart = (Multipart) mail.getContent();
    List<String> names = new java.util.ArrayList<>();
    for (int i = 0; i < multipart.getCount(); i++) {
      if (multipart.getBodyPart(i).getFileName() != null) {
        names.add(multipart.getBodyPart(i).getFileName());
      }
    }
    return names;
  }
}
