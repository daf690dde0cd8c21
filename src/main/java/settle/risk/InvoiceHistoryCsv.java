package settle.risk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the invoice history CSV the risk back-test and the simulation share:
 * {@code customer_id,invoice_id,issue_date,due_date,settled_date,amount,disputed} in any order, extra columns ignored,
 * ISO dates, an empty {@code settled_date} for an open invoice. A bad value is refused naming its line and column.
 */
public final class InvoiceHistoryCsv {

  public static final List<String> COLUMNS =
      List.of("customer_id", "invoice_id", "issue_date", "due_date", "settled_date", "amount", "disputed");

  private InvoiceHistoryCsv() {
  }

  /** A line of the file that cannot be read; {@code line} counts from 1 for the header. */
  public static final class Malformed extends RuntimeException {
    private final int line;

    Malformed(int line, String message) {
      super("line " + line + ": " + message);
      this.line = line;
    }

    public int line() {
      return line;
    }
  }

  public static List<InvoiceFact> read(Reader source) throws IOException {
    BufferedReader in = source instanceof BufferedReader b ? b : new BufferedReader(source);
    String header = in.readLine();
    if (header == null) {
      throw new Malformed(1, "the file is empty; expected the header " + String.join(",", COLUMNS));
    }
    Map<String, Integer> at = new HashMap<>();
    String[] names = header.replace("\uFEFF", "").split(",", -1);
    for (int i = 0; i < names.length; i++) {
      at.put(names[i].trim().toLowerCase(Locale.ROOT), i);
    }
    List<String> missing = COLUMNS.stream().filter(c -> !at.containsKey(c)).toList();
    if (!missing.isEmpty()) {
      throw new Malformed(1, "the header lacks " + String.join(", ", missing));
    }
    List<InvoiceFact> facts = new ArrayList<>();
    int lineNumber = 1;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      facts.add(parse(line.split(",", -1), at, lineNumber));
    }
    return facts;
  }

  private static InvoiceFact parse(String[] cells, Map<String, Integer> at, int line) {
    String customer = text(cells, at, "customer_id", line, true);
    String invoice = text(cells, at, "invoice_id", line, true);
    LocalDate issued = date(cells, at, "issue_date", line, true);
    LocalDate due = date(cells, at, "due_date", line, true);
    LocalDate settled = date(cells, at, "settled_date", line, false);
    if (due.isBefore(issued)) {
      throw new Malformed(line, "due_date " + due + " is before issue_date " + issued);
    }
    if (settled != null && settled.isBefore(issued)) {
      throw new Malformed(line, "settled_date " + settled + " is before issue_date " + issued);
    }
    BigDecimal amount;
    try {
      amount = new BigDecimal(text(cells, at, "amount", line, true));
    } catch (NumberFormatException e) {
      throw new Malformed(line, "amount '" + cells[at.get("amount")] + "' is not a number");
    }
    String disputed = text(cells, at, "disputed", line, true).toLowerCase(Locale.ROOT);
    if (!disputed.equals("true") && !disputed.equals("false")) {
      throw new Malformed(line, "disputed '" + disputed + "' is neither true nor false");
    }
    return new InvoiceFact(customer, invoice, issued, due, settled, amount, disputed.equals("true"));
  }

  private static String text(String[] cells, Map<String, Integer> at, String column, int line, boolean required) {
    int index = at.get(column);
    String value = index < cells.length ? cells[index].trim() : "";
    if (required && value.isEmpty()) {
      throw new Malformed(line, column + " is empty");
    }
    return value;
  }

  private static LocalDate date(String[] cells, Map<String, Integer> at, String column, int line, boolean required) {
    String value = text(cells, at, column, line, required);
    if (value.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new Malformed(line, column + " '" + value + "' is not an ISO date (yyyy-mm-dd)");
    }
  }
}
