package settle.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import settle.audit.AuditEntry;
import settle.audit.AuditLog;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceView;
import settle.orders.OrderStatus;
import settle.testdata.Api;
import settle.testdata.Journeys;
import settle.testdata.SettleTest;

/**
 * Who acts is who is signed in, and a salesperson acts only for their own customers — on every
 * customer-scoped action, not only holds, promises and plans.
 */
@SettleTest
class ActorAndOwnershipIT {

  private static final String COUNTS = "select (select count(*) from dispute) || '/' || (select count(*) from dispute_attachment)"
      + " || '/' || (select count(*) from sales_order)";

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired JdbcTemplate jdbc;
  @Autowired AuditLog audit;
  Journeys journeys;
  CustomerView acme;
  InvoiceView acmeInvoice;

  @BeforeEach
  void setUp() {
    journeys = new Journeys(context);
    acme = journeys.customer(aCustomer().ownedBy("Dana Whitfield", "dana.whitfield@northwind.example"));
    acmeInvoice = journeys.invoiced(anOrderFor(acme.id()).worth("1200.00"));
  }

  @Test
  void aPromiseIsRecordedAsTheSignedInUsersWithWhoTookItAsADetail() {
    Api.Response promise = new Api(port).as("casey").post("/api/invoices/" + acmeInvoice.id() + "/promises", """
        {"date": "%s", "amount": 500, "takenBy": "Morgan Reyes", "channel": "PHONE"}""".formatted(journeys.today().plusDays(5)));
    assertThat(promise.status()).isEqualTo(201);
    AuditEntry recorded = entry("collections.promise-recorded");
    assertThat(recorded.actor()).isEqualTo("casey");
    assertThat(recorded.details()).containsEntry("takenBy", "Morgan Reyes");
  }

  @Test
  void aPaymentPlanIsRecordedAsTheSignedInUsersWithWhoAgreedItAsADetail() {
    Api.Response plan = new Api(port).as("dana").post("/api/invoices/" + acmeInvoice.id() + "/payment-plans", """
        {"agreedBy": "the CFO of Acme", "instalments": [{"date": "%s", "amount": 600}, {"date": "%s", "amount": 600}]}"""
        .formatted(journeys.today().plusDays(10), journeys.today().plusDays(40)));
    assertThat(plan.status()).isEqualTo(201);
    AuditEntry agreed = entry("collections.payment-plan-agreed");
    assertThat(agreed.actor()).isEqualTo("dana");
    assertThat(agreed.details()).containsEntry("agreedBy", "the CFO of Acme");
  }

  @Test
  void aSalespersonCannotRaiseADisputeOnAnotherOwnersCustomerButTheOwnerCan() {
    String dispute = "{\"reasonCode\": \"PRICING\", \"amount\": 100, \"description\": \"Price as agreed\", \"raisedBy\": \"ap@acme\"}";
    String before = jdbc.queryForObject(COUNTS, String.class);
    Api lee = new Api(port).as("lee");
    assertForbidden(lee.post("/api/invoices/" + acmeInvoice.id() + "/disputes", dispute));
    assertForbidden(lee.postMultipart("/api/invoices/" + acmeInvoice.id() + "/disputes", List.of(
        new Api.Part("dispute", null, "application/json", dispute.getBytes(StandardCharsets.UTF_8)),
        new Api.Part("attachments", "note.txt", "text/plain", "the price list".getBytes(StandardCharsets.UTF_8)))));
    assertThat(jdbc.queryForObject(COUNTS, String.class)).isEqualTo(before);

    assertThat(new Api(port).as("dana").post("/api/invoices/" + acmeInvoice.id() + "/disputes", dispute).status()).isEqualTo(201);
  }

  @Test
  void aSalespersonCannotPlaceOrFulfilAnOrderForAnotherOwnersCustomerButTheOwnerCan() {
    String order = """
        {"customerId": %d, "lines": [{"description": "Widgets", "quantity": 1, "unitPrice": 100}],
         "discountPercent": 0, "paymentTerms": "NET30"}""".formatted(acme.id());
    String before = jdbc.queryForObject(COUNTS, String.class);
    assertForbidden(new Api(port).as("lee").post("/api/orders", order));
    assertThat(jdbc.queryForObject(COUNTS, String.class)).isEqualTo(before);

    Api dana = new Api(port).as("dana");
    Api.Response placed = dana.post("/api/orders", order);
    assertThat(placed.status()).isEqualTo(201);
    long orderId = placed.body().get("id").asLong();
    journeys.awaitOrder(orderId, OrderStatus.APPROVED);
    assertForbidden(new Api(port).as("lee").post("/api/orders/" + orderId + "/fulfilment", ""));
    assertThat(journeys.orders.get(orderId).status()).isEqualTo(OrderStatus.APPROVED);
    assertThat(dana.post("/api/orders/" + orderId + "/fulfilment", "").status()).isEqualTo(200);
  }

  @Test
  void aCollectorStillActsForEveryCustomer() {
    String dispute = "{\"reasonCode\": \"PRICING\", \"amount\": 50, \"description\": \"Price\", \"raisedBy\": \"ap@acme\"}";
    assertThat(new Api(port).as("casey").post("/api/invoices/" + acmeInvoice.id() + "/disputes", dispute).status()).isEqualTo(201);
  }

  private AuditEntry entry(String action) {
    return await().atMost(Journeys.PATIENCE).until(() -> audit.trail("invoice:" + acmeInvoice.id()).stream()
        .filter(e -> e.action().equals(action)).findFirst(), java.util.Optional::isPresent).orElseThrow();
  }

  private static void assertForbidden(Api.Response response) {
    assertThat(response.status()).isEqualTo(403);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.body().get("detail").asText()).contains("Dana Whitfield's customer");
  }
}
