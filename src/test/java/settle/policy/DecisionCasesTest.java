package settle.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import settle.testdata.SettleTest;

/** What a process owner reads when a case fails or a line cannot be a case. */
@SettleTest
class DecisionCasesTest {

  static final String FILE = "dmn/tests/next-collection-action.csv";
  static final String HEADER = "Segment,Steps taken so far,Open amount (not disputed),Action,Days from due date,rule\n";

  @Autowired EngineDecisionEvaluator engine;

  @Test
  void aFailingCaseNamesTheFileTheLineTheRuleThatMatchedInsteadAndWhatItAnswered() throws Exception {
    DecisionCases.Report report = run(HEADER + "# the call comes third\n\nSTANDARD,2,500,COLLECTOR_CALL,21,standard-3\n");

    assertThat(report.passed()).isZero();
    DecisionCases.Failure failure = report.failed().getFirst();
    assertThat(failure.line()).isEqualTo(4);
    assertThat(failure.ruleId()).isEqualTo("standard-2");
    assertThat(failure.ruleRow()).isEqualTo(9);
    assertThat(failure.ruleAnnotation()).isNotBlank();
    assertThat(failure.outputs()).containsEntry("action", "OVERDUE_REMINDER");
    assertThat(failure.message()).isEqualTo(FILE + " line 4: expected rule standard-3; action COLLECTOR_CALL but got OVERDUE_REMINDER;"
        + " dueOffset 21 but got 14 — rule standard-2 (row 9, \"" + failure.ruleAnnotation() + "\") matched instead, which answered"
        + " action OVERDUE_REMINDER, dueOffset 14, template reminder-overdue, channel EMAIL, sender AR_TEAM, headsUp false,"
        + " skipIfLate false");
  }

  @Test
  void aCaseThatHoldsPasses() throws Exception {
    DecisionCases.Report report = run(HEADER + "STANDARD,2,500,OVERDUE_REMINDER,14,standard-2\n");
    assertThat(report.failed()).isEmpty();
    assertThat(report.passed()).isEqualTo(1);
  }

  @Test
  void aColumnTheTableDoesNotKnowIsRefusedOnTheHeaderLine() throws Exception {
    DecisionCases.Report report = run("Segmnt,Action\nSTANDARD,NONE\n");
    assertThat(report.failed()).singleElement().satisfies(f -> {
      assertThat(f.line()).isEqualTo(1);
      assertThat(f.message()).startsWith(FILE + " line 1: column 'Segmnt' is neither an input (Segment, Steps taken so far,");
    });
  }

  @Test
  void aCellThatIsNotANumberOrALineWithTooFewCellsNamesItsLine() throws Exception {
    DecisionCases.Report report = run(HEADER + "STANDARD,two,500,OVERDUE_REMINDER,14,standard-2\nSTANDARD,2\n");
    assertThat(report.failed()).extracting(DecisionCases.Failure::message).containsExactly(
        FILE + " line 2: stage must be a number, not 'two'",
        FILE + " line 3: expected 6 cells like the header, found 2");
  }

  private DecisionCases.Report run(String csv) throws Exception {
    DecisionTable table = DecisionTable.parse("next-collection-action.dmn", Files.readAllBytes(Path.of("dmn/next-collection-action.dmn")));
    return DecisionCases.parse(table, FILE, csv).run(engine);
  }
}
