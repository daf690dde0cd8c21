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
      for (Step step : cadence.apply(profile.habit())) {
        LocalDate on = f.due().plusDays(step.dueOffset());
        if (!on.isBefore(b.payDate())) {
          break;
        }
        if (step.contact() == Contact.CALL) {
          b.called(on);
        } else {
          b.contacted(step.contact(), on);
        }
      }
      sum += ChronoUnit.DAYS.between(f.due(), b.payDate());
      n++;
    }
    return n == 0 ? 0 : (double) sum / n;
  }

  /** The patience factor (0.5 to 5) at which the replay pays as late as the history; bisection, the replay rises with it. */
  public static BehaviourModel fitPatience(BehaviourModel model, List<InvoiceFact> history,
                                           Function<BehaviourModel.Habit, List<Step>> cadence, long seed) {
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
