package settle.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import settle.testdata.SettleTest;

/**
 * Every table in dmn/ against its cases in dmn/tests/, one test per CSV line, on the engine that runs the
 * processes; and every table answers only what the processes handle. A process owner's edit of a table and
 * its CSV needs no Java.
 */
@SettleTest
class PolicyCasesTest {

  static final Path DMN = Path.of("dmn");

  @Autowired EngineDecisionEvaluator engine;

  @TestFactory
  Stream<DynamicNode> everyCaseOfEveryTableHoldsOnTheEngine() throws IOException {
    return tables().stream().map(file -> {
      DecisionTable table = DecisionTable.parse(file.getFileName().toString(), read(file));
      String casesFile = DecisionCases.casesFileFor(file.getFileName().toString());
      Path csv = Path.of(casesFile);
      if (!Files.exists(csv)) {
        return DynamicTest.dynamicTest(table.fileName() + " has cases", () -> fail(table.fileName() + " has no " + casesFile));
      }
      DecisionCases cases = DecisionCases.parse(table, casesFile, new String(read(csv), StandardCharsets.UTF_8));
      return DynamicContainer.dynamicContainer(casesFile, cases.cases().stream().map(c -> DynamicTest.dynamicTest(c.name(),
          csv.toUri(), () -> cases.check(c, engine).ifPresent(failure -> fail(failure.message())))));
    });
  }

  @TestFactory
  Stream<DynamicTest> everyTableAnswersOnlyWhatTheProcessesHandle() throws IOException {
    return tables().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () ->
        assertThat(DecisionTable.parse(file.getFileName().toString(), read(file)).unhandledAnswers()).isEmpty()));
  }

  @Test
  void everyCasesFileBelongsToATable() throws IOException {
    try (Stream<Path> csvs = Files.list(DMN.resolve("tests"))) {
      assertThat(csvs.map(p -> p.getFileName().toString().replaceAll("\\.csv$", ".dmn")))
          .allSatisfy(name -> assertThat(DMN.resolve(name)).as("the table of dmn/tests/%s", name).exists());
    }
  }

  static List<Path> tables() throws IOException {
    try (Stream<Path> files = Files.list(DMN)) {
      return files.filter(p -> p.toString().endsWith(".dmn")).sorted().toList();
    }
  }

  static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
