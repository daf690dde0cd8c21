package settle.models;

import static org.assertj.core.api.Assertions.assertThat;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import settle.customers.CustomerView;
import settle.engine.DeployedModel;
import settle.engine.ModelDeployments;
import settle.invoicing.InvoiceView;
import settle.testdata.Api;
import settle.testdata.Journeys;
import settle.testdata.SettleTest;

/**
 * The impact preview over a population this test alone creates (its own application context, so its own engine and
 * database): every count below is counted by hand from the customers and invoices made here.
 */
@SettleTest
@TestPropertySource(properties = "settle.test.population=impact-preview")
class ImpactPreviewIT {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired ModelDeployments deployments;

  @Test
  void aCadenceEditIsCountedOverTodaysOpenInvoicesAndNothingIsDeployed() throws IOException {
    Journeys journeys = new Journeys(context);
    // STANDARD: low risk but new. STRATEGIC: low risk for three years.
    CustomerView standardA = journeys.customer(aCustomer().rated("LOW").since(journeys.today()));
    CustomerView standardB = journeys.customer(aCustomer().rated("LOW").since(journeys.today()));
    CustomerView strategic = journeys.customer(aCustomer().rated("LOW").since(journeys.today().minusYears(3)));
    List<InvoiceView> standard = new ArrayList<>();
    standard.add(journeys.invoiced(anOrderFor(standardA.id()).worth("1200.00")));
    standard.add(journeys.invoiced(anOrderFor(standardA.id()).worth("300.00")));
    standard.add(journeys.invoiced(anOrderFor(standardB.id()).worth("800.00")));
    journeys.invoiced(anOrderFor(strategic.id()).worth("5000.00"));
    journeys.invoiced(anOrderFor(strategic.id()).worth("700.00"));
    InvoiceView paid = journeys.invoiced(anOrderFor(standardB.id()).worth("90.00"));
    journeys.pay(paid, "90.00");
    journeys.quiesce();
    DeployedModel before = deployments.latest("next-collection-action.dmn").orElseThrow();

    // standard customers' first step (stage 0, the due-day reminder) moves from the due date to two days after it
    String edited = table("next-collection-action.dmn")
        .replace("<outputEntry id=\"standard-0-out-2\"><text>0</text>", "<outputEntry id=\"standard-0-out-2\"><text>2</text>");
    String editedCases = cases("next-collection-action.csv").replace("STANDARD,0,500,DUE_REMINDER,0,", "STANDARD,0,500,DUE_REMINDER,2,");
    Api.Response response = preview(edited, editedCases);

    assertThat(response.status()).isEqualTo(200);
    JsonNode body = response.body();
    assertThat(body.get("decisionId").asText()).isEqualTo("next-collection-action");
    assertThat(body.get("currentVersion").asInt()).isEqualTo(before.version());
    assertThat(body.get("lint")).isEmpty();
    assertThat(body.get("cases").get("failed")).isEmpty();
    assertThat(body.get("cases").get("passed").asInt()).isEqualTo(cases("next-collection-action.csv").lines()
        .filter(l -> !l.isBlank() && !l.startsWith("#")).count() - 1);
    // five invoices in collection (the paid one is not), three of them standard
    assertThat(body.get("evaluated").asInt()).isEqualTo(5);
    assertThat(body.get("changed").asInt()).isEqualTo(3);
    assertThat(body.get("changes")).hasSize(1);
    assertThat(body.get("changes").get(0).get("from").asText()).isEqualTo("Due reminder, days from due date 0");
    assertThat(body.get("changes").get(0).get("to").asText()).isEqualTo("Due reminder, days from due date 2");
    assertThat(body.get("changes").get(0).get("count").asInt()).isEqualTo(3);
    List<String> subjects = new ArrayList<>();
    body.get("examples").forEach(e -> subjects.add(e.get("subject").asText()));
    assertThat(subjects).containsExactlyInAnyOrder(
        "Invoice " + standard.get(0).number() + " (" + standardA.name() + ")",
        "Invoice " + standard.get(1).number() + " (" + standardA.name() + ")",
        "Invoice " + standard.get(2).number() + " (" + standardB.name() + ")");

    assertThat(deployments.latest("next-collection-action.dmn")).contains(before);
    assertThat(context.getBean(settle.engine.EngineModels.class).latest(DeployedModel.Kind.DMN, before.definitionId()))
        .map(settle.engine.EngineModels.InForce::version).contains(before.version());
  }

  @Test
  void anEditWhoseCasesWereNotChangedWithItFailsTheCaseNamingTheLine() throws IOException {
    String edited = table("next-collection-action.dmn")
        .replace("<outputEntry id=\"standard-0-out-2\"><text>0</text>", "<outputEntry id=\"standard-0-out-2\"><text>2</text>");

    JsonNode body = preview(edited, null).body();

    assertThat(body.get("lint")).isEmpty();
    assertThat(body.get("cases").get("failed")).hasSize(1);
    int line = cases("next-collection-action.csv").lines().toList().indexOf(
        cases("next-collection-action.csv").lines().filter(l -> l.startsWith("STANDARD,0,")).findFirst().orElseThrow()) + 1;
    assertThat(body.get("cases").get("failed").get(0).asText()).startsWith("dmn/tests/next-collection-action.csv line " + line + ":");
  }

  @Test
  void anAnswerTheProcessesDoNotHandleIsReportedByTheLint() throws IOException {
    String edited = table("next-collection-action.dmn")
        .replace("<outputEntry id=\"standard-1-out-1\"><text>\"OVERDUE_REMINDER\"</text>",
            "<outputEntry id=\"standard-1-out-1\"><text>\"SMS_REMINDER\"</text>");

    JsonNode body = preview(edited, null).body();

    assertThat(body.get("lint")).hasSize(1);
    assertThat(body.get("lint").get(0).asText()).contains("standard-1", "SMS_REMINDER", "which the processes do not handle");
  }

  @Test
  void onlyAProcessOwnerPreviews() throws IOException {
    byte[] table = table("next-collection-action.dmn").getBytes(StandardCharsets.UTF_8);

    Api.Response auditor = new Api(port, "audrey", "audrey").postMultipart("/api/models/preview",
        List.of(new Api.Part("file", "next-collection-action.dmn", "application/xml", table)));

    assertThat(auditor.status()).isEqualTo(403);
  }

  @Test
  void aFileThatIsNoDecisionTableIsRefusedNamingTheFile() {
    Api.Response response = new Api(port, "pat", "pat").postMultipart("/api/models/preview",
        List.of(new Api.Part("file", "notes.dmn", "application/xml", "<definitions><oops".getBytes(StandardCharsets.UTF_8))));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.contentType()).contains("problem+json");
    assertThat(response.body().toString()).contains("file");
  }

  private Api.Response preview(String xml, String editedCases) {
    List<Api.Part> parts = new ArrayList<>();
    parts.add(new Api.Part("file", "next-collection-action.dmn", "application/xml", xml.getBytes(StandardCharsets.UTF_8)));
    if (editedCases != null) {
      parts.add(new Api.Part("cases", "next-collection-action.csv", "text/csv", editedCases.getBytes(StandardCharsets.UTF_8)));
    }
    return new Api(port, "pat", "pat").postMultipart("/api/models/preview", parts);
  }

  private static String cases(String name) throws IOException {
    return Files.readString(Path.of("dmn", "tests", name));
  }

  private static String table(String name) throws IOException {
    return Files.readString(Path.of("dmn", name));
  }
}
