package settle.risk.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code backtest-risk} as a person runs it: the report, the JSON line, and a clear refusal of bad input. */
class RiskBacktestCommandTest {

  static final Path SHARED_HISTORY = Path.of("..", "shared", "datasets", "ar-invoices-2012-2013h1.csv");

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return RiskBacktest.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private List<String> lines(ByteArrayOutputStream stream) {
    return stream.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void onTheSharedHistoryTheLastLineIsTheFiguresAsJsonAndTheyAreTheOnesDocsRiskReports() throws Exception {
    assertThat(run("backtest-risk", "--history", SHARED_HISTORY.toString(), "--split", "2013-01-01", "--json")).isZero();

    JsonNode figures = new ObjectMapper().readTree(lines(out).getLast());
    assertThat(figures.properties()).extracting(java.util.Map.Entry::getKey).containsExactly("auc", "ks", "brier", "mae",
        "baselineAuc", "baselineMae", "trainInvoices", "testInvoices");
    assertThat(figures.get("trainInvoices").intValue()).isEqualTo(1193); // known paid or late on 2013-01-01
    assertThat(figures.get("testInvoices").intValue()).isEqualTo(554); // all issued from 2013-01-01, all settled
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("AUC", "KS", "Brier", "MAE", "Calibration",
        "Scorecard fitted on the training part", "Rating: LOW below");
    // the targets (AUC >= 0.90, MAE a quarter below the baseline's) are not met from history alone;
    // docs/risk.md reports the figures as printed, and this keeps the two the same
    String docs = Files.readString(Path.of("docs", "risk.md"));
    assertThat(docs).contains("`" + lines(out).getLast() + "`");
    assertThat(figures.get("auc").doubleValue()).isGreaterThan(0.8);
  }

  @Test
  void aBadLineInTheFileIsNamedInOneLineWithExitStatus2(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("history.csv");
    Files.writeString(csv, """
        customer_id,invoice_id,issue_date,due_date,settled_date,amount,disputed
        C1,I1,2012-01-02,2012-02-01,2012-02-10,100.00,false
        C1,I2,2012-31-01,2012-03-01,,100.00,false
        """);
    assertThat(run("--history", csv.toString(), "--split", "2012-06-01")).isEqualTo(2);
    assertThat(lines(err)).singleElement().asString()
        .isEqualTo("backtest-risk: " + csv + " line 3: issue_date '2012-31-01' is not an ISO date (yyyy-mm-dd)");
    assertThat(out.size()).isZero();
  }

  @Test
  void aSplitThatIsNotADateIsNamedWithExitStatus2() {
    assertThat(run("--history", SHARED_HISTORY.toString(), "--split", "2013-13-01")).isEqualTo(2);
    assertThat(lines(err)).containsExactly("backtest-risk: --split '2013-13-01' is not an ISO date (YYYY-MM-DD)");
  }

  @Test
  void aMissingOrUnknownArgumentOrFileIsNamedWithExitStatus2() {
    assertThat(run("--split", "2013-01-01")).isEqualTo(2);
    assertThat(run("--history", SHARED_HISTORY.toString(), "--split", "2013-01-01", "--jsn")).isEqualTo(2);
    assertThat(run("--history", "no-such-history.csv", "--split", "2013-01-01")).isEqualTo(2);
    assertThat(lines(err)).containsExactly(
        "backtest-risk: --history is missing; " + RiskBacktest.USAGE,
        "backtest-risk: unknown argument '--jsn'; " + RiskBacktest.USAGE,
        "backtest-risk: --history no-such-history.csv cannot be read (no such file)");
  }

  @Test
  void aSplitLeavingNothingToTestOnSaysWhereTheHistoryEnds() {
    assertThat(run("--history", SHARED_HISTORY.toString(), "--split", "2014-01-01")).isEqualTo(2);
    assertThat(lines(err)).singleElement().asString().contains("--split 2014-01-01 leaves 0 invoices to test on",
        "the history ends 2013-07-25");
  }
}
