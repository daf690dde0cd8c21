package settle.collections;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import settle.testdata.SettleTest;

/** dmn/customer-segmentation.dmn row by row. */
@SettleTest
class CustomerSegmentationTableTest {

  @Autowired CamundaClient client;
  @Autowired ObjectMapper json;

  @ParameterizedTest(name = "{0}, balance {1}, {2} days a customer, {3} disputes → {4} ({6})")
  @CsvSource({
      "HIGH,   500000, 4000, 0, HIGH_RISK, firm,     high-risk",
      "LOW,    1000,   4000, 3, WATCH,     neutral,  many-disputes",
      "MEDIUM, 1000,   90,   0, WATCH,     neutral,  new-medium-risk",
      "MEDIUM, 150000, 400,  0, STRATEGIC, friendly, large-and-loyal",
      "LOW,    1000,   730,  2, STRATEGIC, friendly, long-standing-low-risk",
      "LOW,    1000,   729,  0, STANDARD,  neutral,  standard",
      "MEDIUM, 1000,   180,  0, STANDARD,  neutral,  standard",
  })
  void segmentFollowsRiskSizeTenureAndDisputes(String risk, double balance, int tenure, int disputes, String segment,
                                               String tone, String rule) throws Exception {
    EvaluateDecisionResponse response = client.newEvaluateDecisionCommand().decisionId("customer-segmentation")
        .variables(Map.of("riskRating", risk, "customerOpenBalance", balance, "tenureDays", tenure, "disputesLast12Months", disputes))
        .send().join();

    Map<?, ?> output = json.readValue(response.getDecisionOutput(), Map.class);
    assertThat(output.get("segment")).isEqualTo(segment);
    assertThat(output.get("tone")).isEqualTo(tone);
    assertThat(response.getEvaluatedDecisions().getFirst().getMatchedRules().getFirst().getRuleId()).isEqualTo(rule);
  }
}
