package settle.disputes;

import static org.assertj.core.api.Assertions.assertThat;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;

import io.camunda.client.CamundaClient;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceView;
import settle.testdata.Api;
import settle.testdata.Journeys;
import settle.testdata.SettleTest;

/** Raising disputes through the HTTP API: routing, evidence rules, refusals, and what dunning then asks for. */
@SettleTest
class DisputesIT {

  private static final String COUNTS = "select (select count(*) from dispute) || '/' || (select count(*) from dispute_attachment)";

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired JdbcTemplate jdbc;
  @Autowired CamundaClient client;
  Journeys journeys;
  Api api;
  CustomerView customer;
  InvoiceView invoice;

  @BeforeEach
  void setUp() {
    journeys = new Journeys(context);
    api = new Api(port);
    customer = journeys.customer(aCustomer());
    invoice = journeys.invoiced(anOrderFor(customer.id()).worth("1000.00"));
  }

  @Test
  void aPricingDisputeGoesToSalesAndTheReminderAsksOnlyForTheRest() throws Exception {
    Api.Response raised = api.post("/api/invoices/" + invoice.id() + "/disputes",
        "{\"reasonCode\": \"PRICING\", \"amount\": 100, \"description\": \"Sales agreed 10% off\", \"raisedBy\": \"ap@customer\"}");
    assertThat(raised.status()).isEqualTo(201);
    assertThat(raised.body().get("team").asText()).isEqualTo("sales");
    assertThat(raised.body().get("status").asText()).isEqualTo("OPEN");
    Api.Response detail = api.get("/api/disputes/" + raised.body().get("id").asLong());
    assertThat(detail.body().get("checklist").asText()).contains("Deal terms");
    assertThat(detail.body().get("history").get(0).get("action").asText()).isEqualTo("decision.dispute-routing");
    assertThat(detail.body().get("history").get(0).at("/details/decision/matchedRules/0/ruleId").asText()).isEqualTo("pricing");
    assertThat(api.get("/api/disputes?team=sales&status=OPEN").body().findValuesAsText("invoiceId"))
        .contains(String.valueOf(invoice.id()));

    journeys.advanceTo(invoice.dueDate());
    MimeMessage reminder = journeys.awaitMailsTo(customer.apEmail(), 2).get(1);
    String body = new String(reminder.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(body).contains("900.00 EUR").contains("100.00 EUR").containsIgnoringCase("disputed");

    // a month on, the dispute has passed twice its SLA and sits with sales' managers, who find the agreed
    // discount never reached billing: a credit memo of 100, mailed with its PDF
    long disputeId = raised.body().get("id").asLong();
    com.fasterxml.jackson.databind.JsonNode task = org.awaitility.Awaitility.await().atMost(Journeys.PATIENCE)
        .until(() -> api.get("/api/tasks?subject=dispute:" + disputeId).body(), t -> t.size() == 1).get(0);
    assertThat(task.get("candidateGroups").get(0).asText()).isEqualTo("sales-managers");
    // demo raised the dispute, so a colleague decides it (four eyes)
    String decision = """
        {"outcome": "CREDIT_MEMO", "creditAmount": 100, "rootCause": "pricing-setup", "notes": "Agreed discount not in billing"}""";
    assertThat(api.post("/api/tasks/" + task.get("id").asLong() + "/complete", decision).status()).isEqualTo(403);
    assertThat(api.as("morgan").post("/api/tasks/" + task.get("id").asLong() + "/complete", decision).status()).isEqualTo(200);
    com.fasterxml.jackson.databind.JsonNode memoMail = org.awaitility.Awaitility.await().atMost(Journeys.PATIENCE)
        .until(() -> api.get("/api/mail?to=" + customer.apEmail()).body(), m -> m.size() == 3).get(0);
    assertThat(memoMail.get("subject").asText()).contains("credit memo CM-");
    assertThat(memoMail.get("attachments").get(0).asText()).startsWith("CM-").endsWith(".pdf");
    assertThat(api.get("/api/invoices/" + invoice.id()).body().get("openAmount").decimalValue()).isEqualByComparingTo("900.00");

    assertThat(api.post("/api/payments", """
        {"invoiceNumber": "%s", "amount": 900, "valueDate": "%s", "reference": "BANK-%d"}""".formatted(invoice.number(),
        invoice.dueDate(), disputeId)).status()).isEqualTo(201);
    assertThat(api.get("/api/invoices/" + invoice.id()).body().get("status").asText()).isEqualTo("PAID");
    assertThat(api.get("/api/disputes/" + disputeId).body().get("status").asText()).isEqualTo("RESOLVED");
    assertThat(api.get("/api/disputes/root-causes?from=2020-01-01&to=2099-12-31").body().findValuesAsText("rootCause"))
        .contains("pricing-setup");
  }

  @Test
  void evidenceIsKeptAndOnlyEverServedAsADownload() {
    byte[] pdf = "%PDF-1.4 delivery note".getBytes(StandardCharsets.US_ASCII);
    Api.Response raised = api.postMultipart("/api/invoices/" + invoice.id() + "/disputes", List.of(
        dispute("DAMAGED_GOODS", "200"), new Api.Part("attachments", "delivery-note.pdf", "application/pdf", pdf)));
    assertThat(raised.status()).isEqualTo(201);
    assertThat(raised.body().get("team").asText()).isEqualTo("operations");
    long attachment = raised.body().get("attachments").get(0).get("id").asLong();

    Api.Response download = api.get("/api/disputes/" + raised.body().get("id").asLong() + "/attachments/" + attachment);
    assertThat(download.contentType()).isEqualTo("application/octet-stream");
    assertThat(download.bytes()).isEqualTo(pdf);
  }

  @Test
  void badDisputesAreRefusedAndNothingIsStored() {
    String before = jdbc.queryForObject(COUNTS, String.class);
    String path = "/api/invoices/" + invoice.id() + "/disputes";
    CustomerView other = journeys.customer(aCustomer());

    assertThat(api.post(path, "{\"reasonCode\": \"TOO_EXPENSIVE\", \"amount\": 1, \"description\": \"x\", \"raisedBy\": \"y\"}"))
        .satisfies(r -> assertThat(r.status()).isEqualTo(400))
        .satisfies(r -> assertThat(r.body().get("detail").asText()).contains("reasonCode"));
    assertThat(api.post(path, "{\"reasonCode\": \"PRICING\", \"amount\": 1, \"description\": \"x\", \"raisedBy\": \"y\", \"customerId\": "
        + other.id() + "}").status()).isEqualTo(422);
    assertThat(api.post(path, "{\"reasonCode\": \"PRICING\", \"amount\": 1000.01, \"description\": \"x\", \"raisedBy\": \"y\"}")
        .body().get("detail").asText()).contains("exceeds the undisputed open amount of 1000.00");
    assertThat(api.postMultipart(path, List.of(dispute("OTHER", "10"),
        new Api.Part("attachments", "invoice.exe", "application/octet-stream", new byte[] {'M', 'Z', 0, 1}))).status()).isEqualTo(415);
    assertThat(api.postMultipart(path, List.of(dispute("OTHER", "10"), new Api.Part("attachments", "page.html", "text/html",
        "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)))).status()).isEqualTo(415);
    assertThat(api.postMultipart(path, List.of(dispute("OTHER", "10"), new Api.Part("attachments", "notes.txt", "text/plain",
        "hello <script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)))).status()).isEqualTo(415);
    Api.Response huge = api.postMultipart(path, List.of(dispute("OTHER", "10"),
        new Api.Part("attachments", "scan.pdf", "application/pdf", new byte[50 * 1024 * 1024])));
    assertThat(huge.status()).isEqualTo(413);
    assertThat(huge.contentType()).startsWith("application/problem+json");

    assertThat(jdbc.queryForObject(COUNTS, String.class)).isEqualTo(before);
  }

  @Test
  void editingTheRoutingTableSendsDamagedGoodsToSupport() throws Exception {
    String original = new ClassPathResource("dmn/dispute-routing.dmn").getContentAsString(StandardCharsets.UTF_8);
    String edited = original
        .replace("<inputEntry id=\"delivery-in-1\"><text>\"SHORT_SHIPMENT\",\"DAMAGED_GOODS\",\"NOT_RECEIVED\"</text>",
            "<inputEntry id=\"delivery-in-1\"><text>\"SHORT_SHIPMENT\",\"NOT_RECEIVED\"</text>")
        .replace("<inputEntry id=\"service-in-1\"><text>\"SERVICE_ISSUE\"</text>",
            "<inputEntry id=\"service-in-1\"><text>\"SERVICE_ISSUE\",\"DAMAGED_GOODS\"</text>");
    assertThat(edited).isNotEqualTo(original);
    client.newDeployResourceCommand().addResourceStringUtf8(edited, "dispute-routing.dmn").send().join();
    try {
      Api.Response raised = api.post("/api/invoices/" + invoice.id() + "/disputes",
          "{\"reasonCode\": \"DAMAGED_GOODS\", \"amount\": 50, \"description\": \"Dented\", \"raisedBy\": \"ap\"}");
      assertThat(raised.body().get("team").asText()).isEqualTo("support");
    } finally {
      client.newDeployResourceCommand().addResourceStringUtf8(original, "dispute-routing.dmn").send().join();
    }
  }

  private static Api.Part dispute(String reason, String amount) {
    return new Api.Part("dispute", null, "application/json", ("{\"reasonCode\": \"" + reason + "\", \"amount\": " + amount
        + ", \"description\": \"See attached\", \"raisedBy\": \"ap@customer\"}").getBytes(StandardCharsets.UTF_8));
  }
}
