package settle.workspace.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import settle.common.NotFoundException;
import settle.customers.CustomerDirectory;
import settle.disputes.Disputes;
import settle.history.DecisionEvaluation;
import settle.history.DecisionLineage;
import settle.history.InstanceHistory;
import settle.history.InstanceSummary;
import settle.history.ModelXml;
import settle.history.ProcessHistory;
import settle.history.ProcessInstances;
import settle.history.Words;
import settle.invoicing.Invoices;
import settle.orders.Orders;

/** The path a process instance took, drawn on its diagram, and the instances about one invoice, order or dispute. */
@Controller
class ProcessInstancePages {

  /** Variables that only wire the process together (record ids, engine keys, the audit's subject): not for people. */
  private static boolean plumbing(String name) {
    return name.equals("auditSubject") || name.endsWith("Id") || name.endsWith("Ids") || name.endsWith("Key");
  }

  private final ProcessInstances instances;
  private final ProcessHistory history;
  private final DecisionLineage lineage;
  private final Invoices invoices;
  private final Orders orders;
  private final Disputes disputes;
  private final CustomerDirectory customers;
  private final ObjectMapper json;

  ProcessInstancePages(ProcessInstances instances, ProcessHistory history, DecisionLineage lineage, Invoices invoices, Orders orders,
                       Disputes disputes, CustomerDirectory customers, ObjectMapper json) {
    this.instances = instances;
    this.history = history;
    this.lineage = lineage;
    this.invoices = invoices;
    this.orders = orders;
    this.disputes = disputes;
    this.customers = customers;
    this.json = json;
  }

  record Listed(long key, String process, String version, String state, String started, String ended) {}

  record Step(int order, String elementId, String name, String kind, String started, String ended, String state,
              List<String> variables, List<Decided> decisions, String incident, boolean container) {}

  /** Elements that hold others: they are "waiting" while anything inside waits, so the inner step says where. */
  private static final java.util.Set<String> CONTAINERS = java.util.Set.of("SUB_PROCESS", "EVENT_SUB_PROCESS", "MULTI_INSTANCE_BODY",
      "AD_HOC_SUB_PROCESS");

  record Decided(long evaluationKey, String explanation) {}

  @GetMapping("/process-instances")
  String list(@RequestParam(required = false) String subject, Model model) {
    if (subject == null || subject.isBlank()) {
      // processes are listed about something (an invoice, a dispute): the audit workspace is where one is found
      return "redirect:/audit";
    }
    List<Listed> listed = instances.about(subject).stream().map(i -> new Listed(i.processInstanceKey(), processName(i),
        "version " + i.version(), state(i.state()), Words.when(i.startedAt()), Words.when(i.endedAt()))).toList();
    model.addAttribute("about", subjectWords(subject));
    model.addAttribute("instances", listed);
    return "pages/process-instances";
  }

  @GetMapping("/process-instances/{key}")
  String show(@PathVariable long key, Model model) throws JsonProcessingException {
    InstanceHistory h = instances.history(key);
    Map<String, String> names = history.processXml(h.instance().processDefinitionKey()).map(ModelXml::elementNames).orElse(Map.of());
    Map<Long, List<String>> setBy = new HashMap<>();
    for (InstanceHistory.VariableSet v : h.variables()) {
      if (!plumbing(v.name())) {
        setBy.computeIfAbsent(v.setBy(), k -> new ArrayList<>()).add(Words.label(v.name()) + ": " + Words.value(parse(v.value())));
      }
    }
    Map<Long, List<Decided>> decidedAt = new HashMap<>();
    for (DecisionEvaluation d : h.decisions()) {
      if (d.elementInstanceKey() != null) {
        decidedAt.computeIfAbsent(d.elementInstanceKey(), k -> new ArrayList<>()).add(new Decided(d.evaluationKey(), lineage.explain(d)));
      }
    }
    Map<Long, String> incidents = new HashMap<>();
    h.incidents().stream().filter(i -> !i.resolved()).forEach(i -> incidents.put(i.elementInstanceKey(), i.errorMessage()));
    List<Step> steps = new ArrayList<>();
    List<Map<String, Object>> marks = new ArrayList<>();
    for (InstanceHistory.Element e : h.elements()) {
      String name = e.elementName() != null ? e.elementName() : names.getOrDefault(e.elementId(), Words.label(e.elementId()));
      steps.add(new Step(steps.size() + 1, e.elementId(), name, kind(e.elementType()), Words.when(e.startedAt()), Words.when(e.endedAt()),
          state(e.state()), setBy.getOrDefault(e.elementInstanceKey(), List.of()), decidedAt.getOrDefault(e.elementInstanceKey(), List.of()),
          incidents.get(e.elementInstanceKey()), CONTAINERS.contains(e.elementType())));
      if (CONTAINERS.contains(e.elementType()) && !incidents.containsKey(e.elementInstanceKey())) {
        continue;
      }
      Map<String, Object> mark = new LinkedHashMap<>();
      mark.put("elementId", e.elementId());
      mark.put("order", steps.getLast().order());
      mark.put("at", Words.when(e.startedAt()));
      mark.put("active", e.endedAt() == null);
      mark.put("incident", incidents.containsKey(e.elementInstanceKey()));
      marks.add(mark);
    }
    List<String> started = setBy.getOrDefault(key, List.of());
    Map<String, Object> root = rootVariables(h);
    model.addAttribute("process", processName(h.instance()));
    model.addAttribute("instance", h.instance());
    model.addAttribute("state", state(h.instance().state()));
    model.addAttribute("started", Words.when(h.instance().startedAt()));
    model.addAttribute("ended", Words.when(h.instance().endedAt()));
    model.addAttribute("about", about(root));
    model.addAttribute("startVariables", started);
    model.addAttribute("steps", steps);
    model.addAttribute("waitingAt", steps.stream().filter(s -> s.ended().isEmpty() && !s.container()).map(Step::name).toList());
    model.addAttribute("incidents", h.incidents().stream().map(i -> names.getOrDefault(i.elementId(), i.elementId()) + ": "
        + i.errorMessage() + (i.resolved() ? " (resolved)" : "") + " · " + Words.when(i.createdAt())).toList());
    model.addAttribute("children", h.children().stream().map(c -> new Listed(c.processInstanceKey(), processName(c), "version " + c.version(),
        state(c.state()), Words.when(c.startedAt()), Words.when(c.endedAt()))).toList());
    model.addAttribute("parent", h.instance().parentProcessInstanceKey());
    model.addAttribute("marks", json.writeValueAsString(marks));
    return "pages/process-instance";
  }

  /** The BPMN of the version the instance ran, for the diagram. */
  @GetMapping(value = "/process-instances/{key}/diagram", produces = MediaType.TEXT_XML_VALUE)
  ResponseEntity<String> diagram(@PathVariable long key) {
    InstanceHistory h = instances.history(key);
    return ResponseEntity.ok(history.processXml(h.instance().processDefinitionKey())
        .orElseThrow(() -> new NotFoundException("The diagram of process instance", key)));
  }

  private Map<String, Object> rootVariables(InstanceHistory h) {
    Map<String, Object> root = new HashMap<>();
    h.variables().stream().filter(v -> v.scopeKey() == h.instance().processInstanceKey()).forEach(v -> root.put(v.name(), parse(v.value())));
    return root;
  }

  /** Which invoice, order or dispute of which customer the instance is about, in words. */
  private String about(Map<String, Object> root) {
    try {
      if (root.get("disputeId") instanceof Number id) {
        var d = disputes.get(id.longValue());
        return "Dispute about invoice " + invoices.get(d.invoiceId()).number() + " of " + customers.get(d.customerId()).name();
      }
      if (root.get("invoiceId") instanceof Number id) {
        var i = invoices.get(id.longValue());
        return "Invoice " + i.number() + " of " + customers.get(i.customerId()).name();
      }
      if (root.get("orderId") instanceof Number id) {
        var o = orders.get(id.longValue());
        return "Order " + o.number() + " of " + customers.get(o.customerId()).name();
      }
    } catch (NotFoundException e) {
      // the record is gone; the path still shows
    }
    return "";
  }

  private String subjectWords(String subject) {
    String[] parts = subject.split(":", 2);
    return about(Map.of(parts[0] + "Id", Long.parseLong(parts[1])));
  }

  private String processName(InstanceSummary i) {
    return history.processXml(i.processDefinitionKey()).map(ModelXml::elementNames).map(n -> n.get(i.bpmnProcessId()))
        .orElse(Words.label(i.bpmnProcessId()));
  }

  private static String state(String state) {
    return switch (state) {
      case "ACTIVE" -> "running";
      case "COMPLETED" -> "finished";
      case "TERMINATED" -> "ended early";
      default -> state.toLowerCase(Locale.ROOT);
    };
  }

  private static String kind(String type) {
    return switch (type) {
      case "START_EVENT" -> "Start";
      case "END_EVENT" -> "End";
      case "SERVICE_TASK", "SEND_TASK", "SCRIPT_TASK" -> "Automatic step";
      case "USER_TASK" -> "Task for a person";
      case "BUSINESS_RULE_TASK" -> "Decision by a policy table";
      case "EXCLUSIVE_GATEWAY", "INCLUSIVE_GATEWAY" -> "Question";
      case "PARALLEL_GATEWAY" -> "Split or join";
      case "EVENT_BASED_GATEWAY" -> "Waiting for the first of several events";
      case "INTERMEDIATE_CATCH_EVENT", "RECEIVE_TASK" -> "Waiting";
      case "INTERMEDIATE_THROW_EVENT" -> "Event";
      case "BOUNDARY_EVENT" -> "Interruption";
      case "CALL_ACTIVITY" -> "Called process";
      case "SUB_PROCESS", "EVENT_SUB_PROCESS" -> "Part of the process";
      case "MULTI_INSTANCE_BODY" -> "Repeated step";
      default -> Words.label(type.toLowerCase(Locale.ROOT));
    };
  }

  private Object parse(String value) {
    try {
      return json.readValue(value, Object.class);
    } catch (JsonProcessingException e) {
      return value;
    }
  }
}
