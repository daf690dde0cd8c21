package settle.risk.backtest.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Cut-offs for one feature from training data. Invoices are sorted by the feature and pooled wherever the late share
 * would go against the feature's overall direction (isotonic regression), so every band's points say what a person
 * expects ("later payers score more"); then bands too small to trust join their closest neighbour, and the closest
 * neighbours join until at most {@code maxBands} remain. Cut-offs fall midway between bands, rounded to what a person
 * would write.
 */
final class Binning {

  private Binning() {
  }

  /** A run of sorted invoices: the feature's values from {@code lowest} to {@code highest}. */
  private record Block(double lowest, double highest, int invoices, int late) {
    double share() {
      return (double) late / invoices;
    }

    Block join(Block next) {
      return new Block(lowest, next.highest, invoices + next.invoices, late + next.late);
    }
  }

  /** Cut-offs, ascending; empty when the feature does not split the invoices usefully. */
  static List<BigDecimal> cutOffs(String feature, double[] values, boolean[] late, int maxBands, int minInvoices) {
    Integer[] order = new Integer[values.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
    List<Block> blocks = new ArrayList<>();
    for (int i : order) {
      Block one = new Block(values[i], values[i], 1, late[i] ? 1 : 0);
      if (!blocks.isEmpty() && blocks.getLast().highest() == values[i]) {
        blocks.set(blocks.size() - 1, blocks.getLast().join(one));
      } else {
        blocks.add(one);
      }
    }
    double direction = Math.signum(correlation(values, late));
    if (direction == 0) {
      return List.of();
    }
    // pool adjacent violators
    List<Block> pooled = new ArrayList<>();
    for (Block block : blocks) {
      pooled.add(block);
      while (pooled.size() > 1
          && (pooled.getLast().share() - pooled.get(pooled.size() - 2).share()) * direction <= 0) {
        Block last = pooled.removeLast();
        pooled.set(pooled.size() - 1, pooled.getLast().join(last));
      }
    }
    while (pooled.size() > 1) {
      int small = -1;
      for (int b = 0; b < pooled.size(); b++) {
        if (pooled.get(b).invoices() < minInvoices && (small < 0 || pooled.get(b).invoices() < pooled.get(small).invoices())) {
          small = b;
        }
      }
      int join; // joins band join and join + 1
      if (small >= 0) {
        join = small == 0 ? 0 : small == pooled.size() - 1 ? small - 1
            : gap(pooled, small - 1) <= gap(pooled, small) ? small - 1 : small;
      } else if (pooled.size() > maxBands) {
        join = 0;
        for (int b = 1; b + 1 < pooled.size(); b++) {
          if (gap(pooled, b) < gap(pooled, join)) {
            join = b;
          }
        }
      } else {
        break;
      }
      pooled.set(join, pooled.get(join).join(pooled.remove(join + 1)));
    }
    List<BigDecimal> cuts = new ArrayList<>();
    for (int b = 1; b < pooled.size(); b++) {
      BigDecimal cut = FeatureWords.cutOff(feature, (pooled.get(b - 1).highest() + pooled.get(b).lowest()) / 2);
      boolean splits = blocks.getFirst().lowest() < cut.doubleValue() && cut.doubleValue() <= blocks.getLast().highest();
      if (splits && (cuts.isEmpty() || cut.compareTo(cuts.getLast()) > 0)) {
        cuts.add(cut);
      }
    }
    return cuts;
  }

  /** How much the late share differs between band b and the next. */
  private static double gap(List<Block> blocks, int b) {
    return Math.abs(blocks.get(b + 1).share() - blocks.get(b).share());
  }

  private static double correlation(double[] values, boolean[] late) {
    double meanX = Arrays.stream(values).average().orElse(0);
    double meanY = 0;
    for (boolean l : late) {
      meanY += l ? 1.0 / late.length : 0;
    }
    double covariance = 0;
    for (int i = 0; i < values.length; i++) {
      covariance += (values[i] - meanX) * ((late[i] ? 1 : 0) - meanY);
    }
    return covariance;
  }
}
