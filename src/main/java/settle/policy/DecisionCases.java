package settle.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A table's cases, as the process owner keeps them in a spreadsheet: {@code dmn/tests/<table>.csv}, one case
 * a line. The header names the inputs (by their label, as Modeler shows it, or their expression), any other
 * variable a rule reads (by its name), then the expected outputs (by name or label); an optional {@code rule}
 * column expects a rule id and an optional {@code comment} column is for people. An empty input cell leaves
 * the variable out, {@code null} sets it null; an empty expected cell is not checked. Lines starting with #
 * and blank lines are skipped. A case fails naming the file, its line, the rule that matched instead (id,
 * row and annotation) and the outputs it gave.
 */
public final class DecisionCases {

  private static final Pattern PATH = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

  private final DecisionTable table;
  private final String file;
  private final List<Case> cases;

  private DecisionCases(DecisionTable table, String file, List<Case> cases) {
    this.table = table;
    this.file = file;
    this.cases = List.copyOf(cases);
  }

  /** Where a table's cases live, next to it: {@code dmn/next-collection-action.dmn} → {@code dmn/tests/next-collection-action.csv}. */
  public static String casesFileFor(String dmnFileName) {
    String name = dmnFileName.substring(dmnFileName.lastIndexOf('/') + 1);
    return "dmn/tests/" + (name.endsWith(".dmn") ? name.substring(0, name.length() - 4) : name) + ".csv";
  }

  /** One case: the variables it gives the table and the outputs it expects; {@code problem} when the line cannot be a case. */
  public record Case(String file, int line, Map<String, Object> variables, Map<String, String> expected, String expectedRule,
                     String comment, String problem) {

    /** How a test report names the case: its line, inputs and expected outputs. */
    public String name() {
      if (problem != null) {
        return "line " + line + ": " + problem;
      }
      return "line " + line + ": " + inWords(variables) + " → " + String.join(", ", expected.values())
          + (expectedRule == null ? "" : " by " + expectedRule) + (comment == null || comment.isBlank() ? "" : " (" + comment + ")");
    }

    private static String inWords(Map<String, Object> values) {
      List<String> words = new ArrayList<>();
      values.forEach((name, value) -> words.add(value instanceof Map<?, ?> nested ? inWords(cast(nested)) : String.valueOf(value)));
      return String.join(", ", words);
    }
  }

  /** A case that did not hold; {@code ruleId} is null when no rule matched (or the case could not run). */
  public record Failure(String file, int line, String problem, String ruleId, int ruleRow, String ruleAnnotation,
                        Map<String, Object> outputs) {

    public String message() {
      return file + " line " + line + ": " + problem;
    }
  }

  public record Report(String decisionId, String file, int passed, List<Failure> failed) {

    public boolean allPassed() {
      return failed.isEmpty();
    }
  }

  public static DecisionCases parse(DecisionTable table, String file, String csv) {
    List<Row> rows = rows(csv);
    List<Case> cases = new ArrayList<>();
    if (rows.isEmpty()) {
      cases.add(problem(file, 1, "the file has no header"));
      return new DecisionCases(table, file, cases);
    }
    Row header = rows.getFirst();
    List<Column> columns = new ArrayList<>();
    for (String name : header.cells()) {
      Column column = column(table, name.strip());
      if (column.problem() != null) {
        cases.add(problem(file, header.line(), column.problem()));
        return new DecisionCases(table, file, cases);
      }
      if (columns.stream().anyMatch(c -> c.kind() == column.kind() && c.target().equals(column.target()))) {
        cases.add(problem(file, header.line(), "column '" + name.strip() + "' names " + column.target() + " a second time"));
        return new DecisionCases(table, file, cases);
      }
      columns.add(column);
    }
    if (columns.stream().noneMatch(c -> c.kind() == Kind.OUTPUT || c.kind() == Kind.RULE)) {
      cases.add(problem(file, header.line(), "no column names an output; the outputs are "
          + String.join(", ", table.outputs().stream().map(DecisionTable.Output::name).toList())));
    }
    for (Row row : rows.subList(1, rows.size())) {
      cases.add(toCase(file, row, columns));
    }
    return new DecisionCases(table, file, cases);
  }

  public List<Case> cases() {
    return cases;
  }

  public DecisionTable table() {
    return table;
  }

  public String file() {
    return file;
  }

  public Report run(DecisionEvaluator evaluator) {
    List<Failure> failed = new ArrayList<>();
    for (Case c : cases) {
      check(c, evaluator).ifPresent(failed::add);
    }
    return new Report(table.decisionId(), file, cases.size() - failed.size(), List.copyOf(failed));
  }

  /** Runs one case on the evaluator; empty when it holds. */
  public Optional<Failure> check(Case c, DecisionEvaluator evaluator) {
    if (c.problem() != null) {
      return Optional.of(new Failure(c.file(), c.line(), c.problem(), null, 0, null, Map.of()));
    }
    DecisionEvaluator.Evaluation result;
    try {
      result = evaluator.evaluate(table, c.variables());
    } catch (RuntimeException e) {
      return Optional.of(new Failure(c.file(), c.line(), "the table could not be evaluated: " + e.getMessage(), null, 0, null, Map.of()));
    }
    List<String> wrong = new ArrayList<>();
    c.expected().forEach((output, expected) -> {
      Object actual = result.outputs().get(output);
      if (!matches(expected, actual)) {
        wrong.add(output + " " + expected + " but got " + show(actual));
      }
    });
    boolean ruleWrong = c.expectedRule() != null && !c.expectedRule().equals(result.ruleId());
    if (wrong.isEmpty() && !ruleWrong) {
      return Optional.empty();
    }
    String annotation = result.ruleId() == null ? null
        : table.rule(result.ruleId()).map(DecisionTable.Rule::annotation).orElse("");
    String matched = result.ruleId() == null ? "no rule matched"
        : (ruleWrong ? "" : "matched ") + "rule " + result.ruleId() + " (row " + result.ruleRow()
            + (annotation == null || annotation.isBlank() ? "" : ", \"" + annotation + "\"") + ")"
            + (ruleWrong ? " matched instead" : "");
    List<String> expectations = new ArrayList<>(wrong);
    if (ruleWrong) {
      expectations.addFirst("rule " + c.expectedRule());
    }
    String problem = "expected " + String.join("; ", expectations) + " — " + matched
        + (result.ruleId() == null ? "" : ", which answered " + show(result.outputs()));
    return Optional.of(new Failure(c.file(), c.line(), problem, result.ruleId(), result.ruleRow(), annotation, result.outputs()));
  }

  private enum Kind { INPUT, OUTPUT, RULE, COMMENT }

  /** A header column: what it fills (a variable path or an output name) and, for inputs, the type to read. */
  private record Column(Kind kind, String target, String typeRef, String problem) {}

  private static Column column(DecisionTable table, String name) {
    String key = name.toLowerCase(Locale.ROOT);
    if (key.equals("comment")) {
      return new Column(Kind.COMMENT, "comment", null, null);
    }
    if (key.equals("rule")) {
      return new Column(Kind.RULE, "rule", null, null);
    }
    for (DecisionTable.Output output : table.outputs()) {
      if (name.equals(output.name()) || name.equalsIgnoreCase(output.label())) {
        return new Column(Kind.OUTPUT, output.name(), output.typeRef(), null);
      }
    }
    for (DecisionTable.Input input : table.inputs()) {
      if (name.equalsIgnoreCase(input.label()) || name.equals(input.expression())) {
        if (!PATH.matcher(input.expression()).matches()) {
          return new Column(null, name, null, "input '" + name + "' is computed (" + input.expression()
              + "); give the variables it reads as columns instead");
        }
        return new Column(Kind.INPUT, input.expression(), input.typeRef(), null);
      }
    }
    if (PATH.matcher(name).matches() && reads(table, name.split("\\.")[0])) {
      return new Column(Kind.INPUT, name, null, null);
    }
    return new Column(null, name, null, "column '" + name + "' is neither an input ("
        + String.join(", ", table.inputs().stream().map(i -> i.label().isBlank() ? i.expression() : i.label()).toList())
        + "), an output (" + String.join(", ", table.outputs().stream().map(DecisionTable.Output::name).toList())
        + "), a variable the table reads, 'rule' nor 'comment'");
  }

  /** Whether an input expression or a rule of the table mentions this variable. */
  private static boolean reads(DecisionTable table, String variable) {
    Pattern word = Pattern.compile("(?<![A-Za-z0-9_.\"])" + Pattern.quote(variable) + "(?![A-Za-z0-9_])");
    return table.inputs().stream().anyMatch(i -> word.matcher(i.expression()).find())
        || table.rules().stream().anyMatch(r -> r.inputEntries().stream().anyMatch(e -> word.matcher(e).find())
            || r.outputEntries().stream().anyMatch(e -> word.matcher(e).find()));
  }

  private static Case toCase(String file, Row row, List<Column> columns) {
    if (row.cells().size() != columns.size()) {
      return problem(file, row.line(), "expected " + columns.size() + " cells like the header, found " + row.cells().size());
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    Map<String, String> expected = new LinkedHashMap<>();
    String rule = null;
    String comment = null;
    for (int i = 0; i < columns.size(); i++) {
      Column column = columns.get(i);
      String cell = row.cells().get(i).strip();
      switch (column.kind()) {
        case COMMENT -> comment = cell;
        case RULE -> rule = cell.isEmpty() ? null : cell;
        case OUTPUT -> {
          if (!cell.isEmpty()) {
            expected.put(column.target(), cell);
          }
        }
        case INPUT -> {
          if (cell.isEmpty()) {
            continue;
          }
          Object value;
          try {
            value = value(cell, column.typeRef());
          } catch (IllegalArgumentException e) {
            return problem(file, row.line(), column.target() + " must be " + e.getMessage() + ", not '" + cell + "'");
          }
          put(variables, column.target(), value);
        }
      }
    }
    return new Case(file, row.line(), variables, expected, rule, comment, null);
  }

  private static Object value(String cell, String typeRef) {
    if (cell.equals("null")) {
      return null;
    }
    String type = typeRef == null || typeRef.isBlank() ? "" : typeRef.toLowerCase(Locale.ROOT);
    switch (type) {
      case "number", "integer", "long", "double" -> {
        if (!NUMBER.matcher(cell).matches()) {
          throw new IllegalArgumentException("a number");
        }
        return new BigDecimal(cell);
      }
      case "boolean" -> {
        if (!cell.equals("true") && !cell.equals("false")) {
          throw new IllegalArgumentException("true or false");
        }
        return Boolean.valueOf(cell);
      }
      case "string" -> {
        return cell;
      }
      default -> {
        if (NUMBER.matcher(cell).matches()) {
          return new BigDecimal(cell);
        }
        return cell.equals("true") || cell.equals("false") ? Boolean.valueOf(cell) : cell;
      }
    }
  }

  /** Sets {@code a.b} as {@code {a: {b: value}}}. */
  private static void put(Map<String, Object> variables, String path, Object value) {
    String[] parts = path.split("\\.");
    Map<String, Object> scope = variables;
    for (int i = 0; i < parts.length - 1; i++) {
      scope = cast(scope.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>()));
    }
    scope.put(parts[parts.length - 1], value);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Object map) {
    return (Map<String, Object>) map;
  }

  private static boolean matches(String expected, Object actual) {
    if (actual == null) {
      return expected.equals("null");
    }
    if (actual instanceof Number n) {
      return NUMBER.matcher(expected).matches() && new BigDecimal(expected).compareTo(new BigDecimal(n.toString())) == 0;
    }
    return expected.equals(String.valueOf(actual));
  }

  private static String show(Object value) {
    if (value instanceof Map<?, ?> map) {
      List<String> parts = new ArrayList<>();
      map.forEach((k, v) -> parts.add(k + " " + show(v)));
      return String.join(", ", parts);
    }
    if (value instanceof BigDecimal d) {
      return d.stripTrailingZeros().toPlainString();
    }
    return value instanceof String s ? (s.isEmpty() ? "\"\"" : s) : String.valueOf(value);
  }

  private static Case problem(String file, int line, String problem) {
    return new Case(file, line, Map.of(), Map.of(), null, null, problem);
  }

  private record Row(List<String> cells, int line) {}

  /**
   * RFC 4180 records with the line each starts on; a header with semicolons and no commas (a spreadsheet
   * saved in a comma-decimal locale) makes semicolons the separator.
   */
  private static List<Row> rows(String text) {
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    int firstEnd = text.indexOf('\n');
    String first = firstEnd < 0 ? text : text.substring(0, firstEnd);
    char separator = first.indexOf(',') < 0 && first.indexOf(';') >= 0 ? ';' : ',';
    List<Row> rows = new ArrayList<>();
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    int line = 1;
    int start = 1;
    for (int i = 0; i <= text.length(); i++) {
      char ch = i < text.length() ? text.charAt(i) : '\n';
      if (quoted) {
        if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          if (ch == '\n') {
            line++;
          }
          cell.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == separator) {
        cells.add(cell.toString());
        cell.setLength(0);
      } else if (ch == '\n' || i == text.length()) {
        cells.add(cell.toString().replaceAll("\r$", ""));
        cell.setLength(0);
        boolean blank = cells.size() == 1 && cells.getFirst().isBlank();
        boolean remark = cells.getFirst().stripLeading().startsWith("#");
        if (!blank && !remark) {
          rows.add(new Row(List.copyOf(cells), start));
        }
        cells.clear();
        if (i < text.length()) {
          line++;
        }
        start = line;
      } else {
        cell.append(ch);
      }
    }
    return rows;
  }
}
