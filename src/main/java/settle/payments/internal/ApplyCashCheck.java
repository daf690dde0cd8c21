package settle.payments.internal;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import settle.common.InvalidRequestException;
import settle.payments.CashApplication;
import settle.tasks.CompletionCheck;
import settle.tasks.TaskView;

/** The cash applier's choice is checked against the line before the task completes, by the rules that post it. */
@Component
class ApplyCashCheck implements CompletionCheck {

  private final ManualApplication manual;

  ApplyCashCheck(ManualApplication manual) {
    this.manual = manual;
  }

  @Override
  public void check(TaskView task, Map<String, Object> choice) {
    if (!CashApplication.PROCESS_ID.equals(task.bpmnProcessId()) || !CashApplication.APPLY_CASH.equals(task.taskType())
        || !(task.variables().get("lineId") instanceof Number lineId) || choice.get("action") == null) {
      return;
    }
    Object customer = choice.get("customerId");
    ManualApplication.Refusal refused = manual.check(lineId.longValue(), new ManualApplication.Decision(
        ManualApplication.Action.valueOf(String.valueOf(choice.get("action")).toUpperCase(Locale.ROOT)),
        (String) choice.get("invoiceNumbers"),
        customer == null ? null : new BigDecimal(String.valueOf(customer)).longValueExact(),
        (String) choice.get("notes"), CashApplication.ACTOR));
    if (refused != null) {
      throw new InvalidRequestException(refused.field(), refused.message());
    }
  }
}
