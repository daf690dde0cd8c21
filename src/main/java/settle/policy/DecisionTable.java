package settle.policy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * One DMN decision table as a process owner wrote it: its columns, its rules with their annotations,
 * and, per output, the values the processes handle (the output column's {@code outputValues}, which
 * Camunda Modeler shows as the column's predefined values). Read from the file, deployed or not.
 */
public record DecisionTable(String fileName, byte[] xml, String decisionId, String decisionName, String hitPolicy,
                            List<Input> inputs, List<Output> outputs, List<Rule> rules) {

  /** An input column: what Modeler shows as its label, and the FEEL expression that fills it. */
  public record Input(String id, String label, String expression, String typeRef) {}

  /** An output column; {@code handledValues} is empty when the processes take any value. */
  public record Output(String id, String name, String label, String typeRef, List<String> handledValues) {

    /** Whether the processes handle this answer (null, an answer no rule gave, included). */
    public boolean handles(Object value) {
      return handledValues.isEmpty() || handledValues.stream().anyMatch(v -> sameValue(v, value));
    }

    public String handledInWords() {
      return String.join(", ", handledValues);
    }
  }

  /** A rule: its id, its row (1 = the first), its annotation and its cells as written. */
  public record Rule(String id, int row, String annotation, List<String> inputEntries, List<String> outputEntries) {}

  private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"|(-?\\d+(?:\\.\\d+)?)|(true|false|null)");

  public static DecisionTable parse(String fileName, byte[] xml) {
    Element root;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setExpandEntityReferences(false);
      root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
    } catch (Exception e) {
      throw new PolicyFileException(fileName, 0, "is not a readable DMN file: " + e.getMessage());
    }
    Element decision = children(root, "decision").stream().filter(d -> !children(d, "decisionTable").isEmpty()).findFirst()
        .orElseThrow(() -> new PolicyFileException(fileName, 0, "has no decision table"));
    Element table = children(decision, "decisionTable").getFirst();
    List<Input> inputs = children(table, "input").stream().map(i -> {
      Element expression = children(i, "inputExpression").stream().findFirst()
          .orElseThrow(() -> new PolicyFileException(fileName, 0, "input " + i.getAttribute("id") + " has no expression"));
      return new Input(i.getAttribute("id"), i.getAttribute("label"), text(expression), expression.getAttribute("typeRef"));
    }).toList();
    List<Output> outputs = children(table, "output").stream().map(o -> new Output(o.getAttribute("id"), o.getAttribute("name"),
        o.getAttribute("label"), o.getAttribute("typeRef"),
        children(o, "outputValues").stream().findFirst().map(v -> values(text(v))).orElse(List.of()))).toList();
    List<Rule> rules = new ArrayList<>();
    for (Element r : children(table, "rule")) {
      rules.add(new Rule(r.getAttribute("id"), rules.size() + 1,
          children(r, "description").stream().findFirst().map(e -> e.getTextContent().strip()).orElse(""),
          children(r, "inputEntry").stream().map(DecisionTable::text).toList(),
          children(r, "outputEntry").stream().map(DecisionTable::text).toList()));
    }
    String hitPolicy = table.hasAttribute("hitPolicy") ? table.getAttribute("hitPolicy") : "UNIQUE";
    return new DecisionTable(fileName, xml, decision.getAttribute("id"), decision.getAttribute("name"), hitPolicy, inputs,
        outputs, List.copyOf(rules));
  }

  public Optional<Rule> rule(String id) {
    return rules.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  public Optional<Output> output(String name) {
    return outputs.stream().filter(o -> o.name().equals(name)).findFirst();
  }

  /**
   * Rules whose answer the processes do not handle, in words; empty when every rule's answer is one the
   * processes take. An answer that is an expression rather than a value cannot be proven, so it counts
   * as unhandled. A table whose rules may all miss answers null: that counts too, unless null is handled.
   */
  public List<String> unhandledAnswers() {
    List<String> problems = new ArrayList<>();
    for (int column = 0; column < outputs.size(); column++) {
      Output output = outputs.get(column);
      if (output.handledValues().isEmpty()) {
        continue;
      }
      for (Rule rule : rules) {
        String cell = column < rule.outputEntries().size() ? rule.outputEntries().get(column) : "";
        Optional<Object> value = literal(cell);
        if (value.isEmpty()) {
          problems.add(ruleInWords(rule) + " answers " + output.name() + " = " + cell
              + ", an expression; the processes handle only " + output.handledInWords());
        } else if (!output.handles(value.get())) {
          problems.add(ruleInWords(rule) + " answers " + output.name() + " = " + cell
              + ", which the processes do not handle (they handle " + output.handledInWords() + ")");
        }
      }
    }
    return problems;
  }

  /**
   * The outputs of an answer the processes cannot handle, each with what they handle instead; empty when
   * all is handled. {@code outputs} maps output names to values (a table with one output may answer the
   * bare value: pass it under that output's name).
   */
  public Map<String, String> unhandled(Map<String, ?> answer) {
    Map<String, String> unhandled = new LinkedHashMap<>();
    for (Output output : outputs) {
      Object value = answer == null ? null : answer.get(output.name());
      if (!output.handles(value)) {
        unhandled.put(output.name(), "answered " + (value == null ? "nothing" : "\"" + value + "\"")
            + "; the processes handle " + output.handledInWords());
      }
    }
    return unhandled;
  }

  public static String ruleInWords(Rule rule) {
    return "rule " + rule.id() + " (row " + rule.row() + (rule.annotation().isBlank() ? "" : ", \"" + rule.annotation() + "\"")
        + ")";
  }

  /** A cell that is a plain value: a string, a number, true, false or null. */
  static Optional<Object> literal(String cell) {
    Matcher m = LITERAL.matcher(cell.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    if (m.group(1) != null) {
      return Optional.of(m.group(1).replace("\\\"", "\""));
    }
    if (m.group(2) != null) {
      return Optional.of(new BigDecimal(m.group(2)));
    }
    return Optional.ofNullable(switch (m.group(3)) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> NullValue.NULL;
    });
  }

  /** Stands for FEEL's null among the handled values (Optional cannot hold null). */
  enum NullValue { NULL }

  /** The values of an {@code outputValues} list: "A","B" or 1,2. */
  private static List<String> values(String list) {
    List<String> values = new ArrayList<>();
    Matcher m = LITERAL.matcher(list);
    while (m.find()) {
      values.add(m.group(1) != null ? m.group(1) : m.group());
    }
    return List.copyOf(values);
  }

  /** Whether a handled value as written (without quotes) equals an answer. */
  static boolean sameValue(String handled, Object value) {
    if (value == null || value == NullValue.NULL) {
      return handled.equals("null");
    }
    if (value instanceof Number n) {
      try {
        return new BigDecimal(handled).compareTo(new BigDecimal(n.toString())) == 0;
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return handled.equals(String.valueOf(value));
  }

  private static List<Element> children(Element parent, String localName) {
    List<Element> found = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && localName.equals(e.getLocalName())) {
        found.add(e);
      }
    }
    return found;
  }

  private static String text(Element parent) {
    return children(parent, "text").stream().findFirst().map(t -> t.getTextContent().strip()).orElse("");
  }
}
