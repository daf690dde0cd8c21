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
import settle.payments.CustomerCredit;

/**
 * Gathers the credit decision's inputs: open balance plus this order, less the credit balance the
 * customer holds with us, in the customer's currency, against the limit; and how late the customer pays.
 * The decision itself is dmn/credit-decision.dmn.
 */
@Component
public class ComputeExposureWorker {

  /** A zero limit means no credit: any order is far beyond it, and the table sees a number, not a division error. */
  private static final BigDecimal NO_LIMIT_RATIO = BigDecimal.valueOf(999);

  private final CustomerDirectory customers;
  private final Invoices invoices;
  private final CustomerCredit credit;

  ComputeExposureWorker(CustomerDirectory customers, Invoices invoices, CustomerCredit credit) {
    this.customers = customers;
    this.invoices = invoices;
    this.credit = credit;
  }

  public record Exposure(String riskRating, BigDecimal creditLimit, BigDecimal openBalance, BigDecimal creditBalance,
                  BigDecimal overdueAmount, BigDecimal exposure, BigDecimal exposureRatio, int maxDaysPastDue) {}

  @JobWorker(type = CreditTasks.COMPUTE_EXPOSURE)
  public Exposure computeExposure(@Variable long customerId, @Variable BigDecimal orderAmount) {
    CustomerView customer = customers.get(customerId);
    CustomerBalance balance = invoices.balance(customerId, customer.currency());
    // money we hold for the customer (unapplied cash, unused credit memos) in that currency lowers what they could owe us
    BigDecimal creditBalance = credit.balance(customerId, customer.currency());
    BigDecimal exposure = balance.openBalance().add(orderAmount).subtract(creditBalance);
    BigDecimal ratio = customer.creditLimit().signum() == 0 ? NO_LIMIT_RATIO
        : exposure.divide(customer.creditLimit(), 4, RoundingMode.HALF_EVEN);
    return new Exposure(customer.riskRating(), customer.creditLimit(), balance.openBalance(), creditBalance, balance.overdueAmount(),
        exposure, ratio, balance.maxDaysPastDue());
  }
}
