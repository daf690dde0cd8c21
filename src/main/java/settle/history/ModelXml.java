package settle.history;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Reads what people wrote into the models: element names from a BPMN, a decision table's rows from a DMN. */
public final class ModelXml {

  private ModelXml() {}

  /** A decision table: its columns' labels and its rows by rule id. */
  public record Table(List<String> inputs, Map<String, String> outputLabels, Map<String, Row> rows) {}

  /** A row: its number (from 1), its annotation, and its conditions in words ("Segment STANDARD"), the "-" ones left out. */
  public record Row(String ruleId, int index, String annotation, List<String> conditions) {}

  /** Element id → name, for every named element of every process in the file. */
  public static Map<String, String> elementNames(String bpmnXml) {
    Map<String, String> names = new HashMap<>();
    NodeList all = parse(bpmnXml).getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (!e.getAttribute("id").isEmpty() && !e.getAttribute("name").isBlank()) {
        names.put(e.getAttribute("id"), e.getAttribute("name").strip());
      }
    }
    return names;
  }

  /** The decision table of {@code decisionId}; empty rows when the decision is not a table. */
  public static Table table(String dmnXml, String decisionId) {
    Document doc = parse(dmnXml);
    NodeList decisions = doc.getElementsByTagNameNS("*", "decision");
    for (int d = 0; d < decisions.getLength(); d++) {
      Element decision = (Element) decisions.item(d);
      if (!decisionId.equals(decision.getAttribute("id"))) {
        continue;
      }
      List<String> inputs = new ArrayList<>();
      for (Element input : children(decision, "input")) {
        String label = input.getAttribute("label");
        inputs.add(label.isBlank() ? text(children(input, "text")) : label);
      }
      Map<String, String> outputs = new LinkedHashMap<>();
      for (Element output : children(decision, "output")) {
        outputs.put(output.getAttribute("name"), output.getAttribute("label").isBlank() ? output.getAttribute("name") : output.getAttribute("label"));
      }
      Map<String, Row> rows = new LinkedHashMap<>();
      List<Element> rules = children(decision, "rule");
      for (int r = 0; r < rules.size(); r++) {
        Element rule = rules.get(r);
        List<Element> entries = children(rule, "inputEntry");
        List<String> conditions = new ArrayList<>();
        for (int i = 0; i < entries.size() && i < inputs.size(); i++) {
          String condition = text(children(entries.get(i), "text"));
          if (!condition.isBlank() && !condition.equals("-")) {
            conditions.add(inputs.get(i) + " " + condition.replace("\"", ""));
          }
        }
        String annotation = text(children(rule, "description"));
        rows.put(rule.getAttribute("id"), new Row(rule.getAttribute("id"), r + 1, annotation.isBlank() ? null : annotation, conditions));
      }
      return new Table(inputs, outputs, rows);
    }
    return new Table(List.of(), Map.of(), Map.of());
  }

  private static List<Element> children(Element parent, String localName) {
    List<Element> found = new ArrayList<>();
    NodeList nodes = parent.getElementsByTagNameNS("*", localName);
    for (int i = 0; i < nodes.getLength(); i++) {
      found.add((Element) nodes.item(i));
    }
    return found;
  }

  private static String text(List<Element> elements) {
    return elements.isEmpty() ? "" : elements.getFirst().getTextContent().strip();
  }

  private static Document parse(String xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalArgumentException("The model's XML cannot be read: " + e.getMessage(), e);
    }
  }
}
