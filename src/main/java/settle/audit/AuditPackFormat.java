package settle.audit;

import java.util.ArrayList;
import java.util.List;

/** The pack's layout, shared by the application that writes it and the verifier that reads it offline. */
public final class AuditPackFormat {

  public static final String MANIFEST = "manifest.json";
  /** HMAC-SHA256 (hex) of manifest.json's bytes with the audit signing key. */
  public static final String SIGNATURE = "manifest.sig";
  public static final List<String> CSV_HEADER = List.of("position", "entry_id", "at", "actor", "action", "subject", "details",
      "prev_hash", "hash");

  private AuditPackFormat() {}

  public static String csvCell(String value) {
    if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }

  /** Parses RFC 4180 CSV (quoted cells may hold commas, quotes and line breaks); rows end with CRLF or LF. */
  public static List<List<String>> parseCsv(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else {
        cell.append(c);
      }
    }
    if (cell.length() > 0 || !row.isEmpty()) {
      row.add(cell.toString());
      rows.add(row);
    }
    return rows;
  }
}
