package settle.credit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import settle.testdata.SettleTest;

/** dmn/credit-decision.dmn row by row, evaluated by the engine that runs it in production. */
@SettleTest
class CreditDecisionTableTest {

  @Autowired CamundaClient client;
  @Autowired ObjectMapper json;

  @ParameterizedTest(name = "{0}, exposure {1}, {2} days late, order {3} → {4} by {5}")
  @CsvSource({
      "LOW,    0.20, 0,  1000,  APPROVE, approve",
      "MEDIUM, 0.99, 30, 50000, APPROVE, approve",
      "LOW,    0.50, 61, 1000,  HOLD,    hold-seriously-late",
      "HIGH,   0.81, 0,  1000,  HOLD,    hold-high-risk-near-limit",
      "MEDIUM, 1.21, 0,  1000,  HOLD,    hold-far-over-limit",
      "MEDIUM, 1.01, 0,  1000,  REVIEW,  review-over-limit",
      "LOW,    1.20, 0,  1000,  REVIEW,  review-over-limit",
      "LOW,    0.50, 31, 1000,  REVIEW,  review-late-payer",
      "LOW,    0.50, 60, 1000,  REVIEW,  review-late-payer",
      "HIGH,   0.80, 0,  1000,  REVIEW,  review-high-risk",
      "LOW,    0.10, 0,  50001, REVIEW,  review-large-order",
  })
  void firstMatchingRowDecides(String risk, double ratio, int daysLate, double amount, String decision, String rule) throws Exception {
    EvaluateDecisionResponse response = client.newEvaluateDecisionCommand().decisionId("credit-decision")
        .variables(Map.of("riskRating", risk, "exposureRatio", ratio, "maxDaysPastDue", daysLate, "orderAmount", amount))
        .send().join();

    Map<?, ?> output = json.readValue(response.getDecisionOutput(), Map.class);
    assertThat(output.get("decision")).isEqualTo(decision);
    assertThat(output.get("reason")).asString().isNotBlank();
    assertThat(response.getEvaluatedDecisions().getFirst().getMatchedRules()).first()
        .satisfies(r -> assertThat(r.getRuleId()).isEqualTo(rule));
  }
}
