package settle.payments.internal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.springframework.stereotype.Component;
import settle.payments.CashApplication;

/** The difference, the reason stated, and what customer-segmentation needs: the inputs of short-pay-tolerance. */
@Component
public class AssessShortPayWorker {

  private final ShortPays shortPays;

  AssessShortPayWorker(ShortPays shortPays) {
    this.shortPays = shortPays;
  }

  @JobWorker(type = CashApplication.ASSESS_SHORT_PAY, fetchVariables = {"lineId"})
  public ShortPays.Assessment assessShortPay(@Variable long lineId) {
    return shortPays.assess(lineId);
  }
}
