package settle.models.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import settle.common.InvalidRequestException;
import settle.engine.DeployedModel;
import settle.engine.ModelDeployments;
import settle.models.LiveDecisionInputs;
import settle.models.LiveDecisionInputs.LiveCase;
import settle.models.internal.ModelXml.Column;
import settle.policy.DecisionTable;
import settle.models.internal.ModelXml.Table;

/**
 * What an edited decision table would change, before it is deployed: the checks a table must pass, its policy
 * cases, and the table in force and the edit evaluated side by side over today's live inputs. Deploys nothing.
 */
@Component
class ImpactPreview {

  private static final int EXAMPLES = 5;

  record Cases(int passed, List<String> failed) {}

  record Change(String from, String to, int count) {}

  record Example(String subject, String before, String after) {}

  record Preview(String decisionId, String decisionName, String resourceName, int currentVersion, List<String> lint,
                 Cases cases, String population, int evaluated, int changed, List<Change> changes, List<Example> examples) {
    public boolean deployable() {
      return lint.isEmpty() && cases.failed().isEmpty();
    }
  }

  /** The edited file and the deployed table it replaces. */
  record Edit(String xml, Table table, DeployedModel deployed, String deployedXml, Table deployedTable) {}

  private final ModelDeployments deployments;
  private final TableEngine tables;
  private final PolicyCases policyCases;
  private final List<LiveDecisionInputs> live;

  ImpactPreview(ModelDeployments deployments, TableEngine tables, PolicyCases policyCases, List<LiveDecisionInputs> live) {
    this.deployments = deployments;
    this.tables = tables;
    this.policyCases = policyCases;
    this.live = live;
  }

  /** Reads an uploaded table and finds the deployed one it edits; a file that is neither is refused, naming it. */
  Edit read(byte[] file) {
    if (file == null || file.length == 0) {
      throw new InvalidRequestException("file", "file is empty: upload the edited .dmn file");
    }
    String xml = new String(file, StandardCharsets.UTF_8);
    List<Table> edited;
    try {
      edited = ModelXml.tables(xml);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("file", "file is not a DMN file: " + e.getMessage());
    }
    if (edited.isEmpty()) {
      throw new InvalidRequestException("file", "file holds no decision table");
    }
    Table table = edited.getFirst();
    for (DeployedModel m : deployments.current()) {
      if (m.kind() != DeployedModel.Kind.DMN) {
        continue;
      }
      String deployedXml = deployments.content(m.id());
      Optional<Table> same = ModelXml.tables(deployedXml).stream().filter(t -> t.decisionId().equals(table.decisionId())).findFirst();
      if (same.isPresent()) {
        return new Edit(xml, table, m, deployedXml, same.get());
      }
    }
    throw new InvalidRequestException("file", "file decides “" + table.decisionId() + "”, which no deployed table decides");
  }

  /** {@code cases}: the table's edited CSV of cases, if the process owner changed them with the table; else the jar's. */
  Preview preview(byte[] file, byte[] cases) {
    Edit edit = read(file);
    Table table = edit.table();
    List<String> lint = new ArrayList<>();
    TableEngine.Parsed parsed = tables.parse(edit.xml());
    if (!parsed.ok()) {
      lint.add("The table does not parse: " + parsed.failure());
    }
    if (!ModelXml.hasDiagram(edit.xml())) {
      lint.add("The file has no DMNDI (diagram information): Camunda Modeler cannot draw its decisions.");
    }
    lint.addAll(unknownOutputs(edit.deployedTable(), table));
    DecisionTable policy = DecisionTable.parse(edit.deployed().resourceName(), file);
    lint.addAll(policy.unhandledAnswers().stream().map(ImpactPreview::sentence).toList());
    Cases caseResults = parsed.ok() ? policyCases.run(policy, parsed, cases) : new Cases(0, List.of());

    LiveDecisionInputs inputs = live.stream().filter(l -> l.decisionId().equals(table.decisionId())).findFirst().orElse(null);
    List<Change> changes = new ArrayList<>();
    List<Example> examples = new ArrayList<>();
    int evaluated = 0;
    int changed = 0;
    if (parsed.ok() && inputs != null) {
      TableEngine.Parsed current = tables.parse(edit.deployedXml());
      List<String> names = table.outputs().stream().map(Column::name).toList();
      Map<List<String>, Integer> counted = new LinkedHashMap<>();
      for (LiveCase c : inputs.today()) {
        evaluated++;
        Map<String, Object> before = answer(current, edit.deployedTable(), c);
        Map<String, Object> after = answer(parsed, table, c);
        if (Objects.equals(before, after)) {
          continue;
        }
        changed++;
        Set<String> differing = new LinkedHashSet<>();
        for (String name : names) {
          if (before == null || after == null || !Objects.equals(before.get(name), after.get(name))) {
            differing.add(name);
          }
        }
        String from = describe(before, table, differing);
        String to = describe(after, table, differing);
        counted.merge(List.of(from, to), 1, Integer::sum);
        if (examples.size() < EXAMPLES) {
          examples.add(new Example(c.subject(), from, to));
        }
      }
      counted.forEach((k, n) -> changes.add(new Change(k.get(0), k.get(1), n)));
      changes.sort((a, b) -> Integer.compare(b.count(), a.count()));
    }
    return new Preview(table.decisionId(), table.decisionName(), edit.deployed().resourceName(), edit.deployed().version(), lint,
        caseResults,
        inputs == null ? null : inputs.population(), evaluated, changed, changes, examples);
  }

  private Map<String, Object> answer(TableEngine.Parsed parsed, Table table, LiveCase c) {
    try {
      return tables.evaluate(parsed, table.decisionId(), table.outputs().stream().map(Column::name).toList(), c.inputs());
    } catch (IllegalArgumentException e) {
      Map<String, Object> failed = new LinkedHashMap<>();
      failed.put("failure", e.getMessage());
      return failed;
    }
  }

  /** The answer in words: its first output, then every other output that differs between the two versions. */
  static String describe(Map<String, Object> answer, Table table, Set<String> differing) {
    if (answer == null) {
      return "no rule matches";
    }
    if (answer.containsKey("failure")) {
      return "the table fails: " + answer.get("failure");
    }
    List<String> parts = new ArrayList<>();
    List<Column> outputs = table.outputs();
    for (int i = 0; i < outputs.size(); i++) {
      Column o = outputs.get(i);
      if (i == 0) {
        parts.add(words(answer.get(o.name())));
      } else if (differing.contains(o.name())) {
        parts.add(o.label().toLowerCase(Locale.ENGLISH) + " " + words(answer.get(o.name())));
      }
    }
    return String.join(", ", parts);
  }

  static String words(Object value) {
    if (value == null || "".equals(value)) {
      return "none";
    }
    if (value instanceof Boolean b) {
      return b ? "yes" : "no";
    }
    if (value instanceof java.math.BigDecimal d) {
      return d.toPlainString();
    }
    String s = value.toString();
    if (s.matches("[A-Z][A-Z0-9_]*")) {
      String lower = s.replace('_', ' ').toLowerCase(Locale.ENGLISH);
      return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
    return s;
  }

  /** Output columns the processes cannot take: one they do not read, or one they read that is gone. */
  static List<String> unknownOutputs(Table current, Table edited) {
    List<String> found = new ArrayList<>();
    for (Column o : edited.outputs()) {
      if (current.outputs().stream().noneMatch(c -> c.name().equals(o.name()))) {
        found.add("Output “" + o.label() + "” is new: no process reads it.");
      }
    }
    for (Column c : current.outputs()) {
      if (edited.outputs().stream().noneMatch(o -> o.name().equals(c.name()))) {
        found.add("Output “" + c.label() + "” is gone: the processes read it.");
      }
    }
    return found;
  }

  private static String sentence(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1) + ".";
  }
}
