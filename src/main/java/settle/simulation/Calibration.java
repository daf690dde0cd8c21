package settle.simulation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;
import settle.risk.InvoiceFact;

/**
 * The history's days to pay were observed under some cadence, so they already hold the contacts' effect. Taken as the
 * untouched behaviour, the simulated contacts would speed payments twice. The patience factor undoes that: late days
 * are stretched until a quick replay of the history under the cadence (each step on its day, the customer answering as
 * the model says) pays as late, on average, as the history did. The run through the engine then checks the result.
 */
public final class Calibration {

  /** One step of a segment's cadence as the customer meets it: days from due, and what it is. */
  public record Step(int dueOffset, Contact contact) {}

  private Calibration() {}

  /** Mean days from due to settlement of the settled invoices. */
  public static double meanDaysLate(List<InvoiceFact> history) {
    return history.stream().filter(f -> f.settled() != null)
        .mapToLong(f -> ChronoUnit.DAYS.between(f.due(), f.settled())).average().orElse(0);
  }

  /** The same mean for the history replayed through the model under the cadence. */
  public static double replayedMeanDaysLate(BehaviourModel model, List<InvoiceFact> history,
                                            Function<BehaviourModel.Habit, List<Step>> cadence, long seed) {
    long sum = 0;
    int n = 0;
    int[] invoiceNo = {0};
    java.util.Map<String, Integer> counters = new java.util.HashMap<>();
    for (InvoiceFact f : history) {
      if (f.settled() == null) {
        continue;
      }
      BehaviourModel.Profile profile = model.profiles().get(f.customerId());
      invoiceNo[0] = counters.merge(f.customerId(), 1, Integer::sum);
      InvoiceBehaviour b = new InvoiceBehaviour(model, profile, Draws.of(seed, f.customerId(), invoiceNo[0]), f.due());
      replay(model, b, f.due(), cadence.apply(profile.habit()));
      sum += ChronoUnit.DAYS.between(f.due(), b.payDate());
      n++;
    }
    return n == 0 ? 0 : (double) sum / n;
  }

  /**
   * One invoice's customer meets the cadence's steps until they pay; answers the steps met, each with the day it came.
   * As in Settle, a dispute of the whole open amount pauses dunning: the loop finds nothing undisputed to collect and
   * waits until the dispute team has decided (the investigation's days). A step that fell due meanwhile is taken the
   * day the dispute is rejected (its day has passed, so the loop takes it at once), and none comes after a credit memo
   * for the whole amount (nothing is left to collect). A dispute of part of the amount does not pause: the loop duns
   * the undisputed rest on the cadence's days.
   */
  static List<Step> replay(BehaviourModel model, InvoiceBehaviour b, LocalDate due, List<Step> cadence) {
    LocalDate pausedFrom = null;
    LocalDate resumes = null;
    boolean creditedInFull = false;
    if (b.disputes()) {
      Draws draws = b.draws();
      if (model.disputedShare(model.reason(draws), draws) >= 1.0) {
        pausedFrom = b.disputeDate();
        resumes = pausedFrom.plusDays(model.investigationDays(draws));
        creditedInFull = model.disputeEndsInCreditMemo(draws);
      }
    }
    List<Step> met = new java.util.ArrayList<>();
    LocalDate previous = null;
    for (Step step : cadence) {
      LocalDate on = due.plusDays(step.dueOffset());
      if (previous != null && on.isBefore(previous)) {
        on = previous; // the loop takes its steps in order: a postponed one holds back those after it
      }
      if (pausedFrom != null && on.isBefore(b.payDate()) && !on.isBefore(pausedFrom) && on.isBefore(resumes)) {
        if (creditedInFull) {
          break;
        }
        on = resumes;
      }
      if (!on.isBefore(b.payDate())) {
        break;
      }
      if (step.contact() == Contact.CALL) {
        b.called(on);
      } else {
        b.contacted(step.contact(), on);
      }
      met.add(new Step((int) ChronoUnit.DAYS.between(due, on), step.contact()));
      previous = on;
    }
    return met;
  }

  /**
   * The patience factor (0.5 to 5) at which the replay pays as late as the history; bisection, the replay rises with it.
   * First, the on-time days the cadence's contacts before the due date brought forward are undone
   * ({@link BehaviourModel#undoingPreDueContacts}), as patience undoes the speed the contacts gave late payments.
   */
  public static BehaviourModel fitPatience(BehaviourModel model, List<InvoiceFact> history,
                                           Function<BehaviourModel.Habit, List<Step>> cadence, long seed) {
    model = model.undoingPreDueContacts(cadence);
    double target = meanDaysLate(history);
    double low = 0.5, high = 5.0;
    for (int i = 0; i < 30; i++) {
      double mid = (low + high) / 2;
      if (replayedMeanDaysLate(model.withPatience(mid), history, cadence, seed) < target) {
        low = mid;
      } else {
        high = mid;
      }
    }
    return model.withPatience(Math.round((low + high) / 2 * 1000) / 1000.0);
  }
}
