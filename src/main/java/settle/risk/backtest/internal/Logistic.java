package settle.risk.backtest.internal;

/** Logistic regression by Newton's method (iteratively reweighted least squares) with a ridge on the slopes. */
final class Logistic {

  private Logistic() {
  }

  /** Weights, the intercept first, for rows {@code x} (without the constant) and labels {@code y}. */
  static double[] fit(double[][] x, boolean[] y, double ridge) {
    int k = x.length == 0 ? 1 : x[0].length + 1;
    double[] w = new double[k];
    for (int iteration = 0; iteration < 100; iteration++) {
      double[] gradient = new double[k];
      double[][] hessian = new double[k][k];
      for (int i = 0; i < x.length; i++) {
        double[] row = withConstant(x[i]);
        double p = sigmoid(dot(w, row));
        double weight = Math.max(p * (1 - p), 1e-9);
        for (int a = 0; a < k; a++) {
          gradient[a] += (p - (y[i] ? 1 : 0)) * row[a];
          for (int b = 0; b < k; b++) {
            hessian[a][b] += weight * row[a] * row[b];
          }
        }
      }
      for (int a = 1; a < k; a++) {
        gradient[a] += ridge * w[a];
        hessian[a][a] += ridge;
      }
      double[] step = Linear.solve(hessian, gradient);
      double largest = 0;
      for (int a = 0; a < k; a++) {
        w[a] -= step[a];
        largest = Math.max(largest, Math.abs(step[a]));
      }
      if (largest < 1e-9) {
        break;
      }
    }
    return w;
  }

  static double predict(double[] w, double[] x) {
    return sigmoid(dot(w, withConstant(x)));
  }

  static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  static double[] withConstant(double[] x) {
    double[] row = new double[x.length + 1];
    row[0] = 1;
    System.arraycopy(x, 0, row, 1, x.length);
    return row;
  }

  static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}
