package settle.matching.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Bounded subset sum: which few of a customer's open items add up to a payment. Items come oldest
 * first, so the first combination found prefers old items. The node budget caps the work per line;
 * when it runs out, the search says so rather than claiming a combination is the only one.
 */
public final class CombinationSearch {

  /** One combination: positions in the input and whether each one was taken at its discount. */
  public record Combination(int[] positions, boolean[] discounted) {}

  /** Up to {@code maxFound} combinations; {@code exhausted} when the budget ended the search. */
  public record Outcome(List<Combination> found, boolean exhausted) {

    public boolean unique() {
      return found.size() == 1 && !exhausted;
    }
  }

  private final long[] open;
  private final long[] discount;
  private final int count;
  private final long target;
  private final int minSize;
  private final int maxSize;
  private final int maxFound;
  private final long[] remaining;
  private final int[] picked;
  private final boolean[] pickedDiscount;
  private final List<Combination> found = new ArrayList<>(2);
  private int nodesLeft;
  private boolean exhausted;

  private CombinationSearch(
      long[] open, long[] discount, int count, long target, int minSize, int maxSize, int budget, int maxFound) {
    this.open = open;
    this.discount = discount;
    this.count = count;
    this.target = target;
    this.minSize = minSize;
    this.maxSize = maxSize;
    this.maxFound = maxFound;
    this.nodesLeft = budget;
    this.picked = new int[maxSize];
    this.pickedDiscount = new boolean[maxSize];
    this.remaining = new long[count + 1];
    for (int i = count - 1; i >= 0; i--) {
      remaining[i] = remaining[i + 1] + open[i];
    }
  }

  /**
   * @param discount per item the amount that settles it within its discount window, or -1
   */
  public static Outcome find(
      long[] open, long[] discount, int count, long target, int minSize, int maxSize, int budget, int maxFound) {
    CombinationSearch search =
        new CombinationSearch(open, discount, count, target, minSize, maxSize, budget, maxFound);
    if (target > 0 && maxSize > 0) {
      search.descend(0, 0, 0);
    }
    return new Outcome(List.copyOf(search.found), search.exhausted);
  }

  private void descend(int from, int depth, long sum) {
    if (sum + remaining[from] < target) {
      return;
    }
    for (int i = from; i < count; i++) {
      if (found.size() >= maxFound || exhausted) {
        return;
      }
      if (--nodesLeft < 0) {
        exhausted = true;
        return;
      }
      visit(i, depth, sum, open[i], false);
      if (discount[i] >= 0) {
        visit(i, depth, sum, discount[i], true);
      }
    }
  }

  private void visit(int i, int depth, long sum, long value, boolean discounted) {
    long total = sum + value;
    if (total > target) {
      return;
    }
    picked[depth] = i;
    pickedDiscount[depth] = discounted;
    if (total == target) {
      if (depth + 1 >= minSize) {
        int[] positions = new int[depth + 1];
        boolean[] flags = new boolean[depth + 1];
        System.arraycopy(picked, 0, positions, 0, depth + 1);
        System.arraycopy(pickedDiscount, 0, flags, 0, depth + 1);
        found.add(new Combination(positions, flags));
      }
    } else if (depth + 1 < maxSize) {
      descend(i + 1, depth + 1, total);
    }
  }
}
