package settle.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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

/** A customer's rating follows their ledger through the scorecard, and a person's override wins until it expires. */
@SettleTest
class LiveRiskRatingTest {

  @Autowired ApplicationContext context;
  @Autowired RiskRatings ratings;
  @Autowired JdbcTemplate jdbc;
  @Autowired AuditLog audit;
  @LocalServerPort int port;

  /** A long-standing LOW customer who has just paid their only invoice 40 days late. */
  private CustomerView latePayer(Journeys journeys) {
    CustomerView customer = journeys.customer(aCustomer().rated("LOW").since(journeys.today().minusDays(800)));
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("800.00"));
    journeys.advanceTo(invoice.dueDate().plusDays(40));
    journeys.pay(invoice, invoice.openAmount().toPlainString());
    // the rescoring runs once the payment has committed, beside the caller
    journeys.quiesce();
    return customer;
  }

  @Test
  void aLatePaymentRescoresTheCustomerAndTheComputedRatingBecomesTheRatingEveryTableReads() {
    Journeys journeys = new Journeys(context);
    CustomerView customer = latePayer(journeys);

    RiskRatings.RiskView risk = ratings.current(customer.id());
    assertThat(risk.source()).isEqualTo(RiskRatings.Source.COMPUTED);
    assertThat(risk.rating()).isEqualTo("MEDIUM");
    assertThat(risk.computed().scoredOn()).isEqualTo(journeys.today());
    assertThat(risk.computed().features()).containsEntry("settledCount", 1).containsEntry("lateShare", 1.0)
        .containsEntry("daysLateMean", 40.0);
    assertThat(risk.computed().drivers()).extracting(RiskScorecard.Band::band).containsExactly(
        "pays a month late or more on average", "paid late 75% of the time or more", "little payment history (1–4 invoices paid)");
    assertThat(journeys.customers.get(customer.id()).riskRating()).isEqualTo("MEDIUM");

    AuditEntry changed = audit.trail("customer:" + customer.id()).stream()
        .filter(e -> e.action().equals("customer.risk-rating-changed")).reduce((a, b) -> b).orElseThrow();
    assertThat(changed.details()).containsEntry("from", "LOW").containsEntry("to", "MEDIUM");
    assertThat((List<?>) changed.details().get("drivers")).first().isEqualTo("Pays a month late or more on average (25 points)");

    // a rating that moves is news for the credit limit: the credit review asks its table at once, not at the month's end
    org.awaitility.Awaitility.await("the credit review of the re-rated customer").atMost(Journeys.PATIENCE).until(() -> jdbc.queryForObject(
        "select count(*) from credit_review where customer_id = ? and risk_rating = 'MEDIUM'", Long.class, customer.id()) > 0);
    // never reviewed before: the table compares with the scorecard's first rating (low), so it sees the rating worsen
    assertThat(jdbc.queryForMap("select action, reason from credit_review where customer_id = ? and risk_rating = 'MEDIUM'",
        customer.id())).containsEntry("action", "CUT")
        .containsEntry("reason", "Risk rating worsened from low to medium since the last review: the limit drops by a fifth");
  }

  @Test
  void theSameFactsOnTheSameDayWriteOneScore() {
    Journeys journeys = new Journeys(context);
    CustomerView customer = journeys.customer(aCustomer());

    ratings.rescore(customer.id());
    ratings.rescore(customer.id());
    ratings.rescoreAll();

    assertThat(jdbc.queryForObject("select count(*) from customer_risk_score where customer_id = ?", Integer.class,
        customer.id())).isEqualTo(1);
    journeys.advanceDays(1);
    ratings.rescore(customer.id());
    assertThat(jdbc.queryForList("select scored_on from customer_risk_score where customer_id = ? order by id",
        LocalDate.class, customer.id())).containsExactly(journeys.today().minusDays(1), journeys.today());
  }

  @Test
  void aCustomerWhoHasPaidNothingYetKeepsTheOpeningRatingWhileTheComputedOneShows() {
    Journeys journeys = new Journeys(context);
    CustomerView customer = journeys.customer(aCustomer().rated("HIGH"));

    RiskRatings.RiskView risk = ratings.rescore(customer.id());

    assertThat(risk.rating()).isEqualTo("HIGH");
    assertThat(risk.source()).isEqualTo(RiskRatings.Source.OPENING);
    assertThat(risk.computed().rating()).isEqualTo("MEDIUM");
    assertThat(risk.computed().drivers()).extracting(RiskScorecard.Band::band)
        .startsWith("no payment history yet", "a customer for less than six months");
    assertThat(journeys.customers.get(customer.id()).riskRating()).isEqualTo("HIGH");
  }

  @Test
  void anOverrideWinsUntilItExpiresAndTheComputedRatingShowsBesideIt() {
    Journeys journeys = new Journeys(context);
    CustomerView customer = latePayer(journeys);
    LocalDate until = journeys.today().plusDays(3);

    Api.Response set = new Api(port).as("ada").post("/api/customers/" + customer.id() + "/risk-override",
        "{\"rating\": \"LOW\", \"reason\": \"Paid late once because of our own billing error\", \"validUntil\": \"" + until + "\"}");

    assertThat(set.status()).isEqualTo(200);
    assertThat(set.body().path("rating").asText()).isEqualTo("LOW");
    assertThat(set.body().path("source").asText()).isEqualTo("OVERRIDE");
    assertThat(set.body().path("computed").path("rating").asText()).isEqualTo("MEDIUM");
    assertThat(set.body().path("override").path("setByName").asText()).isEqualTo("Ada Kent");
    assertThat(journeys.customers.get(customer.id()).riskRating()).isEqualTo("LOW");
    assertThat(audit.trail("customer:" + customer.id())).anySatisfy(e -> {
      assertThat(e.action()).isEqualTo("customer.risk-rating-overridden");
      assertThat(e.actor()).isEqualTo("ada");
      assertThat(e.details()).containsEntry("reason", "Paid late once because of our own billing error")
          .containsEntry("validUntil", until.toString()).containsEntry("computedRating", "MEDIUM");
    });

    journeys.advanceTo(until);
    assertThat(ratings.rescore(customer.id()).rating()).as("on its last day").isEqualTo("LOW");
    journeys.advanceDays(1);
    RiskRatings.RiskView expired = ratings.rescore(customer.id());
    assertThat(expired.rating()).isEqualTo("MEDIUM");
    assertThat(expired.source()).isEqualTo(RiskRatings.Source.COMPUTED);
    assertThat(journeys.customers.get(customer.id()).riskRating()).isEqualTo("MEDIUM");
  }

  @Test
  void theAccountOwnerCannotOverrideTheirOwnCustomersRatingNorCanACollector() {
    Journeys journeys = new Journeys(context);
    CustomerView adasCustomer = journeys.customer(aCustomer().ownedBy("Ada Kent", "ada@northwind.example"));
    String body = "{\"rating\": \"LOW\", \"reason\": \"A good customer\", \"validUntil\": \"" + journeys.today().plusDays(30) + "\"}";

    Api.Response own = new Api(port).as("ada").post("/api/customers/" + adasCustomer.id() + "/risk-override", body);
    Api.Response collector = new Api(port).as("casey").post("/api/customers/" + adasCustomer.id() + "/risk-override", body);
    Api.Response colleague = new Api(port).as("fran").post("/api/customers/" + adasCustomer.id() + "/risk-override", body);

    assertThat(own.status()).isEqualTo(403);
    assertThat(own.body().path("detail").asText()).contains("Ada Kent's own customer");
    assertThat(collector.status()).isEqualTo(403);
    assertThat(colleague.status()).isEqualTo(200);
    assertThat(audit.trail("customer:" + adasCustomer.id()).stream().filter(e -> e.action().equals("customer.risk-rating-overridden"))
        .map(AuditEntry::actor)).containsExactly("fran");
  }

  @Test
  void anOverrideWithoutReasonOrWithAPastExpiryIsRefusedNamingTheField() {
    Journeys journeys = new Journeys(context);
    CustomerView customer = journeys.customer(aCustomer());
    Api api = new Api(port).as("ada");

    Api.Response noReason = api.post("/api/customers/" + customer.id() + "/risk-override",
        "{\"rating\": \"LOW\", \"reason\": \" \", \"validUntil\": \"" + journeys.today().plusDays(3) + "\"}");
    Api.Response past = api.post("/api/customers/" + customer.id() + "/risk-override",
        "{\"rating\": \"LOW\", \"reason\": \"why\", \"validUntil\": \"" + journeys.today() + "\"}");
    Api.Response rating = api.post("/api/customers/" + customer.id() + "/risk-override",
        "{\"rating\": \"GREAT\", \"reason\": \"why\", \"validUntil\": \"" + journeys.today().plusDays(3) + "\"}");

    assertThat(List.of(noReason, past, rating)).extracting(Api.Response::status).containsOnly(422);
    assertThat(noReason.body().path("errors").get(0).path("field").asText()).isEqualTo("reason");
    assertThat(past.body().path("errors").get(0).path("field").asText()).isEqualTo("validUntil");
    assertThat(rating.body().path("errors").get(0).path("field").asText()).isEqualTo("rating");
    assertThat(jdbc.queryForObject("select count(*) from customer_risk_override where customer_id = ?", Integer.class,
        customer.id())).isZero();
  }

}
