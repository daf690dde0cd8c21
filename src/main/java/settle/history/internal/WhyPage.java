package settle.history.internal;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import settle.history.DecisionEvaluation;
import settle.history.DecisionLineage;
import settle.history.Words;

/** "Why?": the decision behind a mail, a task's priority or any decision entry, in words, with the table version and row. */
@Controller
class WhyPage {

  private final DecisionLineage lineage;

  WhyPage(DecisionLineage lineage) {
    this.lineage = lineage;
  }

  /** One decision as people read it. */
  record Reason(String explanation, String decision, int version, String rule, Map<String, String> inputs, String decidedAt,
                Long processInstanceKey) {}

  @GetMapping("/why")
  String why(@RequestParam(required = false) Long decision, @RequestParam(required = false) String mail,
             @RequestParam(required = false) Long task, Model model) {
    List<DecisionEvaluation> found;
    String about;
    if (decision != null) {
      found = lineage.evaluation(decision).stream().toList();
      about = "this decision";
    } else if (mail != null) {
      found = lineage.behind("mailKey", mail);
      about = "this mail";
    } else if (task != null) {
      found = lineage.behind("taskId", String.valueOf(task));
      about = "this task's priority";
    } else {
      found = List.of();
      about = "nothing named";
    }
    model.addAttribute("about", about);
    model.addAttribute("reasons", found.stream().map(this::reason).toList());
    return "pages/why";
  }

  private Reason reason(DecisionEvaluation e) {
    Map<String, String> inputs = new java.util.LinkedHashMap<>();
    e.inputs().forEach((name, value) -> inputs.put(name, Words.value(value)));
    String rule = e.matchedRules().isEmpty() ? "no rule matched" : e.matchedRules().stream()
        .map(r -> "rule " + r.ruleIndex() + (r.annotation() == null ? "" : " “" + r.annotation() + "”")).reduce((a, b) -> a + ", " + b).orElseThrow();
    return new Reason(lineage.explain(e), e.decisionName() == null ? e.decisionId() : e.decisionName(), e.version(), rule, inputs,
        Words.when(e.evaluatedAt()), e.processInstanceKey());
  }
}
