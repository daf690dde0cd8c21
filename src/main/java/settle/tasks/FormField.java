package settle.tasks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One field of a task's form. A BPMN user task describes its form once, in its {@code form} header:
 * {@code approved:boolean!, outcome:choice(REACHED|PROMISE), promiseDate:date!outcome=PROMISE} — {@code !}
 * marks a required field, {@code !field=VALUE} one required only when another field has that value.
 */
public record FormField(String name, String type, boolean required, List<String> options, String requiredWhen) {

  public FormField(String name, String type, boolean required, List<String> options) {
    this(name, type, required, options, null);
  }

  /** Whether the field must be filled in, given the other values submitted. */
  public boolean requiredGiven(java.util.Map<String, Object> submitted) {
    if (requiredWhen == null) {
      return required;
    }
    String[] condition = requiredWhen.split("=", 2);
    return condition[1].equalsIgnoreCase(String.valueOf(submitted.get(condition[0])));
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
      if (type.startsWith("choice(") && type.endsWith(")")) {
        options = Arrays.stream(type.substring(7, type.length() - 1).split("\\|")).map(String::strip).toList();
        type = "choice";
      }
      if (!List.of("text", "boolean", "number", "date", "choice").contains(type)) {
        throw new IllegalArgumentException("Unknown form field type '" + type + "' in '" + description + "'");
      }
      fields.add(new FormField(nameAndType[0].strip(), type, required, options, requiredWhen));
    }
    return fields;
  }
}
