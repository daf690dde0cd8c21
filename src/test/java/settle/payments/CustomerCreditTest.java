package settle.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;
import static settle.testdata.StatementBuilder.aStatement;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import settle.audit.AuditEntry;
import settle.audit.AuditLog;
import settle.credit.CreditExposure;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceStatus;
import settle.invoicing.InvoiceView;
import settle.tasks.TaskView;
import settle.testdata.Api;
import settle.testdata.Journeys;
import settle.testdata.LedgerBalance;
import settle.testdata.SettleTest;
import settle.testdata.Staff;
import settle.testdata.StatementBuilder;

/** The customer credit balance: where overpaid and returned money goes, how it is applied and refunded. */
@SettleTest
class CustomerCreditTest {

  @Autowired ApplicationContext context;
  @Autowired BankStatements statements;
  @Autowired CustomerCredit credit;
  @Autowired AuditLog audit;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate tx;
  @Autowired CreditExposure exposure;
  @LocalServerPort int port;
  Journeys journeys;
  CustomerView customer;

  @BeforeEach
  void setUp() {
    journeys = new Journeys(context);
    customer = journeys.customer(aCustomer());
  }

  @Test
  void anOverpaymentBecomesTheCustomersCreditBalanceAndLowersTheirExposure() {
    InvoiceView invoice = invoice("1000.00", "NET30");
    BigDecimal before = exposure.of(customer.id()).exposure();

    long id = importAndMatch(aStatement().on(journeys.today()).credit("1200.00", customer.name(), null, "Invoice " + invoice.number()));

    assertThat(statements.get(id).lines().getFirst().status()).isEqualTo(LineStatus.AUTO_MATCHED);
    assertThat(journeys.invoices.get(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(credit.balances(customer.id())).containsExactly(new CustomerCredit.Balance("EUR", new BigDecimal("200.00")));
    assertThat(credit.balance(customer.id(), "USD")).isEqualByComparingTo("0");
    var after = exposure.of(customer.id());
    assertThat(after.creditBalance()).isEqualByComparingTo("200.00");
    // the invoice's 1000 is paid, and the 200 held for the customer comes off what they could owe
    assertThat(before).isEqualByComparingTo("1000.00");
    assertThat(after.exposure()).isEqualByComparingTo("-200.00");
  }

  @Test
  void aReturnedLineIsRecordedAsARefundOfThatLinesMoney() {
    long id = importAndMatch(aStatement().on(journeys.today()).credit("75.00", "Unknown payer", null, "no idea"));
    TaskView task = journeys.awaitOpenTask("statement:" + id);

    journeys.inbox.complete(task.id(), Map.of("action", "RETURN", "customerId", customer.id(), "notes", "Sent back"),
        Staff.anyone("cara"));

    await().atMost(Journeys.PATIENCE).until(() -> statements.get(id).lines().getFirst().status() == LineStatus.MANUAL);
    assertThat(jdbc.queryForList("select kind || ' ' || amount from customer_credit_entry where customer_id = ? order by id",
        String.class, customer.id())).containsExactly("UNAPPLIED_CASH 75.0000", "REFUND -75.0000");
    assertThat(credit.balances(customer.id())).isEmpty();
    assertThat(audit.trail("customer:" + customer.id())).extracting(AuditEntry::action).contains("customer-credit.refunded");
  }

  @Test
  void aCashApplierAppliesTheCreditToTheNextInvoicesOldestDueFirstInOneAction() {
    holdCredit("300.00");
    InvoiceView later = invoice("500.00", "NET60");
    InvoiceView sooner = invoice("200.00", "NET15");
    Api cara = new Api(port).as("cara");

    assertThat(new Api(port).as("casey").post("/api/customers/" + customer.id() + "/credit/apply", "").status()).isEqualTo(403);
    Api.Response applied = cara.post("/api/customers/" + customer.id() + "/credit/apply", "");

    assertThat(applied.status()).isEqualTo(200);
    assertThat(applied.body().get("applications").findValuesAsText("invoiceNumber")).containsExactly(sooner.number(), later.number());
    assertThat(journeys.invoices.get(sooner.id()).status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(journeys.invoices.get(later.id()).openAmount()).isEqualByComparingTo("400.00");
    assertThat(credit.balances(customer.id())).isEmpty();
    // an application of credit, not cash: no payment row a promise could count
    assertThat(jdbc.queryForObject("select count(*) from payment where invoice_id in (?, ?)", Long.class, sooner.id(), later.id()))
        .isZero();
    AuditEntry entry = audit.trail("customer:" + customer.id()).stream().filter(e -> e.action().equals("customer-credit.applied"))
        .findFirst().orElseThrow();
    assertThat(entry.actor()).isEqualTo("cara");

    Api.Response again = cara.post("/api/customers/" + customer.id() + "/credit/apply", "");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body().get("applications")).isEmpty();
    assertThat(journeys.invoices.get(later.id()).openAmount()).isEqualByComparingTo("400.00");
  }

  @Test
  void aRefundAboveTheBalanceIsRefusedWith422AndNothingWritten() {
    holdCredit("120.00");
    Api cara = new Api(port).as("cara");
    String path = "/api/customers/" + customer.id() + "/credit/refunds";
    long entries = entries();

    Api.Response refused = cara.post(path, "{\"amount\": 120.01, \"currency\": \"EUR\", \"reference\": \"RF-1\"}");

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.body().toString()).contains("amount", "exceeds the credit balance of 120.00 EUR");
    assertThat(entries()).isEqualTo(entries);
    assertThat(cara.post(path, "{\"amount\": 10, \"currency\": \"USD\", \"reference\": \"RF-2\"}").status()).isEqualTo(422);
    assertThat(new Api(port).as("casey").post(path, "{\"amount\": 20, \"currency\": \"EUR\", \"reference\": \"RF-3\"}").status())
        .isEqualTo(403);

    Api.Response refunded = cara.post(path, "{\"amount\": 120.00, \"currency\": \"EUR\", \"reference\": \"RF-4\"}");
    assertThat(refunded.status()).isEqualTo(200);
    assertThat(refunded.body().get("balance").decimalValue()).isEqualByComparingTo("0");
    // the same refund sent again is the same refund
    assertThat(cara.post(path, "{\"amount\": 120.00, \"currency\": \"EUR\", \"reference\": \"RF-4\"}").status()).isEqualTo(200);
    assertThat(entries()).isEqualTo(entries + 1);
    assertThat(credit.balances(customer.id())).isEmpty();
  }

  @Test
  void aRemittanceNamingAShortPaidInvoiceIsSettledFromTheCreditBalance() {
    holdCredit("50.00");
    InvoiceView invoice = invoice("1000.00", "NET30");

    long id = importAndMatch(aStatement().on(journeys.today()).credit("950.00", customer.name(), null, invoice.number()));

    StatementView.Line line = statements.get(id).lines().getFirst();
    assertThat(line.shortfall()).isEqualByComparingTo("0");
    assertThat(journeys.invoices.get(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(credit.balances(customer.id())).isEmpty();
    long process = journeys.instanceOf(CashApplication.PROCESS_ID, "statementId", id);
    await().atMost(Journeys.PATIENCE).until(() -> journeys.history.isCompleted(process));
    assertThat(journeys.history.completedElements(process)).doesNotContain("assess-short-pay");
  }

  @Test
  void aShortPayLargerThanTheCreditBalanceLeavesTheBalanceAlone() {
    holdCredit("20.00");
    InvoiceView invoice = invoice("1000.00", "NET30");

    long id = importAndMatch(aStatement().on(journeys.today()).credit("950.00", customer.name(), null, invoice.number()));

    assertThat(statements.get(id).lines().getFirst().shortfall()).isEqualByComparingTo("50.00");
    assertThat(credit.balances(customer.id())).containsExactly(new CustomerCredit.Balance("EUR", new BigDecimal("20.00")));
  }

  @Test
  void theLedgerCheckFailsNamingTheCustomerCurrencyAndBothSides() {
    holdCredit("40.00");
    LedgerBalance.assertBalanced(jdbc);

    tx.executeWithoutResult(status -> {
      // money appears on the balance from nowhere: no cash, no credit memo behind it
      jdbc.update("""
          insert into customer_credit_entry(customer_id, currency, kind, amount, source_ref, actor, created_at)
          values (?, 'EUR', 'CREDIT_MEMO', 5, 'corrupt-' || ?, 'test', now())""", customer.id(), customer.id());
      assertThatThrownBy(() -> LedgerBalance.assertBalanced(jdbc)).isInstanceOf(AssertionError.class)
          .hasMessageContaining("customer " + customer.id() + " in EUR")
          .hasMessageContaining("= -40.00,").hasMessageContaining("= -45.00");
      status.setRollbackOnly();
    });
    LedgerBalance.assertBalanced(jdbc);
  }

  /** Overpays a fresh invoice by {@code amount}, through a statement, so the customer holds it. */
  private void holdCredit(String amount) {
    InvoiceView small = invoice("100.00", "NET30");
    importAndMatch(aStatement().on(journeys.today())
        .credit(new BigDecimal("100.00").add(new BigDecimal(amount)).toPlainString(), customer.name(), null, small.number()));
    assertThat(credit.balance(customer.id(), "EUR")).isEqualByComparingTo(amount);
  }

  private long entries() {
    return jdbc.queryForObject("select count(*) from customer_credit_entry where customer_id = ?", Long.class, customer.id());
  }

  private InvoiceView invoice(String amount, String terms) {
    return journeys.invoiced(anOrderFor(customer.id()).worth(amount).terms(terms));
  }

  private long importAndMatch(StatementBuilder statement) {
    StatementImport imported = statements.importStatement(statement.camt053(), statement.id() + ".xml", null, null, "test");
    return statements.awaitMatched(imported.id(), false, Duration.ofSeconds(30)).id();
  }
}
