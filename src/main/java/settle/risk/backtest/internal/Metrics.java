package settle.risk.backtest.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** The back-test's figures, each over parallel arrays of a score (or prediction) and what happened. */
public final class Metrics {

  private Metrics() {
  }

  /**
   * The chance that a late invoice scores higher than an on-time one (ties count half): 1 separates them perfectly,
   * 0.5 is a coin. NaN without both kinds.
   */
  public static double auc(double[] score, boolean[] late) {
    Integer[] order = byScore(score);
    double lateRanks = 0;
    long lates = 0;
    for (int i = 0; i < order.length; ) {
      int j = i;
      while (j < order.length && score[order[j]] == score[order[i]]) {
        j++;
      }
      double midRank = (i + 1 + j) / 2.0; // ranks i+1..j share their average
      for (int t = i; t < j; t++) {
        if (late[order[t]]) {
          lateRanks += midRank;
          lates++;
        }
      }
      i = j;
    }
    long onTime = score.length - lates;
    if (lates == 0 || onTime == 0) {
      return Double.NaN;
    }
    return (lateRanks - lates * (lates + 1) / 2.0) / (lates * (double) onTime);
  }

  /**
   * Kolmogorov–Smirnov: the widest gap, over every score threshold, between the share of late invoices and the share of
   * on-time ones scoring at or above it.
   */
  public static double ks(double[] score, boolean[] late) {
    Integer[] order = byScore(score);
    long lates = 0;
    for (boolean l : late) {
      lates += l ? 1 : 0;
    }
    long onTime = score.length - lates;
    if (lates == 0 || onTime == 0) {
      return Double.NaN;
    }
    double best = 0;
    long lateAbove = 0;
    long onTimeAbove = 0;
    for (int i = order.length - 1; i >= 0; ) {
      int j = i;
      while (j >= 0 && score[order[j]] == score[order[i]]) {
        if (late[order[j]]) {
          lateAbove++;
        } else {
          onTimeAbove++;
        }
        j--;
      }
      best = Math.max(best, Math.abs((double) lateAbove / lates - (double) onTimeAbove / onTime));
      i = j;
    }
    return best;
  }

  /** Mean squared gap between the predicted chance of paying late and what happened (1 late, 0 on time). */
  public static double brier(double[] probability, boolean[] late) {
    double sum = 0;
    for (int i = 0; i < probability.length; i++) {
      double gap = probability[i] - (late[i] ? 1 : 0);
      sum += gap * gap;
    }
    return sum / probability.length;
  }

  /** Mean absolute error, here of predicted days to settle against the actual ones. */
  public static double mae(double[] predicted, double[] actual) {
    double sum = 0;
    for (int i = 0; i < predicted.length; i++) {
      sum += Math.abs(predicted[i] - actual[i]);
    }
    return sum / predicted.length;
  }

  /** One row of the calibration table: invoices whose predicted chance of paying late fell in [from, to). */
  public record CalibrationRow(double from, double to, int invoices, int lowestScore, int highestScore,
                               double predicted, double observed) {}

  /** Invoices grouped by predicted chance of paying late in tenths, empty tenths left out. */
  public static List<CalibrationRow> calibration(int[] score, double[] probability, boolean[] late) {
    List<CalibrationRow> rows = new ArrayList<>();
    for (int tenth = 0; tenth < 10; tenth++) {
      double from = tenth / 10.0;
      double to = (tenth + 1) / 10.0;
      int count = 0;
      int lates = 0;
      double predicted = 0;
      int lowest = Integer.MAX_VALUE;
      int highest = Integer.MIN_VALUE;
      for (int i = 0; i < probability.length; i++) {
        if (probability[i] >= from && (probability[i] < to || tenth == 9)) {
          count++;
          lates += late[i] ? 1 : 0;
          predicted += probability[i];
          lowest = Math.min(lowest, score[i]);
          highest = Math.max(highest, score[i]);
        }
      }
      if (count > 0) {
        rows.add(new CalibrationRow(from, to, count, lowest, highest, predicted / count, (double) lates / count));
      }
    }
    return rows;
  }

  private static Integer[] byScore(double[] score) {
    Integer[] order = new Integer[score.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingDouble(i -> score[i]));
    return order;
  }
}
