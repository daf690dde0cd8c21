package settle.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;
import static settle.testdata.StatementBuilder.aStatement;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceView;
import settle.payments.BankStatements;
import settle.payments.LineStatus;
import settle.tasks.TaskView;
import settle.testdata.BrowserTestCase;
import settle.testdata.Journeys;
import settle.testdata.SettleTest;
import settle.testdata.StatementBuilder;

/**
 * The collector's and the cash applier's day in a real headless Chromium: only the seeding goes through the services;
 * the walk itself is clicks and typing. Every page is checked for ids and JSON, and shot at 1280 and 390 px.
 */
@SettleTest
class WorklistBrowserIT extends BrowserTestCase {

  @Autowired BankStatements statements;

  @BeforeEach
  void setUp() {
    browser.resize(1280, 900);
  }

  @Test
  void aCollectorClaimsTheCallFromTheWorklistCallsTheContactAndRecordsThePromise() {
    CustomerView customer = journeys.customer(aCustomer().named("Brightwater Foods").rated("MEDIUM")
        .apContact("Anna Berger", "+49 30 1234567", "Europe/Berlin"));
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("11400.00"));
    journeys.advanceTo(invoice.dueDate().plusDays(7));
    TaskView call = journeys.awaitOpenTask("invoice:" + invoice.id());

    browser.signIn("casey", "casey");
    browser.submit("header a[href='/work']");
    String row = "#worklist tr[data-task-id='" + call.id() + "']";
    assertThat(browser.find(row).getText()).contains("Call customer", "Call Anna Berger at " + customer.name(),
        "Invoice " + invoice.number(), "11,400.00 EUR", "7 days overdue", "Unclaimed");
    shoot("collector-1-worklist");

    browser.submit(row + " a[href='/work/" + call.id() + "']");
    assertThat(browser.find("#customer").getText()).isEqualTo(customer.name());
    assertThat(browser.find("#about").getText()).isEqualTo("Invoice " + invoice.number());
    assertThat(browser.find("#amount").getText()).isEqualTo("11,400.00 EUR");
    assertThat(browser.find("#call").getText()).contains("Anna Berger", "+49 30 1234567", "(Europe/Berlin)",
        "When Invoice " + invoice.number() + " (11,400.00 EUR, 7 days overdue) will be paid");
    assertThat(browser.find("#contact-phone").getAttribute("href")).isEqualTo("tel:+49301234567");
    assertThat(browser.find("#f-outcome option[value='PROMISE']").getText()).isEqualTo("Promise to pay");
    shoot("collector-2-call-task");

    browser.submit("#claim");
    assertThat(browser.find("#assignee").getText()).isEqualTo("casey");
    browser.select("#f-outcome", "PROMISE");
    browser.setValue("#f-promiseDate", journeys.today().plusDays(5).toString());
    browser.find("#f-promiseAmount").sendKeys("11400");
    browser.find("#f-notes").sendKeys("Anna confirmed the payment run on Friday");
    shoot("collector-3-outcome-filled-in");
    browser.submit("#complete");
    assertThat(browser.find(".notice").getText()).isEqualTo("Done: Call customer is complete.");
    assertThat(browser.all(row)).isEmpty();
    shoot("collector-4-back-on-the-worklist");
  }

  @Test
  void aCashApplierUploadsAStatementAndAppliesTheUnmatchedPaymentToACustomerPickedByName() throws Exception {
    CustomerView customer = journeys.customer(aCustomer().named("Quarry Lane Bakery"));
    journeys.invoiced(anOrderFor(customer.id()).worth("300.00"));
    // a payer the engine cannot place: no known account, no reference, an amount no invoice has
    StatementBuilder statement = aStatement().on(journeys.today()).credit("1480.00", "QLB Holding", "DE44500105175407324931",
        "payment as agreed");
    Path file = Files.createTempFile("statement", ".sta");
    Files.write(file, statement.mt940());

    browser.signIn("cara", "cara");
    browser.submit("header a[href='/statements']");
    browser.find("#file").sendKeys(file.toAbsolutePath().toString());
    browser.submit("#upload button[type=submit]");
    assertThat(browser.find(".notice").getText()).contains("Imported 1 statement");
    assertThat(browser.find("#lines tr[data-line='1']").getText()).contains("QLB Holding", "1,480.00 EUR");
    shoot("cash-1-statement-uploaded");
    long statementId = Long.parseLong(browser.path().substring("/statements/".length()));
    TaskView task = journeys.awaitOpenTask("statement:" + statementId);

    browser.submit("header a[href='/work']");
    String row = "#worklist tr[data-task-id='" + task.id() + "']";
    assertThat(browser.find(row).getText()).contains("Apply cash", "payment from QLB Holding", "1,480.00 EUR", "Statement ");
    shoot("cash-2-worklist");
    browser.submit(row + " td.asked a");
    assertThat(browser.find(".task").getText()).contains("QLB Holding", "DE44500105175407324931", "payment as agreed");
    browser.submit("#claim");

    // a pick that names nobody is refused beside the field, and what was typed stays
    browser.select("#f-action", "ON_ACCOUNT");
    browser.find("#f-customerId").sendKeys("Nobody we know");
    browser.find("#f-notes").sendKeys("Parent company of Quarry Lane, confirmed by phone");
    browser.submit("#complete");
    assertThat(browser.find("#error-customerId").getText()).contains("No customer matches “Nobody we know”");
    assertThat(browser.find("#f-customerId").getAttribute("value")).isEqualTo("Nobody we know");
    assertThat(browser.find("#f-notes").getAttribute("value")).isEqualTo("Parent company of Quarry Lane, confirmed by phone");
    assertThat(browser.find("#f-action option[value='ON_ACCOUNT']").isSelected()).isTrue();
    shoot("cash-3-bad-pick-refused");

    // the picker suggests customers as the applier types part of the name
    browser.find("#f-customerId").clear();
    browser.find("#f-customerId").sendKeys("Quarry La");
    await().atMost(Journeys.PATIENCE).until(() -> browser.all("#customers-customerId option").stream()
        .anyMatch(o -> customer.name().equals(o.getAttribute("value"))));
    shoot("cash-4-picker-suggests");
    browser.find("#f-customerId").clear();
    browser.find("#f-customerId").sendKeys(customer.name());
    browser.submit("#complete");
    assertThat(browser.find(".notice").getText()).isEqualTo("Done: Apply cash is complete.");
    assertThat(browser.all(row)).isEmpty();

    await().atMost(Journeys.PATIENCE).until(() -> statements.get(statementId).lines().getFirst().status() == LineStatus.MANUAL);
    assertThat(statements.get(statementId).lines().getFirst().customerId()).isEqualTo(customer.id());
    browser.open("/statements/" + statementId);
    assertThat(browser.find("#lines tr[data-line='1']").getText()).contains("QLB Holding", "Handled by a cash applier");
    shoot("cash-5-line-held-on-account");
  }

  /** The page at desktop and phone width, after checking it shows no ids or JSON. */
  private void shoot(String name) {
    String text = browser.text();
    assertThat(text).doesNotContain("invoice:", "order:", "statement:", "{\"", "customerId", "ON_ACCOUNT", "collector-call");
    browser.screenshot(name + "-1280");
    browser.resize(390, 844);
    browser.screenshot(name + "-390");
    browser.resize(1280, 900);
  }
}
