package settle.models;

import static org.assertj.core.api.Assertions.assertThat;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import settle.audit.AuditEntry;
import settle.audit.AuditLog;
import settle.customers.CustomerView;
import settle.engine.ModelDeployments;
import settle.testdata.BrowserTestCase;
import settle.testdata.SettleTest;

/**
 * A process owner in the catalog: the processes and tables in force, a diagram with the instances waiting on it, a
 * decision table, the preview of an edit, its deployment and the difference between the two versions. Its own
 * application context, because it deploys a changed cadence.
 */
@SettleTest
@TestPropertySource(properties = "settle.test.population=catalog-browser")
class ModelCatalogBrowserIT extends BrowserTestCase {

  @Autowired ModelDeployments deployments;
  @Autowired AuditLog audit;

  @Test
  void aProcessOwnerSeesTheModelsPreviewsAnEditDeploysItAndSeesWhatChanged(@TempDir Path dir) throws IOException {
    CustomerView standard = journeys.customer(aCustomer().rated("LOW").since(journeys.today()));
    CustomerView strategic = journeys.customer(aCustomer().rated("LOW").since(journeys.today().minusYears(3)));
    journeys.invoiced(anOrderFor(standard.id()).worth("1200.00"));
    journeys.invoiced(anOrderFor(standard.id()).worth("300.00"));
    journeys.invoiced(anOrderFor(strategic.id()).worth("5000.00"));
    journeys.quiesce();
    String before = deployments.latest("next-collection-action.dmn").orElseThrow().checksum();

    browser.signIn("pat", "pat");
    browser.open("/processes");
    assertThat(browser.find("#models").getText()).contains("Invoice collection", "Next collection action", "Settle at start-up")
        .doesNotContain(".bpmn", ".dmn", "system:startup");
    browser.screenshot("catalog-1-models");
    browser.resize(390, 844);
    browser.screenshot("catalog-1-models-phone");
    browser.resize(1366, 900);

    browser.submit("tr[data-model=invoice-collection] a");
    browser.find("#diagram[data-drawn=true]");
    // the three invoices' loops wait for their first step's day
    assertThat(browser.all("#diagram .waiting-count")).isNotEmpty();
    assertThat(browser.find("#waiting").getText()).contains("3");
    browser.screenshot("catalog-2-diagram-with-instances");

    browser.open("/processes/next-collection-action");
    browser.find("#table[data-drawn=true]");
    assertThat(browser.find("#table").getText()).contains("OVERDUE_REMINDER");
    browser.screenshot("catalog-3-table");

    Path edited = dir.resolve("next-collection-action.dmn");
    Files.writeString(edited, Files.readString(Path.of("dmn", "next-collection-action.dmn"))
        .replace("<outputEntry id=\"standard-0-out-2\"><text>0</text>", "<outputEntry id=\"standard-0-out-2\"><text>2</text>"));
    Path editedCases = dir.resolve("next-collection-action.csv");
    Files.writeString(editedCases, Files.readString(Path.of("dmn", "tests", "next-collection-action.csv"))
        .replace("STANDARD,0,500,DUE_REMINDER,0,", "STANDARD,0,500,DUE_REMINDER,2,"));
    browser.find("#file").sendKeys(edited.toAbsolutePath().toString());
    browser.find("#cases").sendKeys(editedCases.toAbsolutePath().toString());
    browser.submit("#preview button[type=submit]");
    assertThat(browser.find("#preview-summary").getText())
        .isEqualTo("Over today's 3 invoices in collection, 2 would be decided differently.");
    assertThat(browser.find("#preview-changes").getText())
        .contains("2 Due reminder, days from due date 0 Due reminder, days from due date 2");
    browser.script("document.getElementById('preview').scrollIntoView()");
    browser.screenshot("catalog-4-preview");

    browser.submit("#deploy");
    assertThat(browser.find(".notice").getText()).startsWith("Deployed: version 2 is in force");
    assertThat(browser.find("#differences").getText()).contains("Rule 7", "Days from due date", "0", "2");
    browser.script("document.getElementById('differences').scrollIntoView()");
    browser.screenshot("catalog-5-deployed-and-differences");

    String after = deployments.latest("next-collection-action.dmn").orElseThrow().checksum();
    assertThat(after).isNotEqualTo(before);
    AuditEntry deployed = audit.trail("model:next-collection-action.dmn").getLast();
    assertThat(deployed.actor()).isEqualTo("pat");
    assertThat(deployed.details()).containsEntry("oldChecksum", before).containsEntry("newChecksum", after);
  }
}
