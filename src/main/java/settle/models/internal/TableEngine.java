package settle.models.internal;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.dmn.DmnEngine;
import org.camunda.dmn.parser.ParsedDmn;
import org.springframework.stereotype.Component;

/**
 * Decision tables evaluated in-process with the DMN engine the Camunda engine itself embeds, so the preview
 * can compare two versions without deploying either.
 */
@Component
class TableEngine {

  /** A parsed table file, or why it does not parse. */
  record Parsed(ParsedDmn dmn, String failure) {
    boolean ok() {
      return failure == null;
    }
  }

  private final DmnEngine engine = new DmnEngine.Builder().build();

  Parsed parse(String xml) {
    var result = engine.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    return result.isRight() ? new Parsed(result.toOption().get(), null) : new Parsed(null, result.left().toOption().get().message());
  }

  /**
   * The table's answer as output name → value (a single-output table answers its one output); null when no rule
   * matched. A failure (say, a FEEL error) is thrown with the engine's message.
   */
  Map<String, Object> evaluate(Parsed parsed, String decisionId, List<String> outputNames, Map<String, Object> inputs) {
    return traced(parsed, decisionId, outputNames, inputs).outputs();
  }

  /** An answer with the id of the first rule that matched (null when none did). */
  record Answer(String ruleId, Map<String, Object> outputs) {}

  Answer traced(Parsed parsed, String decisionId, List<String> outputNames, Map<String, Object> inputs) {
    var result = engine.eval(parsed.dmn(), decisionId, new HashMap<>(inputs));
    if (result.isLeft()) {
      throw new IllegalArgumentException(result.left().toOption().get().failure().message());
    }
    String ruleId = null;
    var entries = result.toOption().get().auditLog().entries().iterator();
    while (entries.hasNext() && ruleId == null) {
      var entry = entries.next();
      if (entry.id().equals(decisionId) && entry.result() instanceof org.camunda.dmn.Audit.DecisionTableEvaluationResult table
          && table.matchedRules().nonEmpty()) {
        ruleId = table.matchedRules().head().rule().id();
      }
    }
    return new Answer(ruleId, outputs(result.toOption().get().value(), outputNames));
  }

  private static Map<String, Object> outputs(Object raw, List<String> outputNames) {
    Object value = plain(raw);
    if (value == null) {
      return null;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (String name : outputNames) {
        out.put(name, map.get(name));
      }
      return out;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(outputNames.isEmpty() ? "result" : outputNames.getFirst(), value);
    return out;
  }

  /** Scala and FEEL values as plain Java ones, numbers as BigDecimal so 3 and 3.0 compare equal. */
  private static Object plain(Object value) {
    // the engine's own value mapper may leave FEEL values as they are (Zeebe's mapper is found on the class path)
    if (value instanceof org.camunda.feel.syntaxtree.ValContext context) {
      return plain(context.context().variableProvider().getVariables());
    }
    if (value instanceof org.camunda.feel.syntaxtree.ValNumber n) {
      return plain(n.value());
    }
    if (value instanceof org.camunda.feel.syntaxtree.ValString s) {
      return s.value();
    }
    if (value instanceof org.camunda.feel.syntaxtree.ValBoolean b) {
      return b.value();
    }
    if (value instanceof org.camunda.feel.syntaxtree.ValNull$) {
      return null;
    }
    if (value instanceof scala.collection.Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      map.foreach(entry -> out.put(entry._1(), plain(entry._2())));
      return out;
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(k, plain(v)));
      return out;
    }
    if (value instanceof scala.collection.Iterable<?> list) {
      java.util.List<Object> out = new java.util.ArrayList<>();
      list.foreach(out::add);
      return out;
    }
    if (value instanceof scala.math.BigDecimal d) {
      return d.bigDecimal().stripTrailingZeros();
    }
    if (value instanceof Number n) {
      return new BigDecimal(n.toString()).stripTrailingZeros();
    }
    return value;
  }
}
