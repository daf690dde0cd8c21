package settle.models.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The differences between two versions of the real models, after edits a process owner makes in Modeler. */
class ModelDiffTest {

  @Test
  void aTableEditShowsRulesAddedRemovedAndChangedCellByCell() throws IOException {
    String before = Files.readString(Path.of("dmn", "task-priority.dmn"));
    String after = before
        // a cell changed
        .replace("<outputEntry id=\"low-risk-out-1\"><text>1</text>", "<outputEntry id=\"low-risk-out-1\"><text>1.5</text>")
        // a rule removed
        .replaceAll("(?s)<rule id=\"medium-risk\">.*?</rule>", "")
        // a rule added
        .replace("</decisionTable>", """
            <rule id="watch-risk"><inputEntry id="w1"><text>"WATCH"</text></inputEntry><inputEntry id="w2"><text>-</text></inputEntry>
            <outputEntry id="w3"><text>4</text></outputEntry></rule></decisionTable>""");

    ModelDiff diff = ModelDiff.ofTables(before, after);

    assertThat(diff.added()).containsExactly("Rule 5: Customer risk rating \"WATCH\" → Risk weight 4");
    assertThat(diff.removed()).containsExactly("Rule 3: Customer risk rating \"MEDIUM\" → Risk weight 2");
    assertThat(diff.changed()).extracting(ModelDiff.Change::what).contains("Rule 3");
    ModelDiff.Change lowRisk = diff.changed().stream().filter(c -> c.cells().stream().anyMatch(x -> x.column().equals("Risk weight")))
        .findFirst().orElseThrow();
    assertThat(lowRisk.cells()).contains(new ModelDiff.Cell("Risk weight", "1", "1.5"));
  }

  @Test
  void aProcessEditShowsElementsAddedRemovedAndChanged() throws IOException {
    String before = Files.readString(Path.of("bpmn", "dispute-resolution.bpmn"));
    String firstTaskName = before.replaceAll("(?s).*?<(?:bpmn:)?serviceTask id=\"[^\"]+\" name=\"([^\"]+)\".*", "$1");
    String after = before.replaceFirst("name=\"" + java.util.regex.Pattern.quote(firstTaskName) + "\"", "name=\"Renamed step\"")
        .replaceFirst("(<(?:bpmn:)?process [^>]*>)", "$1<task id=\"new-step\" name=\"Call the customer\"/>");

    ModelDiff diff = ModelDiff.ofProcesses(before, after);

    assertThat(diff.added()).containsExactly("Task “Call the customer”");
    assertThat(diff.changed()).anySatisfy(c -> assertThat(c.cells()).contains(new ModelDiff.Cell("Name", firstTaskName, "Renamed step")));
    assertThat(ModelDiff.ofProcesses(after, before).removed()).containsExactly("Task “Call the customer”");
    assertThat(ModelDiff.ofProcesses(before, before).isEmpty()).isTrue();
  }
}
