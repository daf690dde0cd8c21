package settle.common;

import java.util.Collection;

/** Figures read off a collection as plain doubles, for the statistics the risk back-test and the simulation compute. */
public final class Doubles {

  /** How one item is measured. */
  @FunctionalInterface
  public interface Figure<T> {
    double of(T item);
  }

  private Doubles() {
  }

  public static <T> double[] each(Collection<? extends T> items, Figure<? super T> figure) {
    double[] values = new double[items.size()];
    int i = 0;
    for (T item : items) {
      values[i++] = figure.of(item);
    }
    return values;
  }

  public static <T> double sum(Collection<? extends T> items, Figure<? super T> figure) {
    double sum = 0;
    for (T item : items) {
      sum += figure.of(item);
    }
    return sum;
  }

  /** The mean of the figures that are numbers (NaN stands for "not known"), or {@code none} when there are none. */
  public static <T> double mean(Collection<? extends T> items, Figure<? super T> figure, double none) {
    double sum = 0;
    int n = 0;
    for (T item : items) {
      double value = figure.of(item);
      if (!Double.isNaN(value)) {
        sum += value;
        n++;
      }
    }
    return n == 0 ? none : sum / n;
  }
}
