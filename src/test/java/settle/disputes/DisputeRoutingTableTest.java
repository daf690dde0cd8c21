package settle.disputes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import settle.testdata.SettleTest;

/** dmn/dispute-routing.dmn row by row. */
@SettleTest
class DisputeRoutingTableTest {

  @Autowired CamundaClient client;
  @Autowired ObjectMapper json;

  @ParameterizedTest(name = "{0} of {1} for a {2} customer → {3}, {4} h, limit {5} ({6})")
  @CsvSource({
      "PRICING,              100,   STRATEGIC, sales,      24, 2000, strategic-pricing",
      "DISCOUNT_NOT_APPLIED, 100,   STANDARD,  sales,      48, 500,  pricing",
      "DAMAGED_GOODS,        20000, STANDARD,  operations, 48, 1000, large-delivery",
      "SHORT_SHIPMENT,       300,   WATCH,     operations, 72, 1000, delivery",
      "NOT_RECEIVED,         300,   HIGH_RISK, operations, 72, 1000, delivery",
      "MISSING_PO,           5000,  STANDARD,  billing,    24, 0,    missing-po",
      "DUPLICATE_BILLING,    900,   STANDARD,  billing,    24, 5000, duplicate",
      "SERVICE_ISSUE,        900,   STRATEGIC, support,    72, 500,  service",
      "OTHER,                10,    STANDARD,  billing,    72, 250,  other",
      "SHORT_PAYMENT,        120,   STANDARD,  billing,    72, 250,  short-payment",
  })
  void reasonAmountAndSegmentChooseTheTeam(String reason, double amount, String segment, String team, int sla, int limit,
                                           String rule) throws Exception {
    EvaluateDecisionResponse response = client.newEvaluateDecisionCommand().decisionId("dispute-routing")
        .variables(Map.of("reasonCode", reason, "disputedAmount", amount, "segmentation", Map.of("segment", segment)))
        .send().join();

    Map<?, ?> output = json.readValue(response.getDecisionOutput(), Map.class);
    assertThat(output.get("team")).isEqualTo(team);
    assertThat(((Number) output.get("slaHours")).intValue()).isEqualTo(sla);
    assertThat(((Number) output.get("approvalLimit")).intValue()).isEqualTo(limit);
    assertThat(output.get("checklist")).asString().isNotBlank();
    assertThat(response.getEvaluatedDecisions().getFirst().getMatchedRules().getFirst().getRuleId()).isEqualTo(rule);
  }
}
