package settle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static settle.testdata.CustomerBuilder.aCustomer;

import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import settle.customers.CustomerView;
import settle.testdata.Api;
import settle.testdata.Journeys;
import settle.testdata.SettleTest;

/** Bad input gets a 4xx problem+json that names what is wrong, and nothing is written. */
@SettleTest
class BadRequestsIT {

  private static final String TABLES = "select (select count(*) from customer) || '/' || (select count(*) from sales_order) || '/' "
      + "|| (select count(*) from order_line) || '/' || (select count(*) from payment) || '/' || (select count(*) from engine_outbox)";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationContext context;
  Api api;
  CustomerView customer;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    customer = new Journeys(context).customer(aCustomer());
  }

  @Test
  void anOrderForAnUnknownCustomerIsRefusedNamingTheCustomer() {
    assertRefused(() -> api.post("/api/orders", order(987654321, "1", "10")), 422, "customerId", "Customer 987654321 does not exist");
  }

  @Test
  void aNegativeQuantityIsRefusedNamingTheLine() {
    assertRefused(() -> api.post("/api/orders", order(customer.id(), "-2", "10")), 400, "lines[0].quantity", "must be greater than 0");
  }

  @Test
  void unknownPaymentTermsAreRefused() {
    String body = order(customer.id(), "1", "10").replace("NET30", "whenever");
    assertRefused(() -> api.post("/api/orders", body), 422, "paymentTerms", "is not a payment term");
  }

  @Test
  void malformedJsonIsRefusedWithItsPosition() {
    assertRefused(() -> api.post("/api/orders", "{\"customerId\": 1,\n \"lines\": [}"), 400, null, "Malformed JSON at line 2");
  }

  @Test
  void aWronglyTypedValueIsRefusedNamingTheField() {
    assertRefused(() -> api.post("/api/orders", order(customer.id(), "\"lots\"", "10")), 400, "lines[0].quantity", "Malformed value for lines[0].quantity");
  }

  @Test
  void anUnknownFieldIsRefusedRatherThanIgnored() {
    String body = order(customer.id(), "1", "10").replace("\"poNumber\"", "\"discount\": 5, \"poNumber\"");
    assertRefused(() -> api.post("/api/orders", body), 400, "discount", "Unrecognized field");
  }

  @Test
  void aPaymentForAnUnknownInvoiceIsRefusedNamingTheInvoice() {
    assertRefused(() -> api.post("/api/payments",
            "{\"invoiceNumber\": \"INV-0000-999999\", \"amount\": 10, \"valueDate\": \"2026-01-01\", \"reference\": \"X\"}"),
        422, "invoiceNumber", "Invoice INV-0000-999999 does not exist");
  }

  @Test
  void theSamePaymentTwiceIsAConflictAndPaysOnce() {
    var invoice = new Journeys(context).invoiced(settle.testdata.OrderBuilder.anOrderFor(customer.id()).worth("500.00"));
    String payment = "{\"invoiceNumber\": \"%s\", \"amount\": 100, \"valueDate\": \"2026-01-01\", \"reference\": \"BANK-7\"}"
        .formatted(invoice.number());
    assertThat(api.post("/api/payments", payment).status()).isEqualTo(201);
    assertRefused(() -> api.post("/api/payments", payment), 409, null, "already recorded");
    assertThat(api.get("/api/invoices/" + invoice.id()).body().get("openAmount").decimalValue()).isEqualByComparingTo("400.00");
  }

  @Test
  void aPaymentWithoutAmountOrDateIsRefusedNamingBoth() {
    Api.Response response = assertRefused(() -> api.post("/api/payments", "{\"invoiceNumber\": \"INV-1\", \"reference\": \"X\"}"),
        400, "amount", "must not be null");
    assertThat(response.body().get("detail").asText()).contains("valueDate");
  }

  @Test
  void aCustomerWithAnInvalidEmailOrCurrencyIsRefused() {
    String body = """
        {"name": "X", "apEmail": "not-an-address", "accountOwnerName": "O", "accountOwnerEmail": "o@x.example",
         "creditLimit": 100, "currency": "EUR"}""";
    assertRefused(() -> api.post("/api/customers", body), 400, "apEmail", "well-formed email");
    assertRefused(() -> api.post("/api/customers", body.replace("not-an-address", "a@x.example").replace("EUR", "XYZ")),
        422, "currency", "XYZ is not an ISO 4217 currency");
  }

  @Test
  void aCustomerWithAnUnknownTimeZoneOrCountryIsRefusedAndAGoodAddressIsKept() {
    String body = """
        {"name": "Fjord Tools AS", "apEmail": "ap@fjord.example", "accountOwnerName": "O", "accountOwnerEmail": "o@x.example",
         "creditLimit": 100, "currency": "NOK", "apContactName": "Ingrid Berg", "apContactPhone": "+47 22 12 34 56",
         "street": "Karl Johans gate 1", "postcode": "0154", "city": "Oslo", "country": "NO", "vatId": "NO923609016MVA",
         "timeZone": "Europe/Oslo"}""";
    assertRefused(() -> api.post("/api/customers", body.replace("Europe/Oslo", "Europe/Atlantis")), 422, "timeZone",
        "Europe/Atlantis is not a time zone");
    assertRefused(() -> api.post("/api/customers", body.replace("\"NO\"", "\"Norway\"")), 400, "country", "ISO 3166");
    Api.Response created = api.post("/api/customers", body);
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body().get("timeZone").asText()).isEqualTo("Europe/Oslo");
    assertThat(created.body().get("vatId").asText()).isEqualTo("NO923609016MVA");
    assertThat(created.body().get("apContactPhone").asText()).isEqualTo("+47 22 12 34 56");
  }

  @Test
  void unknownResourcesAreNotFound() {
    assertRefused(() -> api.get("/api/invoices/987654321"), 404, null, "Invoice 987654321 does not exist");
    assertRefused(() -> api.get("/api/customers/987654321"), 404, null, "Customer 987654321 does not exist");
    assertRefused(() -> api.get("/api/invoices/abc"), 400, "id", "'abc' is not a valid id");
    assertRefused(() -> api.post("/api/tasks/987654321/complete", "{}"), 404, null, "Task 987654321 does not exist");
  }

  @Test
  void theApiIsDescribedByOpenApi() {
    Api.Response docs = api.get("/v3/api-docs");
    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.body().get("paths").has("/api/orders")).isTrue();
    assertThat(docs.body().get("paths").has("/api/payments")).isTrue();
  }

  @Test
  void theRefusalCheckSeesAWriteMadeWhileTheRequestRuns() {
    String newCustomer = """
        {"name": "Half Written Ltd", "apEmail": "ap@half.example", "accountOwnerName": "O", "accountOwnerEmail": "o@x.example",
         "creditLimit": 100, "currency": "EUR"}""";
    assertThatThrownBy(() -> assertRefused(() -> {
      assertThat(api.post("/api/customers", newCustomer).status()).isEqualTo(201);
      return api.get("/api/invoices/987654321");
    }, 404, null, "does not exist")).isInstanceOf(AssertionError.class).hasMessageContaining("nothing written");
  }

  /** Sends the request and checks the refusal; the row counts are read before it runs, so a partial write shows. */
  private Api.Response assertRefused(Supplier<Api.Response> request, int status, String field, String detail) {
    String before = jdbc.queryForObject(TABLES, String.class);
    Api.Response response = request.get();
    assertThat(response.status()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.body().get("status").asInt()).isEqualTo(status);
    assertThat(response.body().get("detail").asText()).contains(detail);
    if (field != null) {
      assertThat(response.body().get("errors")).anySatisfy(e -> assertThat(e.get("field").asText()).isEqualTo(field));
    }
    assertThat(jdbc.queryForObject(TABLES, String.class)).as("nothing written (rows of " + TABLES + ")").isEqualTo(before);
    return response;
  }

  private static String order(long customerId, String quantity, String price) {
    return """
        {"customerId": %d, "lines": [{"description": "Widgets", "quantity": %s, "unitPrice": %s}],
         "discountPercent": 0, "paymentTerms": "NET30", "poNumber": "PO-1"}""".formatted(customerId, quantity, price);
  }

}
