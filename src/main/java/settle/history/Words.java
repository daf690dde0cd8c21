package settle.history;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Values from the engine as people read them: dates written out, codes as words, names of variables as labels. */
public final class Words {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private Words() {}

  public static String when(Instant instant) {
    return instant == null ? "" : WHEN.format(instant);
  }

  /** invoiceStatus → Invoice status. */
  public static String label(String name) {
    String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    return spaced.isEmpty() ? name : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
  }

  public static String value(Object value) {
    if (value == null) {
      return "none";
    }
    if (value instanceof Boolean b) {
      return b ? "yes" : "no";
    }
    if (value instanceof Map<?, ?> map) {
      return map.entrySet().stream().map(e -> label(String.valueOf(e.getKey())) + ": " + value(e.getValue()))
          .collect(Collectors.joining(", "));
    }
    if (value instanceof Iterable<?> list) {
      return java.util.stream.StreamSupport.stream(list.spliterator(), false).map(Words::value).collect(Collectors.joining("; "));
    }
    String s = String.valueOf(value);
    if (s.matches("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z")) {
      Instant at = Instant.parse(s);
      return at.atZone(ZoneOffset.UTC).toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? settle.common.Dates.day(at.atZone(ZoneOffset.UTC).toLocalDate()) : WHEN.format(at);
    }
    if (s.matches("\\d{4}-\\d{2}-\\d{2}")) {
      return settle.common.Dates.day(java.time.LocalDate.parse(s));
    }
    return s.matches("[A-Z][A-Z0-9_]+") ? s.toLowerCase(Locale.ROOT).replace('_', ' ') : s;
  }
}
