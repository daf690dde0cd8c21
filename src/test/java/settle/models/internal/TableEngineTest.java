package settle.models.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The preview's in-process evaluation of the real tables: every output by name, plain Java values, no match as null. */
class TableEngineTest {

  final TableEngine engine = new TableEngine();

  @Test
  void aTableWithSeveralOutputsAnswersEachByName() throws IOException {
    String xml = Files.readString(Path.of("dmn", "next-collection-action.dmn"));
    ModelXml.Table table = ModelXml.tables(xml).getFirst();
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("segmentation", Map.of("segment", "STANDARD", "tone", "neutral"));
    inputs.put("stage", 1);
    inputs.put("daysFromDue", 2);
    inputs.put("promiseState", "NONE");
    inputs.put("openAmount", new BigDecimal("100.00"));

    Map<String, Object> answer = engine.evaluate(engine.parse(xml), table.decisionId(),
        table.outputs().stream().map(ModelXml.Column::name).toList(), inputs);

    assertThat(answer).containsEntry("action", "OVERDUE_REMINDER").containsEntry("dueOffset", new BigDecimal("3"))
        .containsEntry("sender", "AR_TEAM").containsEntry("headsUp", true);
  }

  @Test
  void aTableWithOneOutputAnswersItsValue() throws IOException {
    String xml = Files.readString(Path.of("dmn", "task-priority.dmn"));

    assertThat(engine.evaluate(engine.parse(xml), "task-priority", List.of("riskWeight"), Map.of("riskRating", "HIGH", "daysPastDue", 31)))
        .containsExactly(Map.entry("riskWeight", new BigDecimal("5")));
  }

  @Test
  void aTableThatDoesNotParseSaysWhy() {
    TableEngine.Parsed parsed = engine.parse(
        "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" id=\"d\" name=\"d\" namespace=\"x\">"
            + "<decision id=\"x\" name=\"x\"><decisionTable id=\"t\"><input id=\"i\" label=\"A\"><inputExpression id=\"e\">"
            + "<text>a</text></inputExpression></input><output id=\"o\" name=\"b\"/><rule id=\"r\"><inputEntry id=\"r1\">"
            + "<text>&gt; &gt; 3</text></inputEntry><outputEntry id=\"r2\"><text>1</text></outputEntry></rule>"
            + "</decisionTable></decision></definitions>");

    assertThat(parsed.ok()).isFalse();
    assertThat(parsed.failure()).isNotBlank();
  }
}
