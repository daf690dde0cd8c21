package settle.credit.internal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.springframework.stereotype.Component;
import settle.credit.CreditTasks;
import settle.customers.CustomerDirectory;
import settle.customers.CustomerView;
import settle.invoicing.CustomerBalance;
import settle.invoicing.Invoices;

/**
 * Gathers the credit decision's inputs: open balance plus this order against the limit, and how late
 * the customer pays. The decision itself is dmn/credit-decision.dmn.
 */
@Component
public class ComputeExposureWorker {

  /** A zero limit means no credit: any order is far beyond it, and the table sees a number, not a division error. */
  private static final BigDecimal NO_LIMIT_RATIO = BigDecimal.valueOf(999);

  private final CustomerDirectory customers;
  private final Invoices invoices;

  ComputeExposureWorker(CustomerDirectory customers, Invoices invoices) {
    this.customers = customers;
    this.invoices = invoices;
  }

  public record Exposure(String riskRating, BigDecimal creditLimit, BigDecimal openBalance, BigDecimal overdueAmount,
                  BigDecimal exposure, BigDecimal exposureRatio, int maxDaysPastDue) {}

  @JobWorker(type = CreditTasks.COMPUTE_EXPOSURE)
  public Exposure computeExposure(@Variable long customerId, @Variable BigDecimal orderAmount) {
    CustomerView customer = customers.get(customerId);
    CustomerBalance balance = invoices.balance(customerId, customer.currency());
    BigDecimal exposure = balance.openBalance().add(orderAmount);
    BigDecimal ratio = customer.creditLimit().signum() == 0 ? NO_LIMIT_RATIO
        : exposure.divide(customer.creditLimit(), 4, RoundingMode.HALF_EVEN);
    return new Exposure(customer.riskRating(), customer.creditLimit(), balance.openBalance(), balance.overdueAmount(),
        exposure, ratio, balance.maxDaysPastDue());
  }
}
