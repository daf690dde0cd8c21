package settle.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import settle.audit.internal.AuditSigningKey;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceView;
import settle.testdata.Api;
import settle.testdata.BrowserTestCase;
import settle.testdata.SettleTest;

/** The auditor's workspace: search in business words, a record's story, the pack, the verification, the controls. */
@SettleTest
class AuditWorkspaceBrowserIT extends BrowserTestCase {

  @Autowired AuditSigningKey key;

  @Test
  void anAuditorFindsAnInvoiceByItsNumberReadsItsStoryInWordsAndExportsItsPack() {
    CustomerView customer = journeys.customer(aCustomer());
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("250.00"));

    browser.signIn("audrey", "audrey");
    // the processes are listed about something; without it, the place to find one, not an error page
    browser.open("/process-instances");
    assertThat(browser.path()).isEqualTo("/audit");
    assertThat(browser.find("#verification").getText()).startsWith("The trail is intact.");
    browser.find("#q").sendKeys(invoice.number());
    browser.submit("form.filters button[type=submit]");

    assertThat(browser.find("#matches").getText()).isEqualTo("Invoice " + invoice.number() + " of " + customer.name());
    assertThat(browser.find("#entries").getText()).contains("Invoice issued").doesNotContain("invoice:" + invoice.id());
    browser.screenshot("audit-1-search-by-invoice-number");

    browser.submit("#matches a");
    assertThat(browser.find("h1").getText()).isEqualTo("Invoice " + invoice.number() + " of " + customer.name());
    assertThat(browser.find("#entries").getText()).contains("Invoice issued");
    // every entry leads to the process it belongs to: a worker's to its instance, the others to the invoice's processes
    assertThat(browser.all("#entries tbody tr")).allSatisfy(row -> assertThat(row.getText()).contains("its process"));
    assertThat(browser.all("#entries a.hint")).extracting(a -> a.getAttribute("href"))
        .anySatisfy(href -> assertThat(href).matches(".*/process-instances/\\d+"))
        .anySatisfy(href -> assertThat(href).endsWith("/process-instances?subject=invoice%3A" + invoice.id()));
    String collection = browser.all("#entries a.hint").stream().map(a -> a.getAttribute("href"))
        .filter(href -> href.matches(".*/process-instances/\\d+")).findFirst().orElseThrow();
    String pack = browser.find("#export-pack").getAttribute("href");
    browser.screenshot("audit-2-invoice-story");

    // one click on: the collection the invoice runs in, its path drawn, and the table version and row behind its step
    browser.open(collection.substring(collection.indexOf("/process-instances/")));
    assertThat(browser.find("h1").getText()).startsWith("Invoice collection");
    assertThat(browser.text()).contains("Next collection action, version");
    browser.screenshot("audit-2b-collection-path");

    Api.Response zip = new Api(port).as("audrey").get(pack.substring(pack.indexOf("/audit/pack")).replace("/audit/pack", "/api/audit/pack"));
    assertThat(zip.status()).isEqualTo(200);
    assertThat(AuditPackVerifier.verify(zip.bytes(), key.key()).accepted()).isTrue();

    browser.open("/audit");
    browser.find("#q").sendKeys(customer.name().substring(0, customer.name().length() - 2));
    browser.submit("form.filters button[type=submit]");
    assertThat(browser.find("#matches").getText()).contains(customer.name());

    browser.open("/audit/controls");
    assertThat(browser.find("h1").getText()).isEqualTo("Controls report");
    browser.screenshot("audit-3-controls");
    browser.phoneWidth().open("/audit/subject?s=invoice:" + invoice.id());
    browser.screenshot("audit-4-invoice-story-phone");
  }

  @Test
  void onlyThoseWhoReadTheTrailSeeTheWorkspace() {
    browser.signIn("casey", "casey");
    browser.open("/audit");
    assertThat(browser.text()).doesNotContain("Audit trail");
    browser.open("/audit/controls");
    assertThat(browser.text()).doesNotContain("Controls report");
    assertThat(new Api(port).as("casey").get("/api/audit/pack").status()).isEqualTo(403);
  }
}
