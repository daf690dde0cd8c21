package settle.tasks;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One field of a task's form. A BPMN user task describes its form once, in its {@code form} header:
 * {@code approved:boolean!, outcome:choice(REACHED|PROMISE), promiseDate:date!outcome=PROMISE,
 * creditAmount:number(0.01..amount)!outcome=CREDIT_MEMO|ADJUSTMENT} — {@code !} marks a required field,
 * {@code !field=A|B} one required only when another field has one of those values, and a number's
 * {@code (min..max)} bounds are numbers or the names of the task's variables. A {@code customer} field holds a
 * customer's id; a page lets people pick the customer by name, account or invoice number.
 */
public record FormField(String name, String type, boolean required, List<String> options, String requiredWhen,
                        String min, String max) {

  public FormField(String name, String type, boolean required, List<String> options) {
    this(name, type, required, options, null, null, null);
  }

  /** Whether the field must be filled in, given the other values submitted. */
  public boolean requiredGiven(Map<String, Object> submitted) {
    if (requiredWhen == null) {
      return required;
    }
    String[] condition = requiredWhen.split("=", 2);
    String value = String.valueOf(submitted.get(condition[0]));
    return Arrays.stream(condition[1].split("\\|")).anyMatch(v -> v.strip().equalsIgnoreCase(value));
  }

  /** The field's name in words, as a person reads it: {@code creditAmount} → "Credit amount". */
  public String label() {
    String words = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /** The lowest number allowed, given the task's variables; null when unbounded or the variable is missing. */
  public BigDecimal minGiven(Map<String, Object> variables) {
    return bound(min, variables);
  }

  /** The highest number allowed, given the task's variables; null when unbounded or the variable is missing. */
  public BigDecimal maxGiven(Map<String, Object> variables) {
    return bound(max, variables);
  }

  private static BigDecimal bound(String bound, Map<String, Object> variables) {
    if (bound == null) {
      return null;
    }
    Object value = bound.matches("-?\\d+(\\.\\d+)?") ? bound : variables.get(bound);
    return value == null ? null : new BigDecimal(String.valueOf(value));
  }

  public static List<FormField> parse(String description) {
    List<FormField> fields = new ArrayList<>();
    if (description == null || description.isBlank()) {
      return fields;
    }
    for (String spec : description.split(",(?![^(]*\\))")) {
      String s = spec.strip();
      String requiredWhen = null;
      int bang = s.indexOf('!');
      boolean required = bang >= 0;
      if (required) {
        String condition = s.substring(bang + 1).strip();
        requiredWhen = condition.isEmpty() ? null : condition;
        s = s.substring(0, bang);
      }
      String[] nameAndType = s.split(":", 2);
      String type = nameAndType.length > 1 ? nameAndType[1].strip() : "text";
      List<String> options = List.of();
      String min = null;
      String max = null;
      if (type.startsWith("choice(") && type.endsWith(")")) {
        options = Arrays.stream(type.substring(7, type.length() - 1).split("\\|")).map(String::strip).toList();
        type = "choice";
      } else if (type.startsWith("number(") && type.endsWith(")")) {
        String[] bounds = type.substring(7, type.length() - 1).split("\\.\\.", -1);
        if (bounds.length != 2) {
          throw new IllegalArgumentException("A number's bounds are written (min..max) in '" + description + "'");
        }
        min = bounds[0].isBlank() ? null : bounds[0].strip();
        max = bounds[1].isBlank() ? null : bounds[1].strip();
        type = "number";
      }
      if (!List.of("text", "boolean", "number", "date", "choice", "customer").contains(type)) {
        throw new IllegalArgumentException("Unknown form field type '" + type + "' in '" + description + "'");
      }
      fields.add(new FormField(nameAndType[0].strip(), type, required, options, requiredWhen, min, max));
    }
    return fields;
  }
}
