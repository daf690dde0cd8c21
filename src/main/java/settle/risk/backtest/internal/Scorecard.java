package settle.risk.backtest.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import settle.risk.RiskFeatures;

/**
 * A fitted scorecard: points per band of each feature it uses, summed to a score; the score's chance of paying late
 * (a logistic curve fitted to the training scores) and the rating cut-offs. Exactly what {@code ScorecardDmn} writes,
 * so the engine's answer and this one agree.
 *
 * @param lateChanceIntercept with {@code lateChancePerPoint}: chance of paying late = 1 / (1 + e^-(intercept + slope ×
 *                            score))
 * @param mediumFrom          the lowest score rated MEDIUM
 * @param highFrom            the lowest score rated HIGH
 */
public record Scorecard(List<Characteristic> characteristics, double lateChanceIntercept, double lateChancePerPoint,
                        int mediumFrom, int highFrom) {

  /** The bands of one feature, lowest values first; together they cover every value. */
  public record Characteristic(String feature, List<Band> bands) {

    public Band bandOf(double value) {
      for (Band band : bands) {
        if (band.holds(value)) {
          return band;
        }
      }
      throw new IllegalStateException("the bands of " + feature + " miss " + value);
    }
  }

  /** {@code from <= value < below}; a null bound is open. */
  public record Band(BigDecimal from, BigDecimal below, int points, String words) {

    public boolean holds(double value) {
      return (from == null || value >= from.doubleValue()) && (below == null || value < below.doubleValue());
    }
  }

  /** The band of each feature the customer falls in, by feature name. */
  public Map<String, Band> bands(RiskFeatures features) {
    Map<String, Object> values = features.variables();
    Map<String, Band> bands = new LinkedHashMap<>();
    for (Characteristic c : characteristics) {
      bands.put(c.feature(), c.bandOf(((Number) values.get(c.feature())).doubleValue()));
    }
    return bands;
  }

  public int score(RiskFeatures features) {
    return bands(features).values().stream().mapToInt(Band::points).sum();
  }

  public double lateChance(int score) {
    return Logistic.sigmoid(lateChanceIntercept + lateChancePerPoint * score);
  }

  public String rating(int score) {
    return score >= highFrom ? "HIGH" : score >= mediumFrom ? "MEDIUM" : "LOW";
  }

  public List<String> features() {
    return characteristics.stream().map(Characteristic::feature).toList();
  }
}
