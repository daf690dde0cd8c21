package settle.disputes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import settle.testdata.SettleTest;

/** dmn/credit-approval.dmn row by row: every credit on the invoice counts, and a customer's month of credits too. */
@SettleTest
class CreditApprovalTableTest {

  @Autowired CamundaClient client;
  @Autowired ObjectMapper json;

  @ParameterizedTest(name = "credit {0}, {1} on the invoice before, {2} to the customer in 30 days, team limit {3} → approval {4} ({5})")
  @CsvSource({
      "500.00,  0,      0,        500,  false, within-limits",
      "500.01,  0,      0,        500,  true,  above-team-limit",
      "300,     200,    0,        500,  false, within-limits",
      "300,     200.01, 0,        500,  true,  above-team-limit",
      "0.01,    0,      0,        0,    true,  above-team-limit",
      "400,     0,      9600,     500,  false, within-limits",
      "400,     0,      9600.01,  500,  true,  customer-month",
      "1000,    0,      20000,    5000, true,  customer-month",
  })
  void creditsOnTheInvoiceAndToTheCustomerDecideWhetherFinanceApproves(BigDecimal credit, BigDecimal invoiceCredited,
      BigDecimal customerCredited, BigDecimal limit, boolean required, String rule) throws Exception {
    EvaluateDecisionResponse response = client.newEvaluateDecisionCommand().decisionId("credit-approval")
        .variables(Map.of("creditAmount", credit, "invoiceCredited", invoiceCredited, "customerCredited30Days", customerCredited,
            "approvalLimit", limit))
        .send().join();

    Map<?, ?> output = json.readValue(response.getDecisionOutput(), Map.class);
    assertThat(output.get("approvalRequired")).isEqualTo(required);
    assertThat(output.get("approvalReason")).asString().isNotBlank();
    assertThat(response.getEvaluatedDecisions().getFirst().getMatchedRules().getFirst().getRuleId()).isEqualTo(rule);
  }
}
