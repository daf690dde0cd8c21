package settle.payments.internal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import org.springframework.stereotype.Component;
import settle.payments.CashApplication;

@Component
public class WriteOffShortPayWorker {

  private final ShortPays shortPays;

  WriteOffShortPayWorker(ShortPays shortPays) {
    this.shortPays = shortPays;
  }

  @JobWorker(type = CashApplication.WRITE_OFF_SHORT_PAY, fetchVariables = {"lineId", "shortPayDecision"})
  public void writeOffShortPay(@Variable long lineId, @Variable Map<String, Object> shortPayDecision) {
    shortPays.writeOff(lineId, String.valueOf(shortPayDecision.get("reason")));
  }
}
