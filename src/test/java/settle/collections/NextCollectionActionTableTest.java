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

/** dmn/next-collection-action.dmn row by row. */
@SettleTest
class NextCollectionActionTableTest {

  @Autowired CamundaClient client;
  @Autowired ObjectMapper json;

  @ParameterizedTest(name = "stage {0} → {1} at due date + {2} ({3})")
  @CsvSource({
      "0, REMINDER, 7, reminder-overdue, first-overdue-reminder",
      "1, NONE,     0, none,             nothing-more",
      "5, NONE,     0, none,             nothing-more",
  })
  void cadenceFollowsTheStage(int stage, String action, int daysFromDue, String template, String rule) throws Exception {
    EvaluateDecisionResponse response = client.newEvaluateDecisionCommand().decisionId("next-collection-action")
        .variables(Map.of("stage", stage)).send().join();

    Map<?, ?> output = json.readValue(response.getDecisionOutput(), Map.class);
    assertThat(output.get("action")).isEqualTo(action);
    assertThat(((Number) output.get("daysFromDue")).intValue()).isEqualTo(daysFromDue);
    assertThat(output.get("template")).isEqualTo(template);
    assertThat(response.getEvaluatedDecisions().getFirst().getMatchedRules().getFirst().getRuleId()).isEqualTo(rule);
  }
}
