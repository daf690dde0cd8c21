package settle.payments.internal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import org.springframework.stereotype.Component;
import settle.payments.CashApplication;

@Component
public class AskCustomerAboutShortPayWorker {

  private final ShortPays shortPays;

  AskCustomerAboutShortPayWorker(ShortPays shortPays) {
    this.shortPays = shortPays;
  }

  @JobWorker(type = CashApplication.ASK_CUSTOMER_ABOUT_SHORT_PAY, fetchVariables = {"lineId", "shortPayDecision"})
  public void askCustomerAboutShortPay(@Variable long lineId, @Variable Map<String, Object> shortPayDecision) {
    shortPays.askCustomer(lineId, String.valueOf(shortPayDecision.get("reason")));
  }
}
