package settle.risk.backtest.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import settle.common.Doubles;

/**
 * Fits a scorecard the classic way: bands per feature ({@link Binning}), each band's weight of evidence (how much more
 * often than usual its invoices were paid late, as log odds), a logistic regression on those, and points = weight ×
 * evidence scaled so that {@value #POINTS_TO_DOUBLE_ODDS} points double the odds of paying late, the lowest band of each
 * feature at 0. A feature whose weight comes out negative contradicts its own evidence (it only corrects a correlated
 * one) and is dropped, so every band reads the way its late share says.
 */
public final class ScorecardFit {

  static final int POINTS_TO_DOUBLE_ODDS = 20;

  /** Features computed from a customer's paid invoices. */
  static final Set<String> PAYMENT_HISTORY =
      Set.of("daysLateMean", "daysLateRecent", "daysLateTrend", "lateShare", "disputedShare",
          "daysToSettleRecent");

  /**
   * Features the fit leaves out because they grow with the calendar rather than describe how a customer pays: every
   * customer has more invoices, more paid ones and a longer tenure each month, and the 90-day volume change is 0 for
   * anyone without invoices 90–180 days back, which in an early training part mostly means "new". Bands fitted on an
   * earlier part mark the later part's customers as veterans whatever they do; on every split of the shared history
   * the card ranked better without them. The live table may still read them.
   */
  static final Set<String> NOT_FITTED = Set.of("invoicesSeen", "settledCount", "tenureDays", "volumeChange");

  /** The choices the validation slice makes: how many bands at most, and how hard weights are pulled to zero. */
  public record Settings(int maxBands, double ridge) {
    @Override
    public String toString() {
      return "at most " + maxBands + " bands per feature, ridge " + ridge;
    }
  }

  /** Nothing in the training part tells late payers from punctual ones. */
  public static final class NoSignal extends RuntimeException {
    NoSignal(String message) {
      super(message);
    }
  }

  private ScorecardFit() {
  }

  /** Fits on labelled samples (both late and on-time ones among them). */
  public static Scorecard fit(List<Sample> samples, Settings settings) {
    boolean[] late = new boolean[samples.size()];
    for (int i = 0; i < late.length; i++) {
      late[i] = samples.get(i).late();
    }
    int minInvoices = Math.max(10, samples.size() / 40);
    List<String> features = new ArrayList<>();
    List<List<BigDecimal>> cuts = new ArrayList<>();
    List<double[]> evidence = new ArrayList<>(); // per feature, per band
    List<int[]> bandOf = new ArrayList<>(); // per feature, per sample
    for (String feature : samples.getFirst().features().variables().keySet()) {
      if (NOT_FITTED.contains(feature)) {
        continue;
      }
      double[] values = Doubles.each(samples, s -> s.feature(feature));
      // a customer without a paid invoice has 0 for these, which says nothing; their bands come from those with one
      List<Sample> binOn = PAYMENT_HISTORY.contains(feature)
          ? samples.stream().filter(s -> s.features().settledCount() > 0).toList() : samples;
      boolean[] binLate = new boolean[binOn.size()];
      for (int i = 0; i < binLate.length; i++) {
        binLate[i] = binOn.get(i).late();
      }
      List<BigDecimal> featureCuts = binOn.isEmpty() ? List.of() : Binning.cutOffs(feature,
          Doubles.each(binOn, s -> s.feature(feature)), binLate, settings.maxBands(), minInvoices);
      if (featureCuts.isEmpty()) {
        continue;
      }
      int[] bands = new int[values.length];
      for (int i = 0; i < values.length; i++) {
        int band = 0;
        while (band < featureCuts.size() && values[i] >= featureCuts.get(band).doubleValue()) {
          band++;
        }
        bands[i] = band;
      }
      features.add(feature);
      cuts.add(featureCuts);
      bandOf.add(bands);
      evidence.add(weightOfEvidence(bands, featureCuts.size() + 1, late));
    }

    double[] weights;
    while (true) {
      if (features.isEmpty()) {
        throw new NoSignal("no feature tells late payers from punctual ones in the " + samples.size()
            + " training invoices");
      }
      double[][] x = new double[samples.size()][features.size()];
      for (int i = 0; i < x.length; i++) {
        for (int f = 0; f < features.size(); f++) {
          x[i][f] = evidence.get(f)[bandOf.get(f)[i]];
        }
      }
      weights = Logistic.fit(x, late, settings.ridge());
      int weakest = 0;
      for (int f = 1; f < features.size(); f++) {
        if (weights[f + 1] < weights[weakest + 1]) {
          weakest = f;
        }
      }
      if (weights[weakest + 1] > 0) {
        break;
      }
      features.remove(weakest);
      cuts.remove(weakest);
      evidence.remove(weakest);
      bandOf.remove(weakest);
    }

    double perLogOdds = POINTS_TO_DOUBLE_ODDS / Math.log(2);
    List<Scorecard.Characteristic> characteristics = new ArrayList<>();
    for (int f = 0; f < features.size(); f++) {
      double[] woe = evidence.get(f);
      double lowest = Double.MAX_VALUE;
      for (double w : woe) {
        lowest = Math.min(lowest, weights[f + 1] * w);
      }
      List<Scorecard.Band> bands = new ArrayList<>();
      List<BigDecimal> featureCuts = cuts.get(f);
      for (int b = 0; b < woe.length; b++) {
        BigDecimal from = b == 0 ? null : featureCuts.get(b - 1);
        BigDecimal below = b == featureCuts.size() ? null : featureCuts.get(b);
        int points = (int) Math.round((weights[f + 1] * woe[b] - lowest) * perLogOdds);
        bands.add(new Scorecard.Band(from, below, points, FeatureWords.band(features.get(f), from, below)));
      }
      if (bands.stream().anyMatch(b -> b.points() != 0)) {
        characteristics.add(new Scorecard.Characteristic(features.get(f), List.copyOf(bands)));
      }
    }
    if (characteristics.isEmpty()) {
      throw new NoSignal("no feature earns a point in the " + samples.size() + " training invoices");
    }

    // the chance of paying late per score, fitted on the rounded points the table will give
    Scorecard unrated = new Scorecard(List.copyOf(characteristics), 0, 0, 0, 0);
    double[][] scores = new double[samples.size()][1];
    for (int i = 0; i < scores.length; i++) {
      scores[i][0] = unrated.score(samples.get(i).features());
    }
    double[] curve = Logistic.fit(scores, late, 0);
    if (curve[1] <= 0) {
      throw new NoSignal("higher scores are not paid late more often in the training invoices");
    }
    // MEDIUM from a one-in-three chance of paying late, HIGH from two in three
    int mediumFrom = (int) Math.ceil((Math.log(0.5) - curve[0]) / curve[1]);
    int highFrom = Math.max(mediumFrom + 1, (int) Math.ceil((Math.log(2) - curve[0]) / curve[1]));
    return new Scorecard(List.copyOf(characteristics), curve[0], curve[1], mediumFrom, highFrom);
  }

  /** Log of (late ÷ on time) in the band over the same in all; half an invoice added so no band is infinite. */
  private static double[] weightOfEvidence(int[] bandOf, int bands, boolean[] late) {
    double[] lates = new double[bands];
    double[] onTime = new double[bands];
    double allLate = 0;
    double allOnTime = 0;
    for (int i = 0; i < bandOf.length; i++) {
      if (late[i]) {
        lates[bandOf[i]]++;
        allLate++;
      } else {
        onTime[bandOf[i]]++;
        allOnTime++;
      }
    }
    double[] woe = new double[bands];
    for (int b = 0; b < bands; b++) {
      woe[b] = Math.log((lates[b] + 0.5) / (onTime[b] + 0.5)) - Math.log(allLate / allOnTime);
    }
    return woe;
  }
}
