package settle.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;

import org.junit.jupiter.api.Test;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceView;
import settle.testdata.BrowserTestCase;
import settle.testdata.SettleTest;

/** The customer page's risk panel: the computed rating with its top drivers and its date, and an override beside it. */
@SettleTest
class RiskPanelBrowserIT extends BrowserTestCase {


  @Test
  void theRiskPanelShowsTheComputedRatingWithItsTopDriversAndAnOverrideBesideIt() {
    CustomerView customer = journeys.customer(aCustomer().named("Kestrel Instruments").rated("LOW")
        .since(journeys.today().minusDays(800)));
    InvoiceView paidLate = journeys.invoiced(anOrderFor(customer.id()).worth("1200.00").terms("NET0"));
    journeys.invoiced(anOrderFor(customer.id()).worth("800.00").terms("NET0"));
    journeys.advanceDays(12);
    journeys.pay(paidLate, paidLate.openAmount().toPlainString());

    browser.signIn("fran", "fran");
    browser.open("/customers/" + customer.id());
    String panel = browser.find("#risk").getText();
    assertThat(panel).startsWith("Medium risk")
        .contains("Risk scorecard: medium risk, 43 points on " + settle.testdata.Mails.day(journeys.today()) + ".")
        .contains("What weighs most:", "Paid late 75% of the time or more", "Pays 10–30 days late on average",
            "1–2 invoices overdue now")
        .doesNotContain("lateShare", "MEDIUM", "riskPoints");
    browser.script("document.getElementById('risk').scrollIntoView()");
    browser.screenshot("risk-1-panel-1280");
    browser.phoneWidth();
    browser.script("document.getElementById('risk').scrollIntoView()");
    browser.screenshot("risk-2-panel-390");
    browser.resize(1280, 900);

    browser.find("#risk-override summary").click();
    browser.select("#override-rating", "LOW");
    browser.setValue("#override-reason", "Late only while their ERP migration ran; confirmed by their CFO");
    browser.setValue("#override-until", journeys.today().plusDays(30).toString());
    browser.script("document.getElementById('risk-override').scrollIntoView()");
    browser.screenshot("risk-3-override-form-1280");
    browser.submit("#risk-override button[type=submit]");

    String overridden = browser.find("#risk").getText();
    assertThat(overridden).startsWith("Low risk")
        .contains("Overridden by Fran Novak until " + settle.testdata.Mails.day(journeys.today().plusDays(30))
            + ": “Late only while their ERP migration ran; confirmed by their CFO”")
        .contains("Risk scorecard: medium risk, 43 points", "Paid late 75% of the time or more");
    browser.script("document.getElementById('risk').scrollIntoView()");
    browser.screenshot("risk-4-overridden-1280");
    browser.phoneWidth();
    browser.script("document.getElementById('risk').scrollIntoView()");
    browser.screenshot("risk-5-overridden-390");
  }
}
