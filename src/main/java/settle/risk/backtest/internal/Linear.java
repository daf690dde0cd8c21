package settle.risk.backtest.internal;

/** Solves a small linear system by Gaussian elimination with partial pivoting. */
final class Linear {

  private Linear() {
  }

  static double[] solve(double[][] matrix, double[] right) {
    int n = right.length;
    double[][] a = new double[n][n + 1];
    for (int i = 0; i < n; i++) {
      System.arraycopy(matrix[i], 0, a[i], 0, n);
      a[i][n] = right[i];
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int row = col + 1; row < n; row++) {
        if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
          pivot = row;
        }
      }
      double[] swap = a[col];
      a[col] = a[pivot];
      a[pivot] = swap;
      if (Math.abs(a[col][col]) < 1e-12) {
        a[col][col] = 1e-12; // a column without information: its weight stays near zero
      }
      for (int row = col + 1; row < n; row++) {
        double factor = a[row][col] / a[col][col];
        for (int c = col; c <= n; c++) {
          a[row][c] -= factor * a[col][c];
        }
      }
    }
    double[] x = new double[n];
    for (int row = n - 1; row >= 0; row--) {
      double sum = a[row][n];
      for (int c = row + 1; c < n; c++) {
        sum -= a[row][c] * x[c];
      }
      x[row] = sum / a[row][row];
    }
    return x;
  }
}
