package settle.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import settle.testdata.Api;
import settle.testdata.Journeys;
import settle.testdata.SettleTest;

/** Who may call what: every API needs a signed-in user, roles gate changes, groups gate tasks. */
@SettleTest
class SignInAndRolesIT {

  @LocalServerPort int port;

  @Test
  void aCallWithoutCredentialsGets401AsProblemJson() {
    Api.Response response = new Api(port).anonymous().get("/api/invoices");
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.body().get("detail").asText()).contains("HTTP Basic");
  }

  @Test
  void aWrongPasswordGets401() {
    assertThat(new Api(port, "casey", "not-her-password").get("/api/invoices").status()).isEqualTo(401);
  }

  @Test
  void everySignedInRoleMayReadButOnlyCashAppliersRecordPayments() {
    Api casey = new Api(port).as("casey");
    assertThat(casey.get("/api/invoices").status()).isEqualTo(200);
    Api.Response payment = casey.post("/api/payments",
        "{\"invoiceNumber\": \"INV-0\", \"amount\": 1, \"valueDate\": \"2026-01-01\", \"reference\": \"X\"}");
    assertThat(payment.status()).isEqualTo(403);
    assertThat(payment.body().get("detail").asText()).contains("POST /api/payments");
    // a cash applier passes the role check and reaches validation
    assertThat(new Api(port).as("cara").post("/api/payments",
        "{\"invoiceNumber\": \"INV-0\", \"amount\": 1, \"valueDate\": \"2026-01-01\", \"reference\": \"X\"}").status()).isEqualTo(422);
  }

  @Test
  void onlyAuditorsAndManagersReadTheAuditTrail() {
    assertThat(new Api(port).as("casey").get("/api/audit/verification").status()).isEqualTo(403);
    assertThat(new Api(port).as("audrey").get("/api/audit/verification").status()).isEqualTo(200);
  }

  @Test
  void aCollectorCannotCompleteACreditAnalystsTaskButAnAnalystCan() {
    long taskId = creditReviewTask(new Api(port));
    assertThat(new Api(port).as("ada").get("/api/tasks/worklist").body().findValuesAsText("id")).contains(String.valueOf(taskId));
    assertThat(new Api(port).as("casey").get("/api/tasks/worklist").body().findValuesAsText("id"))
        .doesNotContain(String.valueOf(taskId));
    Api.Response byCollector = new Api(port).as("casey").post("/api/tasks/" + taskId + "/complete",
        "{\"approved\": true, \"reason\": \"looks fine\"}");
    assertThat(byCollector.status()).isEqualTo(403);
    assertThat(byCollector.body().get("detail").asText()).contains("credit-analysts");

    Api.Response byAnalyst = new Api(port).as("ada").post("/api/tasks/" + taskId + "/complete",
        "{\"approved\": true, \"reason\": \"Prepaid half\"}");
    assertThat(byAnalyst.status()).isEqualTo(200);
    assertThat(byAnalyst.body().get("completedBy").asText()).isEqualTo("ada");
  }

  @Test
  void twoPeopleClaimingTheSameTaskAtOnceOneWinsTheOtherIsToldWho() {
    long taskId = creditReviewTask(new Api(port));
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<Api.Response>> claims = List.of("ada", "demo").stream()
        .map(user -> CompletableFuture.supplyAsync(() -> {
          try {
            start.await();
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
          return new Api(port).as(user).post("/api/tasks/" + taskId + "/claim", "");
        })).toList();
    start.countDown();
    List<Api.Response> answers = claims.stream().map(CompletableFuture::join).toList();

    assertThat(answers).extracting(Api.Response::status).containsExactlyInAnyOrder(200, 409);
    Api.Response winner = answers.stream().filter(a -> a.status() == 200).findFirst().orElseThrow();
    Api.Response loser = answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
    String assignee = winner.body().get("assignee").asText();
    assertThat(loser.body().get("detail").asText()).isEqualTo("Task " + taskId + " is claimed by " + assignee);
    // the loser cannot complete it either; the winner can
    String other = assignee.equals("ada") ? "demo" : "ada";
    assertThat(new Api(port).as(other).post("/api/tasks/" + taskId + "/complete", "{\"approved\": false, \"reason\": \"x\"}")
        .status()).isEqualTo(409);
    assertThat(new Api(port).as(assignee).post("/api/tasks/" + taskId + "/complete",
        "{\"approved\": false, \"reason\": \"No history\"}").status()).isEqualTo(200);
  }

  /** An order over the customer's limit: the credit decision opens a task for credit analysts. */
  private static long creditReviewTask(Api api) {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    long customerId = api.post("/api/customers", """
        {"name": "Roles %s", "apEmail": "ap-%s@roles.example", "accountOwnerName": "Robin Sales",
         "accountOwnerEmail": "robin-%s@northwind.example", "creditLimit": 1000, "currency": "EUR"}""".formatted(tag, tag, tag))
        .body().get("id").asLong();
    long orderId = api.post("/api/orders", """
        {"customerId": %d, "lines": [{"description": "Widgets", "quantity": 2, "unitPrice": 600}],
         "discountPercent": 0, "paymentTerms": "NET30"}""".formatted(customerId)).body().get("id").asLong();
    JsonNode task = await().atMost(Journeys.PATIENCE).until(() -> api.get("/api/tasks?subject=order:" + orderId).body(),
        tasks -> tasks.size() == 1).get(0);
    return task.get("id").asLong();
  }
}
