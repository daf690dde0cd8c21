package settle.tasks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One field of a task's form. A BPMN user task describes its form once, in its {@code form} header:
 * {@code approved:boolean!, reason:text!, outcome:choice(REACHED|NO_ANSWER)} — {@code !} marks a required field.
 */
public record FormField(String name, String type, boolean required, List<String> options) {

  public static List<FormField> parse(String description) {
    List<FormField> fields = new ArrayList<>();
    if (description == null || description.isBlank()) {
      return fields;
    }
    for (String spec : description.split(",(?![^(]*\\))")) {
      String s = spec.strip();
      boolean required = s.endsWith("!");
      if (required) {
        s = s.substring(0, s.length() - 1);
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
      fields.add(new FormField(nameAndType[0].strip(), type, required, options));
    }
    return fields;
  }
}
