package settle.risk.backtest.internal;

import java.util.List;
import settle.risk.RiskFeatures;

/**
 * Predicts an invoice's days from issue to settlement from its customer's features on the issue day: a median
 * (least absolute deviations) regression, since the figure it is judged by is the mean absolute error. A customer
 * without a settled invoice yet counts with the training part's median days to settle, both as its median and as its
 * recent days to settle ({@code daysToSettleRecent} is 0 there, which would read as "pays at once").
 */
public record DaysToSettleModel(List<String> inputs, double[] weights, double medianWithoutHistory) {

  /** The customer's median days to settle so far, the one input that is not a scorecard feature. */
  public static final String MEDIAN = "medianDaysToSettle";

  /** The customer's mean days to settle over its last paid invoices. */
  static final String RECENT = "daysToSettleRecent";

  /** Fits on samples whose days to settle are known. */
  public static DaysToSettleModel fit(List<Sample> samples, List<String> inputs, double medianWithoutHistory) {
    double[][] x = new double[samples.size()][];
    double[] y = new double[samples.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = Logistic.withConstant(values(samples.get(i).features(), inputs, medianWithoutHistory));
      y[i] = samples.get(i).daysToSettle();
    }
    // least absolute deviations by iteratively reweighted least squares, started from ordinary least squares
    double[] w = leastSquares(x, y, null);
    for (int iteration = 0; iteration < 200; iteration++) {
      double[] weight = new double[y.length];
      for (int i = 0; i < y.length; i++) {
        weight[i] = 1 / Math.max(Math.abs(y[i] - Logistic.dot(w, x[i])), 0.01);
      }
      double[] next = leastSquares(x, y, weight);
      double change = 0;
      for (int k = 0; k < w.length; k++) {
        change = Math.max(change, Math.abs(next[k] - w[k]));
      }
      w = next;
      if (change < 1e-7) {
        break;
      }
    }
    return new DaysToSettleModel(List.copyOf(inputs), w, medianWithoutHistory);
  }

  public double predict(RiskFeatures features) {
    return Logistic.dot(weights, Logistic.withConstant(values(features, inputs, medianWithoutHistory)));
  }

  /** The baseline the model must beat: the customer's median so far. */
  public static double customerMedian(RiskFeatures features, double medianWithoutHistory) {
    return features.medianDaysToSettle() == null ? medianWithoutHistory : features.medianDaysToSettle();
  }

  private static double[] values(RiskFeatures features, List<String> inputs, double medianWithoutHistory) {
    double[] values = new double[inputs.size()];
    for (int k = 0; k < values.length; k++) {
      String input = inputs.get(k);
      values[k] = input.equals(MEDIAN) ? customerMedian(features, medianWithoutHistory)
          : input.equals(RECENT) && features.settledCount() == 0 ? medianWithoutHistory
          : ((Number) features.variables().get(input)).doubleValue();
    }
    return values;
  }

  private static double[] leastSquares(double[][] x, double[] y, double[] weight) {
    int k = x[0].length;
    double[][] normal = new double[k][k];
    double[] right = new double[k];
    for (int i = 0; i < x.length; i++) {
      double w = weight == null ? 1 : weight[i];
      for (int a = 0; a < k; a++) {
        right[a] += w * x[i][a] * y[i];
        for (int b = 0; b < k; b++) {
          normal[a][b] += w * x[i][a] * x[i][b];
        }
      }
    }
    for (int a = 1; a < k; a++) {
      normal[a][a] += 1e-6; // keeps a constant column (e.g. no volume history at all) solvable
    }
    return Linear.solve(normal, right);
  }
}
