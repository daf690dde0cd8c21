package settle.risk.backtest.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import settle.risk.InvoiceFact;
import settle.common.Doubles;

/**
 * The back-test: fits on invoices issued before the split with what was known on the split day, then scores the
 * invoices issued from the split on. Model settings are chosen on a validation slice, the last quarter of the training
 * invoices, fitted on what was known when that slice began; the test part is never looked at before the figures.
 */
public final class Backtest {

  /** The settings tried on the validation slice, simplest first (a tie keeps the simpler one). */
  static final List<ScorecardFit.Settings> SETTINGS = Stream.of(2, 3, 4, 5, 6, 8, 10)
      .flatMap(bands -> Stream.of(10.0, 1.0, 0.1).map(ridge -> new ScorecardFit.Settings(bands, ridge))).toList();

  /**
   * The inputs tried for the days-to-settle model, fewest first. Wider sets (days late, late share, overdue count,
   * volume change, invoices seen) were tried and dropped: on every split of the shared history they predicted worse
   * than the customer's median alone, though the validation slice, with little history per customer, preferred them.
   */
  static final List<List<String>> DAYS_INPUTS = List.of(
      List.of(DaysToSettleModel.MEDIAN),
      List.of(DaysToSettleModel.MEDIAN, DaysToSettleModel.RECENT),
      List.of(DaysToSettleModel.MEDIAN, DaysToSettleModel.RECENT, "disputedShare"));

  /** The history cannot be back-tested at this split; the message says why in the user's terms. */
  public static final class Refused extends RuntimeException {
    public Refused(String message) {
      super(message);
    }
  }

  /** What the test part showed. {@code trainInvoices} and {@code testInvoices} count the labelled invoices used. */
  public record Result(LocalDate split, int trainIssued, int trainInvoices, int testIssued,
                       int testInvoices, int testOpenPastDue, int testWithDays, LocalDate validationFrom,
                       ScorecardFit.Settings settings, List<String> daysInputs, Scorecard scorecard,
                       DaysToSettleModel daysModel, double auc, double ks, double brier, double mae,
                       double baselineAuc, double baselineMae, List<Metrics.CalibrationRow> calibration,
                       double trainLateShare) {}

  private Backtest() {
  }

  public static Result run(List<InvoiceFact> history, LocalDate split) {
    if (history.isEmpty()) {
      throw new Refused("the history holds no invoice");
    }
    LocalDate last = history.stream().flatMap(i -> Stream.of(i.issued(), i.settled())).filter(d -> d != null)
        .max(Comparator.naturalOrder()).orElseThrow();
    LocalDate knownOn = last.plusDays(1); // the file knows everything up to its last date
    LocalDate first = history.stream().map(InvoiceFact::issued).min(Comparator.naturalOrder()).orElseThrow();

    List<Sample> training = Sample.of(history, i -> i.issued().isBefore(split), split);
    List<Sample> fitOn = training.stream().filter(Sample::labelled).toList();
    if (!bothKinds(fitOn) || fitOn.size() < 20) {
      throw new Refused("--split " + split + " leaves " + fitOn.size() + " invoices known paid or late before it"
          + " (the history starts " + first + "); at least 20, late and on-time ones, are needed to fit on");
    }
    List<Sample> testing = Sample.of(history, i -> !i.issued().isBefore(split), knownOn);
    List<Sample> scored = testing.stream().filter(Sample::labelled).toList();
    if (!bothKinds(scored)) {
      throw new Refused("--split " + split + " leaves " + scored.size() + " invoices to test on from it (the history ends "
          + last + "); late and on-time ones are needed");
    }
    if (withDays(fitOn).isEmpty()) {
      throw new Refused("--split " + split + ": no invoice was settled before it, so days to settle cannot be fitted");
    }
    double medianDays = median(fitOn);

    // validation: fit on what was known when the training's last quarter began, judge on that quarter
    LocalDate sliceFrom = training.get(training.size() * 3 / 4).invoice().issued();
    List<Sample> early = Sample.of(history, i -> i.issued().isBefore(sliceFrom), sliceFrom).stream()
        .filter(Sample::labelled).toList();
    List<Sample> validation = Sample.of(history, i -> !i.issued().isBefore(sliceFrom) && i.issued().isBefore(split),
        split).stream().filter(Sample::labelled).toList();
    LocalDate validationFrom = sliceFrom;
    ScorecardFit.Settings settings = SETTINGS.get(SETTINGS.size() / 2);
    List<String> daysInputs = DAYS_INPUTS.getFirst();
    if (bothKinds(early) && early.size() >= 20 && bothKinds(validation) && withDays(early).size() >= 20) {
      settings = chooseSettings(early, validation, settings);
      daysInputs = chooseDaysInputs(early, validation, median(early));
    } else {
      validationFrom = null;
    }

    Scorecard scorecard = ScorecardFit.fit(fitOn, settings);
    DaysToSettleModel daysModel = DaysToSettleModel.fit(withDays(fitOn), daysInputs, medianDays);
    double trainLateShare = fitOn.stream().filter(Sample::late).count() / (double) fitOn.size();

    boolean[] late = new boolean[scored.size()];
    int[] score = new int[scored.size()];
    double[] chance = new double[scored.size()];
    double[] pastLateShare = new double[scored.size()];
    for (int i = 0; i < scored.size(); i++) {
      Sample s = scored.get(i);
      late[i] = s.late();
      score[i] = scorecard.score(s.features());
      chance[i] = scorecard.lateChance(score[i]);
      pastLateShare[i] = s.features().settledCount() == 0 ? trainLateShare : s.features().lateShare();
    }
    double[] scoreValues = Arrays.stream(score).asDoubleStream().toArray();

    List<Sample> settled = withDays(scored);
    double[] actual = Doubles.each(settled, Sample::daysToSettle);
    double[] predicted = Doubles.each(settled, s -> daysModel.predict(s.features()));
    double[] pastMedian = Doubles.each(settled,
        s -> DaysToSettleModel.customerMedian(s.features(), medianDays));

    return new Result(split, training.size(), fitOn.size(), testing.size(), scored.size(),
        scored.size() - settled.size(), settled.size(), validationFrom, settings, daysInputs, scorecard, daysModel,
        Metrics.auc(scoreValues, late), Metrics.ks(scoreValues, late), Metrics.brier(chance, late),
        settled.isEmpty() ? Double.NaN : Metrics.mae(predicted, actual), Metrics.auc(pastLateShare, late),
        settled.isEmpty() ? Double.NaN : Metrics.mae(pastMedian, actual), Metrics.calibration(score, chance, late),
        trainLateShare);
  }

  private static ScorecardFit.Settings chooseSettings(List<Sample> early, List<Sample> validation,
                                                      ScorecardFit.Settings fallback) {
    ScorecardFit.Settings best = fallback;
    double bestAuc = -1;
    boolean[] late = new boolean[validation.size()];
    for (int i = 0; i < late.length; i++) {
      late[i] = validation.get(i).late();
    }
    for (ScorecardFit.Settings settings : SETTINGS) {
      Scorecard card;
      try {
        card = ScorecardFit.fit(early, settings);
      } catch (ScorecardFit.NoSignal e) {
        continue;
      }
      double auc = Metrics.auc(Doubles.each(validation, s -> card.score(s.features())), late);
      if (auc > bestAuc + 1e-9) {
        bestAuc = auc;
        best = settings;
      }
    }
    return best;
  }

  private static List<String> chooseDaysInputs(List<Sample> early, List<Sample> validation, double medianDays) {
    List<Sample> judged = withDays(validation);
    if (judged.isEmpty()) {
      return DAYS_INPUTS.getFirst();
    }
    double[] actual = Doubles.each(judged, Sample::daysToSettle);
    List<String> best = DAYS_INPUTS.getFirst();
    double bestMae = Double.MAX_VALUE;
    for (List<String> inputs : DAYS_INPUTS) {
      DaysToSettleModel model = DaysToSettleModel.fit(withDays(early), inputs, medianDays);
      double mae = Metrics.mae(Doubles.each(judged, s -> model.predict(s.features())), actual);
      if (mae < bestMae - 1e-9) {
        bestMae = mae;
        best = inputs;
      }
    }
    return best;
  }

  private static boolean bothKinds(List<Sample> samples) {
    return samples.stream().anyMatch(Sample::late) && samples.stream().anyMatch(s -> !s.late());
  }

  private static List<Sample> withDays(List<Sample> samples) {
    return samples.stream().filter(s -> s.daysToSettle() != null).toList();
  }

  private static double median(List<Sample> samples) {
    double[] days = Doubles.each(withDays(samples), Sample::daysToSettle);
    Arrays.sort(days);
    int mid = days.length / 2;
    return days.length % 2 == 1 ? days[mid] : (days[mid - 1] + days[mid]) / 2;
  }
}
