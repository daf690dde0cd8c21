package settle.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The check a table must pass before it goes live: its rules answer only what the processes handle. */
class DecisionTableTest {

  @Test
  void aRuleAnsweringAValueTheProcessesDoNotHandleIsNamedWithWhatTheyHandle() throws Exception {
    DecisionTable table = edited("<outputEntry id=\"standard-0-out-4\"><text>\"EMAIL\"</text>",
        "<outputEntry id=\"standard-0-out-4\"><text>\"SMS\"</text>");

    assertThat(table.unhandledAnswers()).containsExactly("rule standard-0 (row 7, \"Reminder on the due day\") answers channel"
        + " = \"SMS\", which the processes do not handle (they handle EMAIL, TASK, NONE)");
  }

  @Test
  void anAnswerComputedByAnExpressionCannotBeProvenSoItIsRefused() throws Exception {
    DecisionTable table = edited("<outputEntry id=\"standard-0-out-1\"><text>\"DUE_REMINDER\"</text>",
        "<outputEntry id=\"standard-0-out-1\"><text>\"DUE_\" + \"REMINDER\"</text>");

    assertThat(table.unhandledAnswers()).singleElement().asString().contains("an expression");
  }

  @Test
  void theTablesAsShippedAnswerOnlyWhatTheProcessesHandle() throws Exception {
    assertThat(edited("", "").unhandledAnswers()).isEmpty();
  }

  @Test
  void anAnswerAtRunTimeIsCheckedPerOutputAndNothingCountsAsUnhandled() throws Exception {
    DecisionTable table = edited("", "");
    assertThat(table.unhandled(Map.of("action", "DUE_REMINDER", "channel", "EMAIL", "sender", "AR_TEAM", "template", "")))
        .isEmpty();
    assertThat(table.unhandled(Map.of("action", "SEND_FLOWERS", "channel", "EMAIL", "sender", "AR_TEAM", "template", "")))
        .containsOnlyKeys("action");
    assertThat(table.unhandled(Map.of())).containsOnlyKeys("action", "template", "channel", "sender");
  }

  private static DecisionTable edited(String from, String to) throws Exception {
    String xml = Files.readString(Path.of("dmn/next-collection-action.dmn"));
    if (!from.isEmpty()) {
      assertThat(xml).contains(from);
    }
    return DecisionTable.parse("next-collection-action.dmn", xml.replace(from, to).getBytes(StandardCharsets.UTF_8));
  }
}
