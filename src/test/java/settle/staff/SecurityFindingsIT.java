package settle.staff;

import settle.testdata.PageSession;
import static org.assertj.core.api.Assertions.assertThat;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import settle.audit.AuditEntry;
import settle.audit.AuditLog;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceView;
import settle.testdata.Api;
import settle.testdata.Journeys;
import settle.testdata.SettleTest;

/** The security review's low findings, each as the reviewer saw it. */
@SettleTest
class SecurityFindingsIT {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired JdbcTemplate jdbc;
  @Autowired AuditLog audit;

  @Test
  void fiveWrongPasswordsLockTheUserOutForAWhileAndEachFailureIsRecorded() {
    String username = "throttle-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(new Api(port).post("/api/staff", """
        {"username": "%s", "displayName": "Throttle Test", "email": "%s@northwind.example", "password": "the-right-password",
         "roles": ["COLLECTOR"], "groups": ["collectors"]}""".formatted(username, username)).status()).isEqualTo(201);
    Api right = new Api(port, username, "the-right-password");
    assertThat(right.get("/api/staff/me").status()).isEqualTo(200);

    for (int i = 0; i < 5; i++) {
      assertThat(new Api(port, username, "guess-" + i).get("/api/staff/me").status()).isEqualTo(401);
    }
    Api.Response locked = right.get("/api/staff/me");
    assertThat(locked.status()).isEqualTo(429);
    assertThat(locked.contentType()).startsWith("application/problem+json");
    assertThat(locked.body().get("detail").asText()).contains("Too many wrong passwords");
    assertThat(audit.trail("staff:" + username)).filteredOn(e -> e.action().equals("staff.sign-in-failed")).hasSize(5);
    // the sign-in form says so too
    assertThat(PageSession.trySignIn(port, username, "the-right-password").location()).endsWith("/login?locked");
  }

  @Test
  void theDisputeHistoryAndTheTimelinesDetailsAreForThoseWhoMayReadTheAuditTrail() {
    Journeys journeys = new Journeys(context);
    CustomerView customer = journeys.customer(aCustomer());
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("500.00"));
    Api.Response raised = new Api(port).as("casey").post("/api/invoices/" + invoice.id() + "/disputes",
        "{\"reasonCode\": \"PRICING\", \"amount\": 50, \"description\": \"Price\", \"raisedBy\": \"ap@customer\"}");
    assertThat(raised.status()).isEqualTo(201);
    String dispute = "/api/disputes/" + raised.body().get("id").asLong();

    assertThat(new Api(port).as("casey").get(dispute).body().has("history")).isFalse();
    assertThat(new Api(port).as("audrey").get(dispute).body().get("history").size()).isPositive();

    String timeline = "/api/customers/" + customer.id() + "/timeline";
    JsonNode forCollector = new Api(port).as("casey").get(timeline).body();
    assertThat(forCollector.size()).isPositive();
    forCollector.forEach(entry -> assertThat(entry.get("details").isEmpty()).as(entry.toString()).isTrue());
    assertThat(new Api(port).as("audrey").get(timeline).body().findValues("details"))
        .anySatisfy(details -> assertThat(details.isEmpty()).isFalse());
  }

  @Test
  void healthShowsOnlyItsStatusAndTheApiDocumentNeedsASignIn() {
    Api anonymous = new Api(port).anonymous();
    Api.Response health = anonymous.get("/actuator/health");
    assertThat(health.body().has("status")).isTrue();
    assertThat(health.body().has("components")).isFalse();
    assertThat(new String(health.bytes(), StandardCharsets.UTF_8)).doesNotContain("/").doesNotContain("mail");
    assertThat(anonymous.get("/v3/api-docs").status()).isEqualTo(401);
    assertThat(new Api(port).as("casey").get("/v3/api-docs").status()).isEqualTo(200);
  }

  @Test
  void onlyTheProcessOwnerMayMoveTheDemoClock() {
    for (String user : List.of("casey", "audrey", "dana")) {
      Api.Response refused = new Api(port).as(user).post("/api/clock/advance", "{\"days\": 1}");
      assertThat(refused.status()).as(user).isEqualTo(403);
    }
    assertThat(PageSession.signIn(port, "audrey", "audrey").postForm("/demo-clock", java.util.Map.of("days", "7")).status())
        .isEqualTo(403);
  }

  @Test
  void anOversizedUploadIsRefusedNamingThePartThatCarriesTheFile() {
    byte[] eleven = new byte[11 * 1024 * 1024];
    Api.Response statement = new Api(port).as("cara").postMultipart("/api/bank-statements",
        List.of(new Api.Part("file", "statement.csv", "text/csv", eleven)));
    assertThat(statement.status()).isEqualTo(413);
    assertThat(statement.body().at("/errors/0/field").asText()).isEqualTo("file");
    Api.Response evidence = new Api(port).as("casey").postMultipart("/api/invoices/1/disputes", List.of(
        new Api.Part("dispute", null, "application/json", "{}".getBytes(StandardCharsets.UTF_8)),
        new Api.Part("attachments", "scan.pdf", "application/pdf", eleven)));
    assertThat(evidence.status()).isEqualTo(413);
    assertThat(evidence.body().at("/errors/0/field").asText()).isEqualTo("attachments");
  }

  @Test
  void aNulByteAnOverlongFieldAndAnOversizedNumberAreRefusedAsProblemJsonNamingTheField() {
    Api api = new Api(port);
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String customer = """
        {"name": %s, "apEmail": "ap-%s@x.example", "accountOwnerName": "Owner", "accountOwnerEmail": "o-%s@x.example",
         "creditLimit": %s, "currency": "EUR"}""";
    assertField(api.post("/api/customers", customer.formatted("\"Nul\\u0000Corp\"", tag, tag, "1000")), "name");
    assertField(api.post("/api/customers", customer.formatted("\"Big Corp\"", tag, tag, "1e400")), "creditLimit");
    assertField(api.post("/api/customers", customer.formatted("\"Big Corp\"", tag, tag, "99999999999999999999999")), "creditLimit");
    assertField(api.post("/api/staff", """
        {"username": "long-%s", "displayName": "%s", "email": "long-%s@northwind.example", "password": "a-long-password",
         "roles": ["COLLECTOR"], "groups": ["collectors"]}""".formatted(tag, "x".repeat(5000), tag)), "displayName");
    Api.Response longId = api.get("/api/invoices/" + "9".repeat(40));
    assertThat(longId.status()).isEqualTo(400);
    assertThat(longId.contentType()).startsWith("application/problem+json");
  }

  private static void assertField(Api.Response response, String field) {
    assertThat(response.status()).as(response.toString()).isBetween(400, 499);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.body().findValuesAsText("field")).contains(field);
  }
}
