package settle.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import settle.testdata.SettleTest;

/** dmn/short-pay-tolerance.dmn row by row. */
@SettleTest
class ShortPayToleranceTableTest {

  @Autowired CamundaClient client;
  @Autowired ObjectMapper json;

  @ParameterizedTest(name = "{0} short ({1} %) by a {2} customer, reason ''{3}'' → {4} ({5})")
  @CsvSource({
      "12.50,  1.25, HIGH_RISK, BANK_CHARGES,   WRITE_OFF,    bank-charges",
      "3.00,   0.3,  STANDARD,  '',             WRITE_OFF,    trivial",
      "4.00,   0.4,  HIGH_RISK, DAMAGED_GOODS,  WRITE_OFF,    trivial",
      "80.00,  0.8,  STRATEGIC, '',             WRITE_OFF,    strategic-small",
      "20.00,  0.4,  STANDARD,  '',             WRITE_OFF,    small-not-high-risk",
      "20.00,  0.4,  HIGH_RISK, '',             ASK_CUSTOMER, unexplained",
      "100.00, 10,   STANDARD,  DAMAGED_GOODS,  DEDUCTION,    reason-given",
      "60.00,  0.6,  STRATEGIC, PRICING,        WRITE_OFF,    strategic-small",
      "60.00,  0.6,  STANDARD,  PRICING,        DEDUCTION,    reason-given",
      "1500.00, 15,  STRATEGIC, '',             DEDUCTION,    large-unexplained",
      "300.00, 5,    HIGH_RISK, '',             DEDUCTION,    high-risk",
      "200.00, 20,   STANDARD,  '',             ASK_CUSTOMER, unexplained",
      "60.00,  0.3,  WATCH,     BANK_CHARGES,   ASK_CUSTOMER, unexplained",
  })
  void differenceSegmentAndStatedReasonChooseTheAction(double amount, double percent, String segment, String reason,
                                                       String action, String rule) throws Exception {
    EvaluateDecisionResponse response = client.newEvaluateDecisionCommand().decisionId("short-pay-tolerance")
        .variables(Map.of("differenceAmount", amount, "differencePercent", percent, "segmentation", Map.of("segment", segment),
            "statedReason", reason))
        .send().join();

    Map<?, ?> output = json.readValue(response.getDecisionOutput(), Map.class);
    assertThat(output.get("action")).isEqualTo(action);
    assertThat(output.get("reason")).asString().isNotBlank();
    assertThat(response.getEvaluatedDecisions().getFirst().getMatchedRules().getFirst().getRuleId()).isEqualTo(rule);
  }
}
