package settle.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;

import io.camunda.client.CamundaClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceView;
import settle.testdata.Journeys;
import settle.testdata.SettleTest;

/**
 * A process owner's edit of one scorecard row reaches every decision that reads the rating: the customer's rating
 * changes at the next scoring, and the next step of their invoice's collection loop is planned in another segment
 * (dmn/customer-segmentation.dmn reads riskRating).
 */
@SettleTest
class EditingAScorecardRowTest {

  static final String ROW = "<outputEntry id=\"settled-count-2-out-3\"><text>5</text>";

  @Autowired ApplicationContext context;
  @Autowired CamundaClient client;
  @Autowired RiskRatings ratings;
  @Autowired JdbcTemplate jdbc;

  @Test
  void raisingThePointsOfOneBandRaisesTheRatingAndMovesTheNextCollectionStepToTheHighRiskSegment() throws Exception {
    byte[] original = Files.readAllBytes(Path.of("dmn/risk-scorecard.dmn"));
    String text = new String(original, StandardCharsets.UTF_8);
    assertThat(text.split(java.util.regex.Pattern.quote(ROW), -1)).as("the row once in the table").hasSize(2);
    // "little payment history (1–4 invoices paid)": 5 points become 65
    byte[] edited = text.replace(ROW, "<outputEntry id=\"settled-count-2-out-3\"><text>65</text>").getBytes(StandardCharsets.UTF_8);

    Journeys journeys = new Journeys(context);
    // a customer of long standing who paid their first invoice on time: low risk, a strategic account
    CustomerView customer = journeys.customer(aCustomer().rated("MEDIUM").since(journeys.today().minusDays(800)));
    InvoiceView first = journeys.invoiced(anOrderFor(customer.id()).worth("500.00"));
    journeys.pay(first, first.openAmount().toPlainString());
    journeys.quiesce();
    assertThat(journeys.customers.get(customer.id()).riskRating()).isEqualTo("LOW");
    InvoiceView second = journeys.invoiced(anOrderFor(customer.id()).worth("900.00"));
    assertThat(segmentOfStep(second, 0)).isEqualTo("STRATEGIC");

    try {
      client.newDeployResourceCommand().addResourceBytes(edited, "risk-scorecard.dmn").send().join();
      RiskRatings.RiskView rescored = ratings.rescore(customer.id());

      assertThat(rescored.rating()).isEqualTo("HIGH");
      assertThat(rescored.computed().drivers().getFirst().points()).isEqualByComparingTo("65");
      assertThat(journeys.customers.get(customer.id()).riskRating()).isEqualTo("HIGH");

      // the first step (a pre-due note) is taken; the loop plans the next one with the rating as it now stands
      journeys.advanceTo(second.dueDate().minusDays(4));
      await().atMost(Journeys.PATIENCE).until(() -> segmentOfStep(second, 1) != null);
      assertThat(segmentOfStep(second, 1)).isEqualTo("HIGH_RISK");
    } finally {
      client.newDeployResourceCommand().addResourceBytes(original, "risk-scorecard.dmn").send().join();
    }
  }

  private String segmentOfStep(InvoiceView invoice, int stage) {
    return jdbc.query("select segment from dunning_step where invoice_id = ? and stage = ?",
        rs -> rs.next() ? rs.getString(1) : null, invoice.id(), stage);
  }
}
