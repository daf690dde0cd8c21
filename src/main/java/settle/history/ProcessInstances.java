package settle.history;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import settle.common.InvalidRequestException;
import settle.common.NotFoundException;

/** The history of process instances for people and for outside checks, read through the {@link ProcessHistory} port. */
@Service
public class ProcessInstances {

  /** What a subject's kind is called in the processes' variables: {@code invoice:42} is the instance holding invoiceId 42. */
  private static final Map<String, String> SUBJECT_VARIABLES = Map.of("invoice", "invoiceId", "order", "orderId",
      "dispute", "disputeId", "statement", "statementId", "customer", "customerId");

  private final ProcessHistory history;
  private final DecisionLineage lineage;

  ProcessInstances(ProcessHistory history, DecisionLineage lineage) {
    this.history = history;
    this.lineage = lineage;
  }

  public InstanceHistory history(long processInstanceKey) {
    history.catchUp();
    InstanceHistory found = history.instance(processInstanceKey)
        .orElseThrow(() -> new NotFoundException("Process instance", processInstanceKey));
    return new InstanceHistory(found.instance(), found.elements(), found.variables(), found.incidents(),
        found.decisions().stream().map(lineage::annotated).toList(), found.children());
  }

  /** The instances about {@code invoice:42}, {@code order:7}, {@code dispute:3}, {@code statement:5} or {@code customer:2}. */
  public List<InstanceSummary> about(String subject) {
    String[] parts = subject == null ? new String[0] : subject.split(":", 2);
    if (parts.length != 2 || !SUBJECT_VARIABLES.containsKey(parts[0]) || !parts[1].matches("[0-9]{1,18}")) {
      throw new InvalidRequestException("subject", "subject must look like invoice:42, order:7, dispute:3, statement:5 or customer:2");
    }
    history.catchUp();
    return history.instancesWith(SUBJECT_VARIABLES.get(parts[0]), parts[1]);
  }

  /** The contract outside checks read: the instance, the elements it passed in order, its decisions and called instances. */
  public Map<String, Object> asJson(InstanceHistory h) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("processInstanceKey", h.instance().processInstanceKey());
    out.put("bpmnProcessId", h.instance().bpmnProcessId());
    out.put("version", h.instance().version());
    out.put("state", h.instance().state());
    out.put("startedAt", h.instance().startedAt());
    out.put("endedAt", h.instance().endedAt());
    out.put("parentProcessInstanceKey", h.instance().parentProcessInstanceKey());
    out.put("elements", h.elements().stream().map(e -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("elementInstanceKey", e.elementInstanceKey());
      m.put("elementId", e.elementId());
      m.put("elementName", e.elementName());
      m.put("elementType", e.elementType());
      m.put("startedAt", e.startedAt());
      m.put("endedAt", e.endedAt());
      m.put("state", e.state());
      return m;
    }).toList());
    out.put("decisions", h.decisions().stream().map(d -> {
      Map<String, Object> m = new LinkedHashMap<>(d.asDetails());
      m.put("elementId", d.elementId());
      m.put("elementInstanceKey", d.elementInstanceKey());
      m.put("evaluatedAt", d.evaluatedAt());
      m.put("why", lineage.explain(d));
      return m;
    }).toList());
    out.put("variables", h.variables());
    out.put("incidents", h.incidents());
    out.put("children", h.children().stream().map(InstanceSummary::processInstanceKey).toList());
    return out;
  }
}
