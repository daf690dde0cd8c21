package settle.history.internal;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import settle.common.NotFoundException;
import settle.history.DecisionLineage;
import settle.history.InstanceSummary;
import settle.history.ProcessInstances;

@RestController
class ProcessInstanceController {

  private final ProcessInstances instances;
  private final DecisionLineage lineage;

  ProcessInstanceController(ProcessInstances instances, DecisionLineage lineage) {
    this.instances = instances;
    this.lineage = lineage;
  }

  @GetMapping("/api/process-instances")
  List<InstanceSummary> about(@RequestParam String subject) {
    return instances.about(subject);
  }

  @GetMapping("/api/process-instances/{key}/history")
  Map<String, Object> history(@PathVariable long key) {
    return instances.asJson(instances.history(key));
  }

  /** One decision as the audit records it, with its explanation in words. */
  @GetMapping("/api/decisions/{evaluationKey}")
  Map<String, Object> decision(@PathVariable long evaluationKey) {
    var evaluation = lineage.evaluation(evaluationKey).orElseThrow(() -> new NotFoundException("Decision evaluation", evaluationKey));
    Map<String, Object> out = new java.util.LinkedHashMap<>(evaluation.asDetails());
    out.put("processInstanceKey", evaluation.processInstanceKey());
    out.put("evaluatedAt", evaluation.evaluatedAt());
    out.put("why", lineage.explain(evaluation));
    return out;
  }
}
