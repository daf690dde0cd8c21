package settle.credit.internal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;
import settle.credit.CreditExposure;
import settle.credit.CreditTasks;

/**
 * Gathers the credit decision's inputs from {@link CreditExposure} (the order being decided is recorded
 * before its process starts, so it is counted there) and how late the customer pays. The decision itself
 * is dmn/credit-decision.dmn.
 */
@Component
public class ComputeExposureWorker {

  private final CreditExposure exposure;

  ComputeExposureWorker(CreditExposure exposure) {
    this.exposure = exposure;
  }

  public record Exposure(String riskRating, BigDecimal creditLimit, BigDecimal openBalance, BigDecimal ordersNotInvoiced,
                         BigDecimal creditBalance, BigDecimal overdueAmount, BigDecimal exposure, BigDecimal exposureRatio,
                         int maxDaysPastDue) {}

  @JobWorker(type = CreditTasks.COMPUTE_EXPOSURE)
  public Exposure computeExposure(@Variable long customerId) {
    CreditExposure.Exposure e = exposure.of(customerId);
    return new Exposure(e.riskRating(), e.creditLimit(), e.openBalance(), e.ordersNotInvoiced(), e.creditBalance(),
        e.overdueAmount(), e.exposure(), e.ratio(), e.maxDaysPastDue());
  }
}
