package settle.models.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Reads the parts of BPMN and DMN files people compare: decision tables cell by cell, process elements by id. */
final class ModelXml {

  private ModelXml() {}

  record Column(String label, String name) {}

  record Rule(String id, int position, String description, List<String> inputs, List<String> outputs) {
    /** How a person names the rule: its description, else its position. */
    String title() {
      return description.isBlank() ? "Rule " + position : "Rule " + position + " (" + description + ")";
    }
  }

  record Table(String decisionId, String decisionName, String hitPolicy, List<Column> inputs, List<Column> outputs,
               List<Rule> rules) {}

  record FlowElement(String id, String type, String name, String settings) {
    /** The element as a person reads it: "task “Send reminder”". */
    String title() {
      return name.isBlank() ? "unnamed " + type : type + " “" + name + "”";
    }

    boolean isContainer() {
      return type.equals("sub-process") || type.equals("transaction");
    }
  }

  static Document parse(String xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setExpandEntityReferences(false);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
    }
  }

  /** Every decision table in a DMN file, in file order. */
  static List<Table> tables(String xml) {
    List<Table> tables = new ArrayList<>();
    for (Element decision : children(parse(xml).getDocumentElement(), "decision")) {
      for (Element table : children(decision, "decisionTable")) {
        List<Column> inputs = children(table, "input").stream()
            .map(i -> new Column(attr(i, "label"), children(i, "inputExpression").stream().findFirst().map(ModelXml::text).orElse("")))
            .toList();
        List<Column> outputs = children(table, "output").stream().map(o -> new Column(attr(o, "label"), attr(o, "name"))).toList();
        List<Rule> rules = new ArrayList<>();
        int position = 0;
        for (Element rule : children(table, "rule")) {
          position++;
          rules.add(new Rule(attr(rule, "id"), position, children(rule, "description").stream().findFirst().map(ModelXml::text).orElse(""),
              children(rule, "inputEntry").stream().map(ModelXml::text).toList(),
              children(rule, "outputEntry").stream().map(ModelXml::text).toList()));
        }
        tables.add(new Table(attr(decision, "id"), attr(decision, "name"),
            attr(table, "hitPolicy").isBlank() ? "UNIQUE" : attr(table, "hitPolicy"), inputs, outputs, rules));
      }
    }
    return tables;
  }

  /** Whether the file carries DMNDI (Modeler needs it to draw the decisions). */
  static boolean hasDiagram(String xml) {
    return parse(xml).getElementsByTagNameNS("*", "DMNDI").getLength() > 0;
  }

  /** Every flow element of the processes in a BPMN file (in sub-processes too), by id. */
  static Map<String, FlowElement> flowElements(String xml) {
    Map<String, FlowElement> elements = new TreeMap<>();
    NodeList processes = parse(xml).getElementsByTagNameNS("*", "process");
    for (int i = 0; i < processes.getLength(); i++) {
      collect((Element) processes.item(i), elements);
    }
    return elements;
  }

  private static void collect(Element container, Map<String, FlowElement> into) {
    for (Element child : children(container, null)) {
      if (isFlowElement(child)) {
        into.put(attr(child, "id"), new FlowElement(attr(child, "id"), typeInWords(child.getLocalName()), attr(child, "name"),
            settings(child)));
        collect(child, into);
      }
    }
  }

  private static boolean isFlowElement(Element e) {
    String n = e.getLocalName();
    return n.endsWith("Task") || n.equals("task") || n.endsWith("Event") || n.endsWith("Gateway") || n.equals("subProcess")
        || n.equals("callActivity") || n.equals("sequenceFlow") || n.equals("transaction");
  }

  /** What an element does besides its name: attributes and nested definitions, not its contained elements. */
  private static String settings(Element e) {
    StringBuilder out = new StringBuilder();
    var attrs = e.getAttributes();
    Map<String, String> sorted = new TreeMap<>();
    for (int i = 0; i < attrs.getLength(); i++) {
      Node a = attrs.item(i);
      if (!a.getNodeName().equals("id") && !a.getNodeName().equals("name") && !a.getNodeName().startsWith("xmlns")) {
        sorted.put(a.getNodeName(), a.getNodeValue());
      }
    }
    out.append(sorted);
    for (Element child : children(e, null)) {
      if (!isFlowElement(child) && !child.getLocalName().equals("incoming") && !child.getLocalName().equals("outgoing")
          && !child.getLocalName().equals("documentation")) {
        out.append('<').append(child.getLocalName()).append(settings(child)).append(text(child).strip()).append('>');
      }
    }
    return out.toString();
  }

  private static String typeInWords(String localName) {
    return switch (localName) {
      case "sequenceFlow" -> "flow";
      case "subProcess" -> "sub-process";
      case "callActivity" -> "call";
      default -> localName.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    };
  }

  static List<Element> children(Element parent, String localName) {
    List<Element> found = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && (localName == null || localName.equals(e.getLocalName()))) {
        found.add(e);
      }
    }
    return found;
  }

  static String attr(Element e, String name) {
    return e.hasAttribute(name) ? e.getAttribute(name) : "";
  }

  /** An entry's FEEL text (its {@code <text>} child), or the element's own text. */
  static String text(Element e) {
    List<Element> texts = children(e, "text");
    String t = texts.isEmpty() ? e.getTextContent() : texts.getFirst().getTextContent();
    return t == null ? "" : t.strip();
  }

  static String cells(List<Column> columns, List<String> values) {
    List<String> said = new ArrayList<>();
    for (int i = 0; i < Math.min(columns.size(), values.size()); i++) {
      if (!values.get(i).isBlank() && !values.get(i).equals("-")) {
        said.add(columns.get(i).label() + " " + values.get(i));
      }
    }
    return said.isEmpty() ? "any case" : said.stream().collect(Collectors.joining(", "));
  }
}
