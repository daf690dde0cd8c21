package settle.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import settle.testdata.SettleTest;

/** dmn/task-priority.dmn row by row, and the worklist formula built on it. */
@SettleTest
class TaskPriorityTableTest {

  @Autowired CamundaClient client;
  @Autowired ObjectMapper json;
  @Autowired TaskPriority priorities;

  @ParameterizedTest(name = "{0}, {1} days past due → weight {2} by {3}")
  @CsvSource(nullValues = "null", value = {
      "HIGH,   31, 5, high-risk-long-overdue",
      "HIGH,   30, 3, high-risk",
      "MEDIUM, 90, 2, medium-risk",
      "LOW,    90, 1, low-risk",
      "null,   10, 2, unknown-risk",
  })
  void firstMatchingRowWeighsTheRisk(String risk, int daysPastDue, int weight, String rule) throws Exception {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("riskRating", risk);
    inputs.put("daysPastDue", daysPastDue);
    EvaluateDecisionResponse response = client.newEvaluateDecisionCommand().decisionId("task-priority").variables(inputs)
        .send().join();
    // a table with one output answers with the bare value
    assertThat(json.readValue(response.getDecisionOutput(), Integer.class)).isEqualTo(weight);
    assertThat(response.getEvaluatedDecisions().getFirst().getMatchedRules().getFirst().getRuleId()).isEqualTo(rule);
  }

  @Test
  void priorityIsRiskWeightTimesAmountTimesLateness() {
    TaskPriority.Score score = priorities.score(Map.of("riskRating", "HIGH", "openAmount", "1000.00", "daysFromDue", 45));
    // weight 5 × 1,000 × (1 + 45 / 30)
    assertThat(score.priority()).isEqualByComparingTo("12500.00");
    assertThat(score.inputs()).containsEntry("riskWeight", new java.math.BigDecimal("5"));
  }

  @Test
  void aSmallRiskyOverdueInvoiceOutranksALargerSafeOneOnlyWhenTheRiskOutweighsTheAmount() {
    var riskyLate = priorities.score(Map.of("riskRating", "HIGH", "openAmount", "2000", "daysFromDue", 40)).priority();
    var safeLarge = priorities.score(Map.of("riskRating", "LOW", "openAmount", "8000", "daysFromDue", 5)).priority();
    var safeHuge = priorities.score(Map.of("riskRating", "LOW", "openAmount", "50000", "daysFromDue", 5)).priority();
    assertThat(riskyLate).isGreaterThan(safeLarge);
    assertThat(safeHuge).isGreaterThan(riskyLate);
  }
}
