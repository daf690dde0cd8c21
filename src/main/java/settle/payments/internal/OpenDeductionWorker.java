package settle.payments.internal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import org.springframework.stereotype.Component;
import settle.payments.CashApplication;

@Component
public class OpenDeductionWorker {

  private final ShortPays shortPays;

  OpenDeductionWorker(ShortPays shortPays) {
    this.shortPays = shortPays;
  }

  @JobWorker(type = CashApplication.OPEN_DEDUCTION, fetchVariables = {"lineId", "statedReason", "shortPayDecision"})
  public void openDeduction(@Variable long lineId, @Variable String statedReason, @Variable Map<String, Object> shortPayDecision) {
    shortPays.openDeduction(lineId, statedReason, String.valueOf(shortPayDecision.get("reason")));
  }
}
