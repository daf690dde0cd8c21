package settle.tasks;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import settle.common.Money;
import settle.engine.EngineCommands;
import settle.history.DecisionEvaluation;
import settle.history.DecisionLineage;
import io.camunda.client.api.response.EvaluateDecisionResponse;

/**
 * A task's place on the worklist: riskWeight × amount × (1 + days past due ÷ 30). The risk weight
 * comes from {@code dmn/task-priority.dmn}, so process owners tune it; the amount is read from the
 * task's process variables (an invoice's open amount, a dispute's or order's amount), and the days
 * past due are counted from the invoice's due date to the day the task opens.
 */
@Component
class TaskPriority {

  static final String DECISION = "task-priority";

  /**
   * {@code problem} is set when the table could not weigh the task; then {@code priority} is zero. {@code decision} is
   * the table's evaluation (null if the engine gave none), for the audit and the "why" of the priority.
   */
  record Score(BigDecimal priority, Map<String, Object> inputs, String problem, DecisionEvaluation decision) {}

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TaskPriority.class);

  private final EngineCommands engine;
  private final DecisionLineage lineage;
  private final Clock clock;

  TaskPriority(EngineCommands engine, DecisionLineage lineage, Clock clock) {
    this.engine = engine;
    this.lineage = lineage;
    this.clock = clock;
  }

  Score score(Map<String, Object> variables) {
    BigDecimal amount = number(variables, "openAmount", "amount", "orderAmount");
    BigDecimal daysPastDue = daysPastDue(variables);
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("riskRating", variables.get("riskRating"));
    inputs.put("daysPastDue", daysPastDue);
    Map<String, Object> explained = new LinkedHashMap<>();
    explained.put("riskRating", String.valueOf(variables.get("riskRating")));
    BigDecimal riskWeight;
    DecisionEvaluation decision = null;
    try {
      // a table with one output answers with the bare value; no matching row answers null
      EvaluateDecisionResponse response = engine.evaluateDecision(DECISION, inputs);
      decision = lineage.of(response);
      String output = response.getDecisionOutput();
      if (output == null || output.isBlank() || output.equals("null")) {
        throw new IllegalStateException("no row matched risk rating " + variables.get("riskRating") + ", " + daysPastDue + " days past due");
      }
      riskWeight = new BigDecimal(output);
    } catch (RuntimeException e) {
      // Not a made-up weight: the task still opens (work must not vanish), but flagged and ranked first,
      // so people see it and the table gets fixed; the audit records the failure as a failure.
      String problem = DECISION + " could not weigh this task: " + e.getMessage();
      log.error(problem);
      explained.put("amount", amount);
      explained.put("daysPastDue", daysPastDue);
      return new Score(Money.of(BigDecimal.ZERO), explained, problem, decision);
    }
    BigDecimal priority = Money.of(riskWeight.multiply(amount)
        .multiply(BigDecimal.ONE.add(daysPastDue.divide(BigDecimal.valueOf(30), 6, RoundingMode.HALF_EVEN))));
    explained.put("riskWeight", riskWeight);
    explained.put("amount", amount);
    explained.put("daysPastDue", daysPastDue);
    return new Score(priority, explained, null, decision);
  }

  /** From the invoice's due date to today (the day the task opens); an order's credit check carries its oldest overdue days. */
  private BigDecimal daysPastDue(Map<String, Object> variables) {
    Object dueDate = variables.get("dueDate");
    if (dueDate != null) {
      long days = ChronoUnit.DAYS.between(LocalDate.parse(dueDate.toString()), LocalDate.now(clock));
      return BigDecimal.valueOf(Math.max(days, 0));
    }
    return number(variables, "maxDaysPastDue").max(BigDecimal.ZERO);
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
