package settle.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;

import org.junit.jupiter.api.Test;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceView;
import settle.testdata.BrowserTestCase;
import settle.testdata.SettleTest;

/** An auditor follows an invoice's collection on its diagram and asks why a reminder went out. */
@SettleTest
class ProcessPathBrowserIT extends BrowserTestCase {

  @Test
  void anAuditorSeesTheCollectionsPathDrawnWithTimesAndTheDecisionBehindTheReminder() {
    CustomerView customer = journeys.customer(aCustomer());
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("1250.00"));
    journeys.advanceTo(invoice.dueDate());
    journeys.awaitMailsTo(customer.apEmail(), 2);
    journeys.quiesce();

    browser.signIn("audrey", "audrey");
    browser.open("/process-instances?subject=invoice:" + invoice.id());
    assertThat(browser.find("h1").getText()).isEqualTo("Processes about Invoice " + invoice.number() + " of " + customer.name());
    String collection = browser.all("#instances a").stream().filter(a -> a.getText().equals("Invoice collection")).findFirst()
        .orElseThrow().getAttribute("href");
    browser.open(java.net.URI.create(collection).getPath());
    assertThat(browser.find("h1").getText()).contains("Invoice collection", invoice.number(), customer.name());

    browser.find("#diagram[data-drawn=true] .djs-container svg");
    assertThat(browser.find("#diagram .path-badge").getText()).matches("\\d+.* · \\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2}");
    assertThat(browser.all("#diagram .path-passed")).as("passed steps marked on the diagram").isNotEmpty();
    assertThat(browser.all("#diagram .path-waiting")).as("where it waits now").isNotEmpty();
    assertThat(browser.find("#waiting").getText()).startsWith("Waiting at:");
    String path = browser.find("#path").getText();
    assertThat(path).contains("Decide next action", "Decision by a policy table", "Segment customer")
        .contains("Next collection action, version ").contains("rule 7 “Reminder on the due day” (Segment STANDARD")
        .contains("rule 8 “First overdue reminder”");
    assertThat(path).doesNotContain("invoice:", "DUE_REMINDER", "BUSINESS_RULE_TASK");
    assertThat(path).as("the due-day reminder was taken on the due date, in business time")
        .contains(settle.testdata.Mails.day(invoice.dueDate()));
    assertThat(path).doesNotContain(settle.testdata.Mails.day(journeys.today().plusDays(1)));
    browser.screenshot("process-path-invoice-collection");
    browser.script("document.getElementById('path').scrollIntoView()");
    browser.screenshot("process-path-steps");

    browser.submit("#path tr[data-element=next-collection-action] a[href^='/why?decision=']");
    assertThat(browser.find("main").getText()).contains("Why?", "Next collection action, version ", "Matched: rule 7");
    browser.screenshot("why-decision");

    browser.open("/customers/" + customer.id());
    browser.find("#timeline");
    browser.submit("#timeline li[data-kind=MAIL]:first-child a.why-link");
    assertThat(browser.find("main").getText()).contains("Next collection action, version ", "rule 7 “Reminder on the due day”",
        "Action: due reminder");
    browser.screenshot("why-reminder-mail");
  }
}
