package settle.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;
import static settle.testdata.StatementBuilder.aStatement;

import io.camunda.client.CamundaClient;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import settle.audit.AuditEntry;
import settle.audit.AuditLog;
import settle.customers.CustomerView;
import settle.disputes.DisputeView;
import settle.disputes.Disputes;
import settle.invoicing.InvoiceStatus;
import settle.invoicing.InvoiceView;
import settle.tasks.TaskView;
import settle.testdata.Journeys;
import settle.testdata.SettleTest;
import settle.testdata.Staff;
import settle.testdata.StatementBuilder;

/** bpmn/cash-application.bpmn on the real engine, one test per path. */
@SettleTest
class CashApplicationProcessTest {

  private static final String COUNTS = "select (select count(*) from payment where invoice_id = ?) || '/' "
      + "|| (select count(*) from invoice_write_off where invoice_id = ?) || '/' || (select count(*) from bank_statement_match)";

  @Autowired ApplicationContext context;
  @Autowired BankStatements statements;
  @Autowired Disputes disputes;
  @Autowired AuditLog audit;
  @Autowired JdbcTemplate jdbc;
  @Autowired CamundaClient client;
  @Autowired settle.payments.internal.MatchStatementWorker matchStatement;
  @Autowired settle.payments.internal.WriteOffShortPayWorker writeOff;
  @Autowired settle.payments.internal.PostManualMatchWorker postManualMatch;
  @Autowired org.springframework.transaction.support.TransactionTemplate tx;
  @Autowired CustomerCredit credit;
  Journeys journeys;
  CustomerView customer;

  @BeforeEach
  void setUp() {
    journeys = new Journeys(context);
    customer = journeys.customer(aCustomer());
  }

  @Test
  void aStatementWhoseLinesAllMatchIsPostedAndClosedWithoutAPerson() {
    InvoiceView first = invoice("1200.00");
    InvoiceView second = invoice("340.50");

    long id = importAndMatch(aStatement().on(journeys.today())
        .credit("1200.00", customer.name(), null, "Invoice " + first.number())
        .credit("340.50", customer.name(), null, second.number().replace("-", " ")));

    long process = journeys.instanceOf(CashApplication.PROCESS_ID, "statementId", id);
    await().atMost(Journeys.PATIENCE).until(() -> journeys.history.isCompleted(process));
    assertThat(journeys.history.completedElements(process)).contains("match-statement", "close-statement")
        .doesNotContain("apply-cash", "assess-short-pay");
    StatementView view = statements.get(id);
    assertThat(view.lines()).extracting(StatementView.Line::status).containsOnly(LineStatus.AUTO_MATCHED);
    assertThat(view.matchRate()).isEqualByComparingTo("1");
    assertThat(view.status()).isEqualTo("CLOSED");
    assertThat(journeys.invoices.get(first.id()).status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(journeys.invoices.get(second.id()).status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(audit.trail("statement:" + id)).extracting(AuditEntry::action)
        .containsSubsequence("statement.imported", "statement.matched", "statement.closed");
  }

  @Test
  void aStatementWhoseBalancesDoNotAddUpIsMatchedButPostsNothingUntilACashApplierConfirmsIt() {
    InvoiceView invoice = invoice("1200.00");
    StatementBuilder statement = aStatement().on(journeys.today()).credit("1200.00", customer.name(), null, "Invoice " + invoice.number());
    byte[] edited = new String(statement.mt940(), StandardCharsets.UTF_8)
        .replaceFirst("(:62F:C\\d{6}EUR)[\\d,]+", "$19999,99").getBytes(StandardCharsets.UTF_8);

    StatementImport imported = statements.importStatement(edited, statement.id() + ".sta", null, null, "test");
    assertThat(imported.reconciled()).isFalse();
    assertThat(imported.balances().opening()).isEqualByComparingTo("0.00");
    assertThat(imported.balances().closing()).isEqualByComparingTo("9999.99");
    assertThat(imported.balances().expectedClosing()).isEqualByComparingTo("1200.00");
    long id = imported.id();

    // The match step ran (the statement waits for confirmation) and posted nothing, yet proposed the invoice.
    assertThat(statements.awaitMatched(imported, Duration.ofSeconds(30)).status()).isEqualTo("AWAITING_CONFIRMATION");
    StatementView held = statements.get(id);
    assertThat(held.reconciled()).isFalse();
    assertThat(held.lines()).singleElement().satisfies(line -> {
      assertThat(line.status()).isEqualTo(LineStatus.PENDING);
      assertThat(line.confidence()).isGreaterThanOrEqualTo(new BigDecimal("0.90"));
    });
    assertThat(journeys.invoices.get(invoice.id()).openAmount()).isEqualByComparingTo("1200.00");
    assertThat(jdbc.queryForObject("select count(*) from payment where invoice_id = ?", Long.class, invoice.id())).isZero();

    statements.confirm(id, "cara");

    awaitLine(id, l -> l.status() == LineStatus.AUTO_MATCHED);
    assertThat(journeys.invoices.get(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(statements.get(id).balances().confirmedBy()).isEqualTo("cara");
    assertThat(audit.trail("statement:" + id)).extracting(AuditEntry::action)
        .containsSubsequence("statement.imported", "statement.awaiting-confirmation", "statement.confirmed", "statement.matched");
    assertThat(audit.trail("statement:" + id)).filteredOn(e -> e.action().equals("statement.confirmed"))
        .singleElement().satisfies(e -> assertThat(e.actor()).isEqualTo("cara"));
    statements.confirm(id, "cara");
    assertThat(audit.trail("statement:" + id)).filteredOn(e -> e.action().equals("statement.confirmed")).hasSize(1);
  }

  @Test
  void aReversalIsNeverPostedAsAPaymentButGivenToACashApplier() {
    InvoiceView invoice = invoice("450.00");
    StatementBuilder statement = aStatement().on(journeys.today()).credit("450.00", customer.name(), null, "Invoice " + invoice.number());
    byte[] reversed = new String(statement.mt940(), StandardCharsets.UTF_8).replaceFirst("(:61:\\d{10})C", "$1RD")
        .getBytes(StandardCharsets.UTF_8);

    long id = statements.importStatement(reversed, statement.id() + ".sta", null, null, "test").id();

    StatementView.Line line = awaitLine(id, l -> l.status() == LineStatus.UNMATCHED);
    assertThat(line.rule()).isEqualTo("REVERSAL");
    assertThat(line.matches()).isEmpty();
    assertThat(journeys.invoices.get(invoice.id()).openAmount()).isEqualByComparingTo("450.00");
    journeys.awaitOpenTask("statement:" + id);
  }

  @Test
  void aStatementWhoseBalancesAddUpHasNothingToConfirm() {
    InvoiceView invoice = invoice("300.00");
    StatementBuilder statement = aStatement().on(journeys.today()).credit("300.00", customer.name(), null, invoice.number());
    StatementImport imported = statements.importStatement(statement.mt940(), statement.id() + ".sta", null, null, "test");
    assertThat(imported.reconciled()).isTrue();

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> statements.confirm(imported.id(), "cara"))
        .isInstanceOf(settle.common.ConflictException.class);
  }

  @Test
  void aSmallShortPayIsWrittenOffAndTheDecisionAudited() {
    InvoiceView invoice = invoice("1000.00");

    long id = importAndMatch(aStatement().on(journeys.today()).credit("997.00", customer.name(), null, invoice.number()));

    StatementView.Line line = awaitLine(id, l -> l.status() == LineStatus.WRITTEN_OFF);
    assertThat(line.shortfall()).isEqualByComparingTo("3.00");
    assertThat(journeys.invoices.get(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(jdbc.queryForObject("select amount from invoice_write_off where invoice_id = ?", BigDecimal.class, invoice.id()))
        .isEqualByComparingTo("3.00");
    AuditEntry decision = audit.trail("statement:" + id).stream().filter(e -> e.action().equals("decision.short-pay-tolerance"))
        .findFirst().orElseThrow();
    assertThat(String.valueOf(decision.details())).contains("differenceAmount", "WRITE_OFF");
    long process = journeys.instanceOf(CashApplication.PROCESS_ID, "statementId", id);
    await().atMost(Journeys.PATIENCE).until(() -> journeys.history.isCompleted(process));
    assertThat(journeys.history.completedElements(process)).contains("short-pay-tolerance", "write-off-short-pay")
        .doesNotContain("open-deduction", "ask-customer-about-short-pay");
  }

  @Test
  void aShortPayWithAStatedReasonOpensADeductionDispute() {
    InvoiceView invoice = invoice("1000.00");

    long id = importAndMatch(aStatement().on(journeys.today())
        .credit("900.00", customer.name(), null, invoice.number() + " less 100 damaged goods"));

    StatementView.Line line = awaitLine(id, l -> l.status() == LineStatus.DEDUCTION && l.disputeId() != null);
    DisputeView dispute = disputes.get(line.disputeId());
    assertThat(dispute.reasonCode()).isEqualTo("DAMAGED_GOODS");
    assertThat(dispute.amount()).isEqualByComparingTo("100.00");
    assertThat(dispute.team()).isEqualTo("operations");
    assertThat(journeys.invoices.get(invoice.id()).openAmount()).isEqualByComparingTo("100.00");
    journeys.awaitOpenTask("dispute:" + dispute.id());
  }

  @Test
  void anUnexplainedShortPayMailsTheCustomersApTeam() throws Exception {
    InvoiceView invoice = invoice("1000.00");

    long id = importAndMatch(aStatement().on(journeys.today()).credit("800.00", customer.name(), null, invoice.number()));

    StatementView.Line line = awaitLine(id, l -> "ASK_CUSTOMER".equals(l.shortPayAction()));
    assertThat(line.status()).isEqualTo(LineStatus.AUTO_MATCHED);
    var mail = journeys.awaitMailsTo(customer.apEmail(), 2);
    assertThat(journeys.subjectsTo(customer.apEmail()))
        .contains("Your payment for invoice " + invoice.number() + ": 200.00 EUR short");
    assertThat(mail).isNotEmpty();
    assertThat(journeys.invoices.get(invoice.id()).openAmount()).isEqualByComparingTo("200.00");
  }

  @Test
  void anUnknownPayerGoesToACashApplierWhoseMatchTeachesTheAccount() {
    InvoiceView march = invoice("500.00");
    InvoiceView april = invoice("730.00");
    String account = "GB29NWBK60161331926819".substring(0, 8) + System.nanoTime() % 100000000000000L;

    long first = importAndMatch(aStatement().on(journeys.today()).credit("500.00", "J Smith private", account, "payment march"));
    assertThat(statements.get(first).lines().getFirst().status()).isEqualTo(LineStatus.UNMATCHED);
    TaskView task = journeys.awaitOpenTask("statement:" + first);
    assertThat(task.candidateGroups()).containsExactly("cash-appliers");
    assertThat(task.variables()).containsKeys("candidates", "amount", "remittance");
    assertThat(new BigDecimal(String.valueOf(task.variables().get("amount")))).isEqualByComparingTo("500.00");

    // a choice that cannot be posted is refused before the task completes, naming the field
    assertThatThrownBy(() -> journeys.inbox.complete(task.id(), Map.of("action", "APPLY", "invoiceNumbers", "INV-1999-999999"),
        Staff.anyone("cara"))).isInstanceOf(settle.common.InvalidRequestException.class)
        .hasMessageContaining("INV-1999-999999 does not exist").extracting("field").isEqualTo("invoiceNumbers");
    assertThat(journeys.inbox.get(task.id()).status()).isEqualTo("OPEN");
    journeys.inbox.complete(task.id(), Map.of("action", "APPLY", "invoiceNumbers", march.number(), "notes", "Owner pays privately"),
        Staff.anyone("cara"));

    StatementView.Line applied = awaitLine(first, l -> l.status() == LineStatus.MANUAL);
    assertThat(applied.matches()).extracting(StatementView.Match::invoiceNumber).containsExactly(march.number());
    assertThat(applied.handledBy()).isEqualTo("cara");
    assertThat(journeys.invoices.get(march.id()).status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(jdbc.queryForObject("select customer_id from payer_account where account = ?", Long.class, account))
        .isEqualTo(customer.id());

    long second = importAndMatch(aStatement().on(journeys.today()).credit("730.00", "J Smith private", account, "payment april"));
    StatementView.Line learned = statements.get(second).lines().getFirst();
    assertThat(learned.status()).isEqualTo(LineStatus.AUTO_MATCHED);
    assertThat(learned.rule()).isEqualTo("ACCOUNT_AMOUNT");
    assertThat(journeys.invoices.get(april.id()).status()).isEqualTo(InvoiceStatus.PAID);
  }

  @Test
  void editingTheToleranceTableAsksTheCustomerInsteadOfWritingOff() throws Exception {
    String original = new ClassPathResource("dmn/short-pay-tolerance.dmn").getContentAsString(StandardCharsets.UTF_8);
    String edited = original.replace("<outputEntry id=\"trivial-out-1\"><text>\"WRITE_OFF\"</text>",
        "<outputEntry id=\"trivial-out-1\"><text>\"ASK_CUSTOMER\"</text>");
    assertThat(edited).isNotEqualTo(original);
    InvoiceView invoice = invoice("1000.00");
    client.newDeployResourceCommand().addResourceStringUtf8(edited, "short-pay-tolerance.dmn").send().join();
    try {
      long id = importAndMatch(aStatement().on(journeys.today()).credit("997.00", customer.name(), null, invoice.number()));
      StatementView.Line line = awaitLine(id, l -> l.shortPayAction() != null);
      assertThat(line.shortPayAction()).isEqualTo("ASK_CUSTOMER");
      assertThat(journeys.invoices.get(invoice.id()).openAmount()).isEqualByComparingTo("3.00");
    } finally {
      client.newDeployResourceCommand().addResourceStringUtf8(original, "short-pay-tolerance.dmn").send().join();
    }
  }

  @Test
  void redeliveredJobsPostNothingTwice() {
    InvoiceView invoice = invoice("1000.00");
    long id = importAndMatch(aStatement().on(journeys.today()).credit("996.00", customer.name(), null, invoice.number()));
    StatementView.Line line = awaitLine(id, l -> l.status() == LineStatus.WRITTEN_OFF);
    String before = jdbc.queryForObject(COUNTS, String.class, invoice.id(), invoice.id());

    matchStatement.matchStatement(id);
    writeOff.writeOffShortPay(line.id(), Map.of("action", "WRITE_OFF", "reason", "again"));
    postManualMatch.postManualMatch(line.id(), "RETURN", null, null, null, "cara");

    assertThat(jdbc.queryForObject(COUNTS, String.class, invoice.id(), invoice.id())).isEqualTo(before);
    assertThat(statements.get(id).lines().getFirst().status()).isEqualTo(LineStatus.WRITTEN_OFF);
  }

  @Test
  void aPaymentLargerThanWhatIsOpenWhenPostedGoesToACashApplierNotToAnIncident() throws Exception {
    InvoiceView invoice = invoice("1000.00");
    var locked = new java.util.concurrent.CountDownLatch(1);
    var release = new java.util.concurrent.CountDownLatch(1);
    // a payment arrives through the API while the statement is matched: its transaction holds the invoice row
    var racer = java.util.concurrent.Executors.newSingleThreadExecutor();
    var racing = racer.submit(() -> tx.executeWithoutResult(status -> {
      jdbc.queryForObject("select id from invoice where id = ? for update", Long.class, invoice.id());
      locked.countDown();
      try {
        assertThat(release.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      journeys.pay(invoice, "100.00");
    }));
    try {
      assertThat(locked.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      StatementBuilder statement = aStatement().on(journeys.today()).credit("1000.00", customer.name(), null, invoice.number());
      long id = statements.importStatement(statement.camt053(), statement.id() + ".xml", null, null, "test").id();
      // the match step has read the invoice as 1000 open and now waits for the row to post the payment
      await().atMost(Journeys.PATIENCE).until(() -> jdbc.queryForObject("""
          select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query ilike '%from invoice%update%'""",
          Long.class) > 0);
      release.countDown();
      racing.get(30, java.util.concurrent.TimeUnit.SECONDS);

      TaskView review = journeys.awaitOpenTask("statement:" + id);
      assertThat(review.candidateGroups()).containsExactly("cash-appliers");
      assertThat(String.valueOf(review.variables().get("problem")))
          .contains("Payment of 1000.00 exceeds the open amount of 900.00 on invoice " + invoice.number());
      long process = journeys.instanceOf(CashApplication.PROCESS_ID, "statementId", id);
      assertThat(journeys.history.completedElements(process)).contains("payment-exceeds-open").doesNotContain("match-statement");
      assertThat(jdbc.queryForObject("select count(*) from bank_statement_match m join bank_statement_line l on l.id = m.line_id"
          + " where l.statement_id = ?", Long.class, id)).isZero();
      assertThat(journeys.invoices.get(invoice.id()).openAmount()).isEqualByComparingTo("900.00");

      journeys.inbox.complete(review.id(), Map.of("notes", "Paid by card meanwhile"), Staff.anyone("cara"));

      // matched again against what is open now: the invoice is paid and the rest is the customer's credit
      await().atMost(Journeys.PATIENCE).until(() -> journeys.history.isCompleted(process));
      assertThat(journeys.invoices.get(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
      assertThat(credit.balance(customer.id(), "EUR")).isEqualByComparingTo("100.00");
      assertThat(statements.get(id).lines().getFirst().status()).isEqualTo(LineStatus.AUTO_MATCHED);
    } finally {
      release.countDown();
      racer.shutdown();
    }
  }

  private InvoiceView invoice(String amount) {
    return journeys.invoiced(anOrderFor(customer.id()).worth(amount));
  }

  private long importAndMatch(StatementBuilder statement) {
    StatementImport imported = statements.importStatement(statement.camt053(), statement.id() + ".xml", null, null, "test");
    assertThat(imported.alreadyImported()).isFalse();
    StatementImport matched = statements.awaitMatched(imported, Duration.ofSeconds(30));
    assertThat(matched.status()).isEqualTo("MATCHED");
    return imported.id();
  }

  private StatementView.Line awaitLine(long statementId, java.util.function.Predicate<StatementView.Line> condition) {
    return await().atMost(Journeys.PATIENCE).until(() -> statements.get(statementId).lines().getFirst(), condition);
  }

}
