package settle.tasks.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import settle.policy.UnhandledAnswer;
import settle.tasks.Inbox;

/**
 * A decision answered what its process cannot handle: the process owners get a task, in the place of the
 * step that holds the answer (same key), saying which decision, with which inputs, answered what, and what
 * the process handles. The process waits; completing the task asks the corrected table again.
 */
@Component
class UnhandledAnswerTasks {

  static final String GROUP = "process-owners";

  private final Inbox inbox;

  UnhandledAnswerTasks(Inbox inbox) {
    this.inbox = inbox;
  }

  /** The inputs as the task page lists them: "Max days past due" → "12". */
  static List<Map<String, String>> inWords(Map<String, Object> inputs) {
    List<Map<String, String>> facts = new ArrayList<>();
    inputs.forEach((name, value) -> facts.add(Map.of("label", label(name), "value", value(value))));
    return facts;
  }

  private static String label(String name) {
    String words = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private static String value(Object value) {
    if (value == null) {
      return "none";
    }
    if (value instanceof Map<?, ?> map) {
      List<String> parts = new ArrayList<>();
      map.forEach((k, v) -> parts.add(label(String.valueOf(k)).toLowerCase(java.util.Locale.ROOT) + " " + value(v)));
      return String.join(", ", parts);
    }
    return value instanceof java.math.BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(value);
  }

  @EventListener
  void open(UnhandledAnswer answer) {
    List<String> what = new ArrayList<>();
    answer.unhandled().forEach((output, why) -> what.add(output + " " + why));
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("decision", answer.decisionId());
    variables.put("decisionName", answer.decisionName());
    variables.put("resultVariable", answer.resultVariable());
    variables.put("inputs", answer.inputs());
    variables.put("answer", answer.answer());
    variables.put("unhandled", answer.unhandled());
    variables.put("decisionInputs", inWords(answer.inputs()));
    variables.put("problem", answer.decisionName() + " gave an answer the process cannot handle: " + String.join("; ", what)
        + ". The process waits here. Correct the table and deploy it, then complete this task: the table is asked again.");
    inbox.open(new Inbox.NewTask(answer.jobKey(), "Correct the " + answer.decisionName().toLowerCase(java.util.Locale.ROOT)
        + " table", Inbox.UNHANDLED_ANSWER, answer.bpmnProcessId(), answer.processInstanceKey(), List.of(GROUP),
        answer.subject(), variables, "note:text"));
  }
}
