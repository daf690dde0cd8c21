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

/** dmn/next-collection-action.dmn row by row: the cadence per segment. */
@SettleTest
class NextCollectionActionTableTest {

  @Autowired CamundaClient client;
  @Autowired ObjectMapper json;

  @ParameterizedTest(name = "{0} stage {1}, open {2} → {3} at due {4} via {5} from {6}, heads-up {7} ({8})")
  @CsvSource({
      "STRATEGIC, 0, 500,   PRE_DUE_REMINDER, -5, EMAIL, ACCOUNT_OWNER, true,  strategic-0",
      "STRATEGIC, 2, 500,   COLLECTOR_CALL,   15, TASK,  ACCOUNT_OWNER, true,  strategic-2",
      "STRATEGIC, 3, 500,   FINAL_NOTICE,     30, EMAIL, AR_TEAM,       true,  strategic-3",
      "STANDARD,  0, 500,   DUE_REMINDER,      0, EMAIL, ACCOUNT_OWNER, true,  standard-0",
      "STANDARD,  1, 500,   OVERDUE_REMINDER,  3, EMAIL, AR_TEAM,       true,  standard-1",
      "STANDARD,  2, 500,   OVERDUE_REMINDER, 14, EMAIL, AR_TEAM,       false, standard-2",
      "STANDARD,  5, 500,   ESCALATION,       45, TASK,  AR_TEAM,       false, standard-5",
      "WATCH,     0, 500,   PRE_DUE_REMINDER, -3, EMAIL, AR_TEAM,       false, watch-0",
      "WATCH,     2, 500,   COLLECTOR_CALL,    7, TASK,  AR_TEAM,       true,  watch-2",
      "HIGH_RISK, 0, 500,   PRE_DUE_REMINDER, -7, EMAIL, AR_TEAM,       false, high-risk-0",
      "HIGH_RISK, 3, 500,   FINAL_NOTICE,      7, EMAIL, AR_TEAM,       true,  high-risk-3",
      "STANDARD,  6, 500,   NONE,              0, NONE,  AR_TEAM,       false, cadence-done",
      "HIGH_RISK, 0, 0.50,  NONE,              0, NONE,  AR_TEAM,       false, nothing-to-collect",
  })
  void cadenceFollowsSegmentAndStage(String segment, int stage, double open, String action, int offset, String channel,
                                     String sender, boolean headsUp, String rule) throws Exception {
    EvaluateDecisionResponse response = client.newEvaluateDecisionCommand().decisionId("next-collection-action")
        .variables(Map.of("segmentation", Map.of("segment", segment, "tone", "neutral"), "stage", stage, "daysFromDue", 0,
            "promiseState", "NONE", "openAmount", open))
        .send().join();

    Map<?, ?> output = json.readValue(response.getDecisionOutput(), Map.class);
    assertThat(output.get("action")).isEqualTo(action);
    assertThat(((Number) output.get("dueOffset")).intValue()).isEqualTo(offset);
    assertThat(output.get("channel")).isEqualTo(channel);
    assertThat(output.get("sender")).isEqualTo(sender);
    assertThat(output.get("headsUp")).isEqualTo(headsUp);
    assertThat(response.getEvaluatedDecisions().getFirst().getMatchedRules().getFirst().getRuleId()).isEqualTo(rule);
  }
}
