package settle.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import settle.matching.testdata.CashDataGenerator;
import settle.matching.testdata.Dataset;
import settle.matching.testdata.LabelledLine;
import settle.matching.testdata.NoiseProfile;
import settle.matching.testdata.Scorecard;

/** Behaviour on generated statements: how much is posted automatically, and how much of it is right. */
class CashMatchingQualityTest {

  @Test
  void realisticStatementsAreMostlyPostedAutomaticallyAndAlmostNeverWrongly() {
    Scorecard score = run(new CashDataGenerator(42, NoiseProfile.realistic()).generate(2_000, 20_000, 2_000));

    assertThat(score.autoMatchRate()).as(score.report()).isGreaterThanOrEqualTo(0.90);
    assertThat(score.precision()).as(score.report()).isGreaterThanOrEqualTo(0.995);
  }

  @Test
  void cleanStatementsAreAllPostedAutomaticallyAndRight() {
    Scorecard score = run(new CashDataGenerator(7, NoiseProfile.clean()).generate(500, 5_000, 1_000));

    assertThat(score.autoMatchRate()).as(score.report()).isEqualTo(1.0);
    assertThat(score.precision()).as(score.report()).isEqualTo(1.0);
  }

  @Test
  void theSameSeedGivesTheSameStatements() {
    Dataset first = new CashDataGenerator(3, NoiseProfile.realistic()).generate(200, 2_000, 300);
    Dataset second = new CashDataGenerator(3, NoiseProfile.realistic()).generate(200, 2_000, 300);

    assertThat(second.lines()).isEqualTo(first.lines());
    assertThat(second.openItems()).isEqualTo(first.openItems());
  }

  private static Scorecard run(Dataset data) {
    Ledger ledger = data.ledger();
    CashMatcher matcher = new CashMatcher(ledger);
    Scorecard score = new Scorecard();
    for (LabelledLine line : data.lines()) {
      MatchResult result = matcher.match(line.payment());
      if (result.status() == MatchResult.Status.AUTO && line.payment().payerAccount() != null) {
        ledger.learn(line.payment().payerAccount(), result.customerId());
      }
      score.record(line, result);
    }
    return score;
  }
}
