package settle.simulation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import settle.common.Doubles;

/**
 * What one run (one policy, one seed) came to, every figure from the scratch ledger; DSO, countback DSO, CEI and the
 * promise-kept rate by settle.metrics over the run's period.
 *
 * @param label           the run's name (its customers' account owner in the scratch ledger)
 * @param invoices        invoices issued in the run
 * @param lateShare       of the invoices due by the end, the share not paid by their due date
 * @param monthlyDso      standard DSO of each whole calendar month of the period, in order
 * @param cashPerWeek     payments received per week of the period (value date), from the first day
 * @param collectorHours  the tasks' minutes by the minutes-per-task table, in hours
 * @param escalations     escalation tasks opened
 * @param handedOver      invoices handed to the agency or legal
 * @param writtenOff      amount written off
 */
public record RunFigures(String label, long seed, LocalDate from, LocalDate to, int customers, int invoices,
                         BigDecimal dso, BigDecimal dsoCountback, BigDecimal cei, BigDecimal promiseKeptRate,
                         double lateShare, List<BigDecimal> monthlyDso, List<BigDecimal> cashPerWeek, long mails,
                         long calls, long tasks, double collectorHours, long disputes, long holds, long escalations,
                         long handedOver, BigDecimal writtenOff, long promises, String populationFingerprint) {

  public double mailsPerInvoice() {
    return invoices == 0 ? 0 : (double) mails / invoices;
  }

  public double callsPerInvoice() {
    return invoices == 0 ? 0 : (double) calls / invoices;
  }

  public double tasksPerInvoice() {
    return invoices == 0 ? 0 : (double) tasks / invoices;
  }

  /** Mean of the monthly DSO figures, null without a whole month. */
  public Double meanMonthlyDso() {
    return monthlyDso.isEmpty() ? null
        : Doubles.mean(monthlyDso, d -> d == null ? Double.NaN : d.doubleValue(), 0);
  }
}
