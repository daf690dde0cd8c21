package settle.payments.internal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Locale;
import org.springframework.stereotype.Component;
import settle.payments.CashApplication;

/** Posts what the cash applier chose; {@code problem} says why it could not, and the task comes back. */
@Component
public class PostManualMatchWorker {

  private final ManualApplication manual;

  PostManualMatchWorker(ManualApplication manual) {
    this.manual = manual;
  }

  public record Posted(String problem) {}

  @JobWorker(type = CashApplication.POST_MANUAL_MATCH,
      fetchVariables = {"lineId", "action", "invoiceNumbers", "customerId", "notes", "completedBy"})
  public Posted postManualMatch(@Variable long lineId, @Variable String action, @Variable String invoiceNumbers,
                                @Variable Object customerId, @Variable String notes, @Variable String completedBy) {
    ManualApplication.Action chosen = ManualApplication.Action.valueOf(action.toUpperCase(Locale.ROOT));
    Long customer = customerId == null || String.valueOf(customerId).isBlank() ? null
        : new java.math.BigDecimal(String.valueOf(customerId)).longValueExact();
    return new Posted(manual.post(lineId, new ManualApplication.Decision(chosen, invoiceNumbers, customer, notes,
        completedBy == null ? CashApplication.ACTOR : completedBy)));
  }
}
