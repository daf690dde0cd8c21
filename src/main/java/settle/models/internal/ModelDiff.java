package settle.models.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import settle.models.internal.ModelXml.Column;
import settle.models.internal.ModelXml.FlowElement;
import settle.models.internal.ModelXml.Rule;
import settle.models.internal.ModelXml.Table;

/** The differences between two versions of a model, in the words of the model: rules and cells, steps and flows. */
record ModelDiff(List<String> added, List<String> removed, List<Change> changed) {

  record Cell(String column, String before, String after) {}

  record Change(String what, List<Cell> cells) {}

  public boolean isEmpty() {
    return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
  }

  /** Rules are matched by id (Modeler keeps a rule's id when its cells change); cells by column label. */
  static ModelDiff ofTables(String before, String after) {
    List<String> added = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    List<Change> changed = new ArrayList<>();
    Map<String, Table> old = new HashMap<>();
    ModelXml.tables(before).forEach(t -> old.put(t.decisionId(), t));
    for (Table now : ModelXml.tables(after)) {
      Table was = old.remove(now.decisionId());
      if (was == null) {
        added.add("Decision “" + now.decisionName() + "” with " + now.rules().size() + " rules");
        continue;
      }
      columns(was.inputs(), now.inputs(), "input", added, removed);
      columns(was.outputs(), now.outputs(), "output", added, removed);
      if (!was.hitPolicy().equals(now.hitPolicy())) {
        changed.add(new Change("The table's hit policy", List.of(new Cell("Hit policy", was.hitPolicy(), now.hitPolicy()))));
      }
      Map<String, Rule> oldRules = new HashMap<>();
      was.rules().forEach(r -> oldRules.put(r.id(), r));
      for (Rule rule : now.rules()) {
        Rule previous = oldRules.remove(rule.id());
        if (previous == null) {
          added.add(rule.title() + ": " + ModelXml.cells(now.inputs(), rule.inputs()) + " → "
              + ModelXml.cells(now.outputs(), rule.outputs()));
          continue;
        }
        List<Cell> cells = new ArrayList<>();
        cells(was.inputs(), previous.inputs(), now.inputs(), rule.inputs(), cells);
        cells(was.outputs(), previous.outputs(), now.outputs(), rule.outputs(), cells);
        if (!previous.description().equals(rule.description())) {
          cells.add(new Cell("Description", previous.description(), rule.description()));
        }
        // only a move among the rules both versions have matters (with "first match wins", order decides)
        int wasRank = common(was.rules(), now.rules()).indexOf(rule.id());
        int nowRank = common(now.rules(), was.rules()).indexOf(rule.id());
        if (wasRank != nowRank) {
          cells.add(new Cell("Position", String.valueOf(previous.position()), String.valueOf(rule.position())));
        }
        if (!cells.isEmpty()) {
          changed.add(new Change(rule.title(), cells));
        }
      }
      for (Rule gone : oldRules.values().stream().sorted(java.util.Comparator.comparingInt(Rule::position)).toList()) {
        removed.add(gone.title() + ": " + ModelXml.cells(was.inputs(), gone.inputs()) + " → "
            + ModelXml.cells(was.outputs(), gone.outputs()));
      }
    }
    old.values().forEach(t -> removed.add("Decision “" + t.decisionName() + "”"));
    return new ModelDiff(added, removed, changed);
  }

  /** Steps, events, gateways and flows matched by id. */
  static ModelDiff ofProcesses(String before, String after) {
    Map<String, FlowElement> was = ModelXml.flowElements(before);
    Map<String, FlowElement> now = ModelXml.flowElements(after);
    List<String> added = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    List<Change> changed = new ArrayList<>();
    now.forEach((id, element) -> {
      FlowElement previous = was.get(id);
      if (previous == null) {
        added.add(capitalised(element.title()));
        return;
      }
      List<Cell> cells = new ArrayList<>();
      if (!previous.type().equals(element.type())) {
        cells.add(new Cell("Kind", previous.type(), element.type()));
      }
      if (!previous.name().equals(element.name())) {
        cells.add(new Cell("Name", previous.name(), element.name()));
      }
      if (!previous.settings().equals(element.settings())) {
        cells.add(new Cell("Settings (job type, timer, condition, connections)", "as before", "changed"));
      }
      if (!cells.isEmpty()) {
        changed.add(new Change(capitalised(element.title()), cells));
      }
    });
    was.forEach((id, element) -> {
      if (!now.containsKey(id)) {
        removed.add(capitalised(element.title()));
      }
    });
    return new ModelDiff(added, removed, changed);
  }

  /** The ids of the rules of {@code in} that {@code other} has too, in {@code in}'s order. */
  private static List<String> common(List<Rule> in, List<Rule> other) {
    java.util.Set<String> ids = new java.util.HashSet<>();
    other.forEach(r -> ids.add(r.id()));
    return in.stream().map(Rule::id).filter(ids::contains).toList();
  }

  private static void columns(List<Column> before, List<Column> after, String kind, List<String> added, List<String> removed) {
    after.stream().filter(c -> before.stream().noneMatch(b -> b.label().equals(c.label())))
        .forEach(c -> added.add("Column “" + c.label() + "” (" + kind + ")"));
    before.stream().filter(c -> after.stream().noneMatch(a -> a.label().equals(c.label())))
        .forEach(c -> removed.add("Column “" + c.label() + "” (" + kind + ")"));
  }

  private static void cells(List<Column> beforeColumns, List<String> before, List<Column> afterColumns, List<String> after,
                            List<Cell> into) {
    for (int i = 0; i < afterColumns.size() && i < after.size(); i++) {
      String label = afterColumns.get(i).label();
      int j = indexOf(beforeColumns, label);
      if (j >= 0 && j < before.size() && !Objects.equals(before.get(j), after.get(i))) {
        into.add(new Cell(label, before.get(j), after.get(i)));
      }
    }
  }

  private static int indexOf(List<Column> columns, String label) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).label().equals(label)) {
        return i;
      }
    }
    return -1;
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
