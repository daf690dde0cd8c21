package settle.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import settle.audit.AuditLog;
import settle.customers.CustomerView;
import settle.orders.OrderStatus;
import settle.orders.OrderView;
import settle.testdata.Api;
import settle.testdata.Journeys;
import settle.testdata.SettleTest;

/** Sales asks before a deal; Settle answers with the credit decision, the headroom and the rating's drivers, and creates nothing. */
@SettleTest
class CreditCheckApiTest {

  /** The tables a credit check must leave as they are, row for row. */
  static final List<String> TABLES = List.of("customer", "sales_order", "order_line", "invoice", "customer_risk_score",
      "customer_risk_override");

  @Autowired ApplicationContext context;
  @Autowired JdbcTemplate jdbc;
  @Autowired AuditLog audit;
  @LocalServerPort int port;

  @Test
  void aCheckForAnExistingCustomerAnswersWithTheDecisionTheHeadroomAndTheDriversAndWritesNothingButItsAuditEntry() {
    Journeys journeys = new Journeys(context);
    CustomerView customer = journeys.customer(aCustomer().rated("HIGH").withCreditLimit("10000"));
    OrderView order = journeys.order(anOrderFor(customer.id()).worth("7000.00"));
    journeys.awaitOrder(order.id(), OrderStatus.IN_REVIEW);
    journeys.quiesce();
    Map<String, String> before = counts();

    Api.Response answer = new Api(port).as("dana").post("/api/credit-checks", "{\"customerId\": " + customer.id()
        + ", \"amount\": 2000, \"currency\": \"EUR\", \"paymentTerms\": \"NET30\"}");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().path("decision").asText()).isEqualTo("HOLD");
    assertThat(answer.body().path("reason").asText()).isEqualTo("High-risk customer above 80% of the credit limit");
    assertThat(answer.body().path("limitHeadroom").decimalValue()).isEqualByComparingTo("3000.00");
    assertThat(answer.body().path("exposureAfterDeal").decimalValue()).isEqualByComparingTo("9000.00");
    assertThat(answer.body().path("rating").asText()).isEqualTo("HIGH");
    assertThat(answer.body().path("ratingSource").asText()).isEqualTo("OPENING");
    assertThat(answer.body().path("drivers").get(0).path("band").asText()).isEqualTo("No payment history yet");
    assertThat(counts()).isEqualTo(before);
    assertThat(audit.trail("customer:" + customer.id())).anySatisfy(e -> {
      assertThat(e.action()).isEqualTo("credit-check.answered");
      assertThat(e.actor()).isEqualTo("dana");
      assertThat(e.details()).containsEntry("answer", "HOLD").containsEntry("paymentTerms", "NET30");
    });
  }

  @Test
  void aProspectIsCheckedOnTheFactsSalesGivesAgainstTheLimitItWouldHave() {
    Map<String, String> before = counts();

    Api.Response answer = new Api(port).as("dana").post("/api/credit-checks", """
        {"prospect": {"name": "Harbour Tools Ltd", "country": "GB", "expectedMonthlyVolume": 4000, "creditLimit": 20000},
         "amount": 5000, "currency": "GBP", "paymentTerms": "2/10 NET30"}""");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().path("customer").asText()).isEqualTo("Harbour Tools Ltd");
    assertThat(answer.body().path("decision").asText()).isEqualTo("APPROVE");
    assertThat(answer.body().path("limitHeadroom").decimalValue()).isEqualByComparingTo("20000.00");
    assertThat(answer.body().path("rating").asText()).isEqualTo("MEDIUM");
    assertThat(answer.body().path("drivers")).extracting(d -> d.path("band").asText())
        .startsWith("No payment history yet", "A customer for less than six months");
    assertThat(counts()).isEqualTo(before);
    assertThat(audit.trail("prospect:Harbour Tools Ltd")).singleElement()
        .satisfies(e -> assertThat(e.details()).containsEntry("answer", "APPROVE").containsEntry("country", "GB"));
  }

  @Test
  void aCheckThatCannotBeAnsweredIsRefusedNamingTheFieldAndWritesNothing() {
    Journeys journeys = new Journeys(context);
    CustomerView customer = journeys.customer(aCustomer());
    Api api = new Api(port).as("dana");
    Map<String, String> before = counts();
    String checks = "select count(*) from audit_entry where action = 'credit-check.answered'";
    long entries = jdbc.queryForObject(checks, Long.class);

    Map<String, Api.Response> refused = new LinkedHashMap<>();
    refused.put("customerId", api.post("/api/credit-checks", "{\"amount\": 100, \"currency\": \"EUR\", \"paymentTerms\": \"NET30\"}"));
    refused.put("paymentTerms", api.post("/api/credit-checks", "{\"customerId\": " + customer.id()
        + ", \"amount\": 100, \"currency\": \"EUR\", \"paymentTerms\": \"whenever\"}"));
    refused.put("currency", api.post("/api/credit-checks", "{\"customerId\": " + customer.id()
        + ", \"amount\": 100, \"currency\": \"USD\", \"paymentTerms\": \"NET30\"}"));
    refused.put("amount", api.post("/api/credit-checks", "{\"customerId\": " + customer.id()
        + ", \"amount\": -5, \"currency\": \"EUR\", \"paymentTerms\": \"NET30\"}"));
    refused.put("prospect.creditLimit", api.post("/api/credit-checks",
        "{\"prospect\": {\"name\": \"Nobody\"}, \"amount\": 100, \"currency\": \"EUR\", \"paymentTerms\": \"NET30\"}"));

    refused.forEach((field, response) -> {
      assertThat(response.status()).as(field).isBetween(400, 422);
      assertThat(response.contentType()).as(field).startsWith("application/problem+json");
      assertThat(response.body().path("errors").get(0).path("field").asText()).as(field).isEqualTo(field);
    });
    assertThat(counts()).isEqualTo(before);
    assertThat(jdbc.queryForObject(checks, Long.class)).isEqualTo(entries);
  }

  @Test
  void theLedgerDownloadsAsTheSharedInvoiceHistoryCsvForFinanceNotForCollectors() throws Exception {
    Journeys journeys = new Journeys(context);
    CustomerView customer = journeys.customer(aCustomer());
    var paid = journeys.invoiced(anOrderFor(customer.id()).worth("300.00"));
    var open = journeys.invoiced(anOrderFor(customer.id()).worth("400.00"));
    journeys.pay(paid, paid.openAmount().toPlainString());

    Api.Response csv = new Api(port).as("fran").get("/api/risk/invoice-history.csv");
    Api.Response collector = new Api(port).as("casey").get("/api/risk/invoice-history.csv");

    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    List<InvoiceFact> facts = InvoiceHistoryCsv.read(new java.io.StringReader(new String(csv.bytes(), java.nio.charset.StandardCharsets.UTF_8)))
        .stream().filter(f -> f.customerId().equals(String.valueOf(customer.id()))).toList();
    assertThat(facts).containsExactly(
        new InvoiceFact(String.valueOf(customer.id()), paid.number(), paid.issueDate(), paid.dueDate(), journeys.today(),
            new java.math.BigDecimal("300.00"), false),
        new InvoiceFact(String.valueOf(customer.id()), open.number(), open.issueDate(), open.dueDate(), null,
            new java.math.BigDecimal("400.00"), false));
    assertThat(collector.status()).isEqualTo(403);
  }

  /** Each table's rows as one digest: a row added, removed or changed changes it. */
  private Map<String, String> counts() {
    Map<String, String> digests = new LinkedHashMap<>();
    for (String table : TABLES) {
      digests.put(table, jdbc.queryForObject("select count(*) || ':' || coalesce(md5(string_agg(t::text, ',' order by t.id)), '')"
          + " from " + table + " t", String.class));
    }
    return digests;
  }
}
