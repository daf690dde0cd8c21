package settle.tasks;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import settle.common.Money;
import settle.engine.EngineCommands;

/**
 * A task's place on the worklist: riskWeight × amount × (1 + days past due ÷ 30). The risk weight
 * comes from {@code dmn/task-priority.dmn}, so process owners tune it; amount and days past due are
 * read from the task's process variables (an invoice's open amount, a dispute's or order's amount).
 */
@Component
class TaskPriority {

  static final String DECISION = "task-priority";

  record Score(BigDecimal priority, Map<String, Object> inputs) {}

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TaskPriority.class);

  private final EngineCommands engine;

  TaskPriority(EngineCommands engine) {
    this.engine = engine;
  }

  Score score(Map<String, Object> variables) {
    BigDecimal amount = number(variables, "openAmount", "amount", "orderAmount");
    BigDecimal daysPastDue = number(variables, "daysFromDue", "maxDaysPastDue").max(BigDecimal.ZERO);
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("riskRating", variables.get("riskRating"));
    inputs.put("daysPastDue", daysPastDue);
    BigDecimal riskWeight;
    try {
      // a table with one output answers with the bare value
      riskWeight = new BigDecimal(engine.evaluateDecision(DECISION, inputs).getDecisionOutput());
    } catch (RuntimeException e) {
      // a task without its priority is better than a task nobody sees: weigh it 1 and say why in the log
      log.warn("{} could not be evaluated ({}); the task gets risk weight 1", DECISION, e.getMessage());
      riskWeight = BigDecimal.ONE;
    }
    BigDecimal priority = Money.of(riskWeight.multiply(amount)
        .multiply(BigDecimal.ONE.add(daysPastDue.divide(BigDecimal.valueOf(30), 6, RoundingMode.HALF_EVEN))));
    Map<String, Object> explained = new LinkedHashMap<>();
    explained.put("riskRating", String.valueOf(variables.get("riskRating")));
    explained.put("riskWeight", riskWeight);
    explained.put("amount", amount);
    explained.put("daysPastDue", daysPastDue);
    return new Score(priority, explained);
  }

  private static BigDecimal number(Map<String, Object> variables, String... names) {
    for (String name : names) {
      Object value = variables.get(name);
      if (value != null) {
        try {
          return new BigDecimal(String.valueOf(value));
        } catch (NumberFormatException e) {
          // not a number in this process; try the next name
        }
      }
    }
    return BigDecimal.ZERO;
  }
}
