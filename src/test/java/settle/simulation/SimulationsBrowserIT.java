package settle.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import settle.testdata.BrowserTestCase;
import settle.testdata.PageSession;
import settle.testdata.SettleTest;

/**
 * The process owner back-tests the policy from the simulations page: a small population under the policy in force and
 * a candidate with the standard customers' first overdue reminder on day 10, run by the simulate command in the
 * background; the page follows it to "Finished" and shows the figures in words. Bad numbers are refused naming the
 * field, a second run while one is going is refused, and nobody but a process owner (or admin) opens the page.
 */
@SettleTest
class SimulationsBrowserIT extends BrowserTestCase {

  /** A private Settle starts (about a minute on a busy two-core machine), then 2 × 10 simulated days. */
  private static final Duration A_SMALL_RUN = Duration.ofMinutes(5);

  @Test
  void processOwnerComparesACandidateReminderDayAndReadsTheFiguresInWords() {
    browser.signIn("pat", "pat");
    browser.open("/");
    browser.submit("nav a[href='/processes']");
    browser.submit("#simulations-link");
    assertThat(browser.find("main h1").getText()).isEqualTo("Policy simulations");
    assertThat(browser.find("label[for=candidateDay] + input + small").getText()).contains("sends it on day 3");
    fill("12", "10", "1", "1");
    browser.find("#candidateDay").sendKeys("10");
    browser.submit("#simulation-form button[type=submit]");

    assertThat(browser.find("p.notice").getText()).contains("The simulation has started");
    String row = browser.find("#simulation-runs tbody tr").getText();
    assertThat(row).contains("Pat Quinn").contains("12 customers over 10 days")
        .contains("first overdue reminder to standard customers on day 10")
        .containsAnyOf("Queued", "Running");
    browser.resize(1280, 1100);
    browser.screenshot("simulations-1-running-1280");

    // a second run while the first is going is refused, in words
    browser.submit("#simulation-form button[type=submit]");
    assertThat(browser.find("#form-error").getText()).contains("A simulation is already running").contains("Pat Quinn");
    assertThat(browser.all("#simulation-runs tbody tr")).hasSize(1);

    browser.open("/simulations");
    // the named state the run ends in, read from the list as a person would; a failure ends the wait too
    assertThat(browser.reloadUntilOneShown(A_SMALL_RUN, "Finished", "Failed")).as(browser.text()).isEqualTo("Finished");
    browser.screenshot("simulations-2-finished-1280");
    browser.submit("#simulation-runs a[href^='/simulations/']");

    String page = browser.text();
    assertThat(page).contains("12 customers over 10 days").contains("Finished").doesNotContain(" 0 invoices per run");
    assertThat(browser.find("#figures thead").getText()).contains("Current policy").contains("Candidate: first reminder on day 10")
        .contains("Difference");
    assertThat(browser.find("#figures").getText()).contains("DSO, standard (days)").contains("Mails to customers per invoice")
        .contains("Collector calls per invoice");
    assertThat(browser.find("#headline").getText()).contains("DSO, standard (days)").contains("Mails to customers per invoice");
    assertThat(page).contains("Both policies met the same customers");
    assertThat(browser.all(".svg-charts svg")).hasSizeGreaterThanOrEqualTo(2);
    // business words only: no file, folder or JSON in front of the person
    assertThat(page).doesNotContain(".json").doesNotContain(".html").doesNotContain("/tmp").doesNotContain("{\"");
    browser.resize(1280, 2200);
    browser.screenshot("simulations-3-report-1280");
    browser.resize(390, 3200);
    browser.screenshot("simulations-4-report-390");
    browser.resize(390, 844);
    browser.script("document.querySelector('.svg-charts').scrollIntoView()");
    browser.screenshot("simulations-4-charts-390");
    browser.open("/simulations");
    browser.resize(390, 1800);
    browser.screenshot("simulations-5-list-390");
  }

  @Test
  void numbersOutsideWhatARunAllowsAreRefusedNamingTheField() {
    browser.signIn("pat", "pat");
    browser.open("/simulations");
    fill("5000", "a month", "1", "1");
    browser.submit("#simulation-form button[type=submit]");

    assertThat(browser.find(".field:has(#customers) .field-error").getText())
        .isEqualTo("Customers: 5,000 is outside what a run allows, 1 to 500");
    assertThat(browser.find(".field:has(#days) .field-error").getText()).isEqualTo("Days: 'a month' is not a whole number");
    assertThat(browser.all(".field:has(#seed) .field-error")).isEmpty();
    assertThat(browser.find("#customers").getAttribute("value")).isEqualTo("5000");
    browser.resize(1280, 1100);
    browser.screenshot("simulations-6-refused-1280");

    PageSession session = PageSession.signIn(port, "pat", "pat");
    PageSession.Response refused = session.postForm("/simulations", Map.of("customers", "10", "days", "3", "seed", "1", "runs", "9",
        "candidateDay", "40"));
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body()).contains("Days: 3 is outside what a run allows, 7 to 365")
        .contains("Runs: 9 is outside what a run allows, 1 to 5")
        .contains("First overdue reminder, candidate: 40 is outside what a run allows, 1 to 13");
  }

  @Test
  void onlyAProcessOwnerOpensTheSimulations() {
    browser.signIn("casey", "casey");
    browser.open("/simulations");
    assertThat(browser.find("main h1").getText()).isEqualTo("This is not yours to open or change");
    // a finance manager reads the catalog, but the simulations are the process owner's
    freshBrowser();
    browser.signIn("fran", "fran");
    browser.open("/processes");
    assertThat(browser.find("main h1").getText()).isEqualTo("Processes and decisions");
    assertThat(browser.all("a[href='/simulations']")).isEmpty();
    browser.open("/simulations");
    assertThat(browser.find("main h1").getText()).isEqualTo("This is not yours to open or change");

    PageSession collector = PageSession.signIn(port, "casey", "casey");
    assertThat(collector.postForm("/simulations", Map.of("customers", "5", "days", "20", "seed", "1", "runs", "1")).status())
        .isEqualTo(403);
    PageSession manager = PageSession.signIn(port, "fran", "fran");
    assertThat(manager.get("/simulations").status()).isEqualTo(403);
  }

  private void fill(String customers, String days, String seed, String runs) {
    for (var field : Map.of("customers", customers, "days", days, "seed", seed, "runs", runs).entrySet()) {
      var input = browser.find("#" + field.getKey());
      input.clear();
      input.sendKeys(field.getValue());
    }
  }
}
