package settle.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;
import static settle.testdata.StatementBuilder.aStatement;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceStatus;
import settle.invoicing.InvoiceView;
import settle.payments.BankStatements;
import settle.testdata.BrowserTestCase;
import settle.testdata.SettleTest;
import settle.testdata.StatementBuilder;

/** The customer's credit balance on the pages, and the cash applier's button that applies it. */
@SettleTest
class CreditBalanceBrowserIT extends BrowserTestCase {

  @Autowired BankStatements statements;

  @Test
  void aCashApplierSeesTheCreditBalanceAndAppliesItToTheOldestDueInvoiceWithOneButton() {
    CustomerView customer = journeys.customer(aCustomer());
    InvoiceView overpaid = journeys.invoiced(anOrderFor(customer.id()).worth("100.00"));
    StatementBuilder statement = aStatement().on(journeys.today()).credit("400.00", customer.name(), null, overpaid.number());
    statements.awaitMatched(statements.importStatement(statement.camt053(), statement.id() + ".xml", null, null, "test").id(),
        false, Duration.ofSeconds(30));
    InvoiceView later = journeys.invoiced(anOrderFor(customer.id()).worth("500.00").terms("NET60"));
    InvoiceView sooner = journeys.invoiced(anOrderFor(customer.id()).worth("200.00").terms("NET15"));

    browser.signIn("casey", "casey");
    // other tests' customers share the database: the dashboard shows the most used currency unless asked for one
    browser.open("/?currency=EUR");
    assertThat(browser.find("#credit-held").getText()).endsWith(" EUR").isNotEqualTo("0.00 EUR");
    browser.open("/customers/" + customer.id());
    assertThat(browser.find("aside.context").getText()).contains("Credit balance", "300.00 EUR held for the customer");
    assertThat(browser.all("#apply-credit")).as("a collector may not apply credit").isEmpty();
    freshBrowser();

    browser.signIn("cara", "cara");
    browser.open("/customers/" + customer.id());
    browser.screenshot("credit-1-balance-on-customer-page");
    browser.submit("#apply-credit");

    assertThat(browser.find(".notice").getText())
        .isEqualTo("Credit applied: 200.00 EUR to " + sooner.number() + ", 100.00 EUR to " + later.number() + ".");
    assertThat(browser.find("aside.context").getText()).contains("None: no unapplied cash or unused credit memos.");
    browser.reloadUntilShown("Customer credit of 200.00 EUR applied");
    browser.screenshot("credit-2-applied");
    assertThat(journeys.invoices.get(sooner.id()).status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(journeys.invoices.get(later.id()).openAmount()).isEqualByComparingTo("400.00");
  }
}
