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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
  void aCreditAboveTheTeamsLimitWaitsForAFinanceManager() {
    DisputeView dispute = raise(ReasonCode.PRICING, "800");
    TaskView task = journeys.awaitOpenTask("dispute:" + dispute.id());
    journeys.inbox.complete(task.id(), Map.of("outcome", "CREDIT_MEMO", "creditAmount", "800", "rootCause", "pricing-setup",
        "notes", "Wrong price list"), Staff.anyone("sam.sales"));

    TaskView approval = await().atMost(Journeys.PATIENCE).until(() -> journeys.inbox.find("finance-managers", "OPEN",
        "dispute:" + dispute.id()), l -> !l.isEmpty()).getFirst();
    assertThat(disputes.get(dispute.id()).status()).isEqualTo("OPEN");
    journeys.inbox.complete(approval.id(), Map.of("approved", true), Staff.anyone("fran.finance"));
    await().atMost(Journeys.PATIENCE).until(() -> disputes.get(dispute.id()).status().equals("RESOLVED"));
    assertThat(disputes.get(dispute.id()).creditAmount()).isEqualByComparingTo("800");
  }

  @Test
  void anAdjustmentLowersTheInvoicesTotal() {
    DisputeView dispute = raise(ReasonCode.DAMAGED_GOODS, "150");
    TaskView task = journeys.awaitOpenTask("dispute:" + dispute.id());
    assertThat(task.candidateGroups()).containsExactly("operations");
    journeys.inbox.complete(task.id(), Map.of("outcome", "ADJUSTMENT", "rootCause", "carrier", "notes", "Two units dented"), Staff.anyone("olu.ops"));

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

    journeys.advanceHours(47);
    journeys.quiesce();
    assertThat(journeys.mailsTo("sales-lead@northwind.example").stream().filter(m -> subject(m).contains("dispute " + dispute.id()))).isEmpty();
    journeys.advanceHours(2);
    await().atMost(Journeys.PATIENCE).until(() -> journeys.mailsTo("sales-lead@northwind.example").stream()
        .anyMatch(m -> subject(m).contains("dispute " + dispute.id())));
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

  private DisputeView raise(ReasonCode reason, String amount) {
    return disputes.raise(invoice.id(), new RaiseDispute(reason, new BigDecimal(amount), "As discussed with our rep", "ap@customer", null),
        List.of(), "test");
  }

  private static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
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
