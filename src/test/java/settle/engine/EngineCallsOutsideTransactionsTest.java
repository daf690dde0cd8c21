package settle.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;
import static settle.testdata.StatementBuilder.aStatement;

import io.camunda.client.CamundaClient;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;
import settle.collections.CollectionActions;
import settle.collections.InvoiceCollection;
import settle.collections.PromiseRequest;
import settle.customers.CustomerView;
import settle.disputes.DisputeView;
import settle.disputes.Disputes;
import settle.disputes.RaiseDispute;
import settle.disputes.ReasonCode;
import settle.invoicing.InvoiceStatus;
import settle.invoicing.InvoiceView;
import settle.payments.BankStatements;
import settle.risk.CreditCheck;
import settle.risk.CreditChecks;
import settle.testdata.EngineCallsInTransactions;
import settle.testdata.Journeys;
import settle.testdata.SettleTest;
import settle.testdata.Staff;
import settle.testdata.StatementBuilder;

/**
 * The main journeys make no engine call from inside a database transaction: what the engine must hear goes through
 * the engine outbox after the change commits, so the change stands when the engine is away and no lock waits for it.
 */
@SettleTest
class EngineCallsOutsideTransactionsTest {

  @Autowired ApplicationContext context;
  @Autowired EngineCallsInTransactions watch;
  @Autowired TransactionTemplate tx;
  @Autowired CamundaClient client;
  @Autowired Disputes disputes;
  @Autowired CollectionActions actions;
  @Autowired BankStatements statements;
  @Autowired CreditChecks creditChecks;

  @Test
  void theWatchSeesACallMadeInsideATransaction() {
    int mark = watch.mark();
    tx.executeWithoutResult(status -> client.newTopologyRequest().send().join());
    client.newTopologyRequest().send().join();

    assertThat(watch.since(mark)).filteredOn(call -> call.caller().startsWith(getClass().getName()))
        .singleElement().satisfies(call -> assertThat(call.method()).endsWith("/Topology"));
  }

  @Test
  void orderCreditDisputePaymentStatementDeductionPromiseAndRemindersCallTheEngineOnlyOutsideTransactions() {
    Journeys journeys = new Journeys(context);
    int mark = watch.mark();

    CustomerView customer = journeys.customer(aCustomer());
    creditChecks.check(new CreditCheck.Request(customer.id(), null, new BigDecimal("500.00"), customer.currency(), "NET30"), "test");
    // over the limit: the credit decision asks an analyst, whose task completes through the inbox
    InvoiceView disputed = journeys.invoiced(anOrderFor(customer.id()).worth("25000.00"));

    DisputeView dispute = disputes.raise(disputed.id(), new RaiseDispute(ReasonCode.PRICING, new BigDecimal("100"),
        "As discussed with our rep", "ap@customer", null), List.of(), "test");
    var task = journeys.awaitOpenTask("dispute:" + dispute.id());
    journeys.inbox.complete(task.id(), Map.of("outcome", "CREDIT_MEMO", "creditAmount", "100", "rootCause", "pricing-setup",
        "notes", "Sales agreed the lower price"), Staff.anyone("sam.sales"));
    await().atMost(Journeys.PATIENCE).until(() -> disputes.get(dispute.id()).status().equals("RESOLVED"));
    journeys.pay(disputed, journeys.invoices.get(disputed.id()).openAmount().toPlainString());

    InvoiceView byStatement = journeys.invoiced(anOrderFor(customer.id()).worth("640.00"));
    // paid short with a reason: the tolerance table opens a deduction dispute
    InvoiceView deducted = journeys.invoiced(anOrderFor(customer.id()).worth("1000.00"));
    StatementBuilder statement = aStatement().on(journeys.today()).credit("640.00", customer.name(), null, "Invoice " + byStatement.number())
        .credit("900.00", customer.name(), null, deducted.number() + " less 100 damaged goods");
    statements.awaitMatched(statements.importStatement(statement.camt053(), statement.id() + ".xml", null, null, "test"),
        Journeys.PATIENCE);
    await().atMost(Journeys.PATIENCE).until(() -> !disputes.find(null, null, deducted.id()).isEmpty());

    InvoiceView promised = journeys.invoiced(anOrderFor(customer.id()).worth("300.00"));
    actions.promise(promised.id(), new PromiseRequest(journeys.today().plusDays(3), new BigDecimal("300"), "Casey", "PHONE"), "casey",
        "test:promise");
    InvoiceView dunned = journeys.invoiced(anOrderFor(customer.id()).worth("410.00"));
    // the collection loops' steps up to just past the due date, in one move of the clock
    int mailsBefore = journeys.mailsTo(customer.apEmail()).size();
    journeys.advanceTo(dunned.dueDate().plusDays(2));
    journeys.awaitMailsTo(customer.apEmail(), mailsBefore + 1);
    journeys.quiesce();

    assertThat(journeys.invoices.get(disputed.id()).status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(journeys.invoices.get(byStatement.id()).status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(journeys.history.instanceWith(InvoiceCollection.PROCESS_ID, "invoiceId", dunned.id())).isPresent();
    assertThat(watch.since(mark)).as("engine calls made inside a database transaction").isEmpty();
  }
}
