package settle.risk.backtest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The figures against cases small enough to count by hand. */
class BacktestFiguresTest {

  @Test
  void aucIsTheShareOfLateOnTimePairsTheScoreOrdersRightWithTiesCountingHalf() {
    // late: 0.9, 0.4; on time: 0.5, 0.1, 0.4. Pairs (late, on time): 0.9 beats all three; 0.4 beats 0.1, ties 0.4,
    // loses to 0.5 → (3 + 1 + 0.5) / 6
    double[] score = {0.9, 0.5, 0.4, 0.1, 0.4};
    boolean[] late = {true, false, true, false, false};
    assertThat(Metrics.auc(score, late)).isCloseTo(4.5 / 6, within(1e-12));
  }

  @Test
  void aucIsOneWhenEveryLateInvoiceScoresHigherAndHalfForAConstantScore() {
    assertThat(Metrics.auc(new double[] {3, 2, 1, 0}, new boolean[] {true, true, false, false})).isEqualTo(1.0);
    assertThat(Metrics.auc(new double[] {3, 2, 1, 0}, new boolean[] {false, false, true, true})).isEqualTo(0.0);
    assertThat(Metrics.auc(new double[] {1, 1, 1}, new boolean[] {true, false, false})).isEqualTo(0.5);
  }

  @Test
  void ksIsTheWidestGapBetweenTheShareOfLateAndOfOnTimeInvoicesAboveAThreshold() {
    // scores 4,3,2,1 with late, on time, late, on time: at >= 4 the gap is 1/2 - 0; at >= 3 it is 1/2 - 1/2;
    // at >= 2 it is 1 - 1/2; at >= 1 it is 0 → 0.5
    assertThat(Metrics.ks(new double[] {4, 3, 2, 1}, new boolean[] {true, false, true, false})).isEqualTo(0.5);
    // tied scores move together: one threshold at 5 takes both
    assertThat(Metrics.ks(new double[] {5, 5, 1}, new boolean[] {true, false, false})).isEqualTo(0.5);
    assertThat(Metrics.ks(new double[] {9, 8, 1, 0}, new boolean[] {true, true, false, false})).isEqualTo(1.0);
  }

  @Test
  void brierIsTheMeanSquaredGapBetweenTheChanceAndWhatHappened() {
    // (0.8 - 1)² + (0.3 - 0)² + (0.5 - 1)² = 0.04 + 0.09 + 0.25 = 0.38, over 3
    assertThat(Metrics.brier(new double[] {0.8, 0.3, 0.5}, new boolean[] {true, false, true}))
        .isCloseTo(0.38 / 3, within(1e-12));
  }

  @Test
  void maeIsTheMeanAbsoluteErrorInDays() {
    // |30 - 28| + |45 - 50| + |20 - 20| = 7, over 3
    assertThat(Metrics.mae(new double[] {30, 45, 20}, new double[] {28, 50, 20})).isCloseTo(7 / 3.0, within(1e-12));
  }

  @Test
  void calibrationGroupsInvoicesByTenthsOfTheirPredictedChance() {
    int[] score = {5, 7, 60, 70};
    double[] chance = {0.12, 0.18, 0.7, 0.75};
    boolean[] late = {false, true, true, true};
    assertThat(Metrics.calibration(score, chance, late)).containsExactly(
        new Metrics.CalibrationRow(0.1, 0.2, 2, 5, 7, 0.15, 0.5),
        new Metrics.CalibrationRow(0.7, 0.8, 2, 60, 70, 0.725, 1.0));
  }
}
