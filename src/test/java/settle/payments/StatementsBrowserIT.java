package settle.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;
import static settle.testdata.StatementBuilder.aStatement;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import settle.audit.AuditLog;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceStatus;
import settle.invoicing.InvoiceView;
import settle.testdata.BrowserTestCase;
import settle.testdata.SettleTest;
import settle.testdata.StatementBuilder;

/** The cash applier's statements pages: upload a file, see that its balances do not add up, confirm it, see it posted. */
@SettleTest
class StatementsBrowserIT extends BrowserTestCase {

  @Autowired AuditLog audit;

  @Test
  void aCashApplierUploadsAStatementWhoseBalancesDoNotAddUpSeesTheFlagConfirmsItAndSeesItPosted() throws Exception {
    CustomerView customer = journeys.customer(aCustomer());
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("640.00"));
    // constructed: the bank's closing balance says 641.00 where the one credit of 640.00 leads to 640.00
    StatementBuilder statement = aStatement().on(journeys.today()).credit("640.00", customer.name(), null, invoice.number());
    Path file = Files.createTempFile("statement", ".sta");
    Files.writeString(file, new String(statement.mt940(), StandardCharsets.UTF_8)
        .replaceFirst("(:62F:C\\d{6}EUR)[\\d,]+", "$1641,00"));

    browser.signIn("casey", "casey");
    assertThat(browser.all("header a[href='/statements']")).as("the statements are the cash appliers' page").isEmpty();
    browser.open("/statements");
    assertThat(browser.all("#upload")).as("a collector may not import statements").isEmpty();
    freshBrowser();

    browser.signIn("cara", "cara");
    browser.submit("header a[href='/statements']");
    browser.find("#file").sendKeys(file.toAbsolutePath().toString());
    browser.submit("#upload button[type=submit]");

    assertThat(browser.find(".notice").getText()).startsWith("Imported 1 statement. Statement " + settle.testdata.Mails.day(journeys.today()) + " · DE89…3000:")
        .contains("1 credit line, 0 posted automatically", "Its balances do not add up");
    assertThat(browser.find("#unreconciled").getText()).contains("Balances do not add up");
    assertThat(browser.find("#figures").getText()).contains("Opening balance\n0.00 EUR", "Movements\n640.00 EUR",
        "Closing balance stated\n641.00 EUR");
    assertThat(browser.find("#difference").getText()).isEqualTo("1.00 EUR");
    assertThat(browser.find("#lines tr[data-line='1'] .status").getText()).isEqualTo("Waiting for the statement to be confirmed");
    assertThat(browser.find("#lines tr[data-line='1']").getText()).contains(customer.name(), "640.00 EUR");
    browser.screenshot("statements-1-balances-do-not-add-up");
    assertThat(journeys.invoices.get(invoice.id()).openAmount()).isEqualByComparingTo("640.00");
    String page = browser.path();

    browser.open("/statements");
    assertThat(browser.find("#statements tbody tr").getText()).contains("Statement " + settle.testdata.Mails.day(journeys.today()) + " · DE89…3000",
        "Balances do not add up", "Waiting for confirmation", "MT940");
    browser.screenshot("statements-2-list-with-the-flag");

    browser.open(page);
    browser.submit("#confirm");
    assertThat(browser.find(".notice").getText()).isEqualTo(
        "Statement confirmed. Its credit line was posted automatically.");
    assertThat(browser.find("#lines tr[data-line='1'] .status").getText()).isEqualTo("Posted automatically");
    assertThat(browser.find("#lines tr[data-line='1']").getText()).contains(invoice.number() + " (640.00 EUR)", "Reference", "98 %");
    assertThat(browser.find("#unreconciled").getText()).contains("Confirmed by cara");
    assertThat(browser.all("#confirm")).isEmpty();
    browser.screenshot("statements-3-confirmed-and-posted");
    browser.resize(390, 844);
    browser.screenshot("statements-4-confirmed-on-a-phone");
    browser.open("/statements");
    browser.screenshot("statements-5-list-on-a-phone");
    assertThat(journeys.invoices.get(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
    long id = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));
    assertThat(audit.trail("statement:" + id)).filteredOn(e -> e.action().equals("statement.confirmed"))
        .singleElement().satisfies(e -> assertThat(e.actor()).isEqualTo("cara"));
  }

  @Test
  void aFileThatCannotBeReadIsRefusedOnThePageNamingTheLineAndNothingIsStored() throws Exception {
    Path file = Files.createTempFile("statement", ".txt");
    Files.writeString(file, "01,121000358,SETTLEDEMO,260105,0600,0105001,80,,2/\n02,SETTLEDEMO/\n");
    browser.signIn("cara", "cara");
    browser.open("/statements");
    browser.find("#file").sendKeys(file.toAbsolutePath().toString());
    browser.submit("#upload button[type=submit]");

    assertThat(browser.find(".error").getText()).startsWith("The file was not imported, nothing was stored: line ");
    assertThat(browser.path()).isEqualTo("/statements");
  }
}
