package settle.payments.statements;

import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Our own CSV layout (docs/statement-csv.md): RFC 4180 quoting, UTF-8 with an optional BOM, a fixed
 * header. A hand parser, because the whole of RFC 4180 is a quote state and a line counter, and
 * errors must name the line where the record starts.
 */
final class CsvStatementParser {

  static final List<String> HEADER =
      List.of("date", "amount", "currency", "payer_name", "payer_account", "remittance", "reference");

  private static final Pattern AMOUNT = Pattern.compile("-?\\d{1,15}(\\.\\d{1,2})?");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  private CsvStatementParser() {}

  private record Row(List<String> fields, int line) {}

  static boolean startsWithHeader(String text) {
    int end = text.indexOf('\n');
    String first = (end < 0 ? text : text.substring(0, end)).strip();
    return first.equalsIgnoreCase(String.join(",", HEADER));
  }

  static BankStatement parse(byte[] content) {
    String text;
    try {
      text = Text.utf8(content);
    } catch (CharacterCodingException e) {
      throw new StatementFormatException(lineOfFirstBadByte(content), null, "file is not UTF-8");
    }
    List<Row> rows = rows(text);
    if (rows.isEmpty() || !header(rows.get(0).fields())) {
      throw new StatementFormatException(1, null, "header must be " + String.join(",", HEADER));
    }
    List<StatementLine> lines = new ArrayList<>();
    String currency = null;
    LocalDate latest = null;
    for (Row row : rows.subList(1, rows.size())) {
      if (row.fields().size() == 1 && row.fields().get(0).isBlank()) {
        continue; // blank line
      }
      if (row.fields().size() != HEADER.size()) {
        throw new StatementFormatException(row.line(), null,
            "expected " + HEADER.size() + " columns, found " + row.fields().size());
      }
      StatementLine line = line(row, lines.size() + 1);
      if (currency == null) {
        currency = line.currency();
      } else if (!currency.equals(line.currency())) {
        throw new StatementFormatException(row.line(), "currency",
            "currency " + line.currency() + " differs from the statement's " + currency);
      }
      if (latest == null || line.bookingDate().isAfter(latest)) {
        latest = line.bookingDate();
      }
      lines.add(line);
    }
    return new BankStatement(StatementFormat.CSV, null, null, currency, latest, lines);
  }

  private static boolean header(List<String> fields) {
    return fields.stream().map(f -> f.strip().toLowerCase()).toList().equals(HEADER);
  }

  private static StatementLine line(Row row, int index) {
    List<String> f = row.fields();
    int at = row.line();
    LocalDate date;
    try {
      date = LocalDate.parse(f.get(0).strip());
    } catch (DateTimeParseException e) {
      throw new StatementFormatException(at, "date", "'" + f.get(0) + "' is not a date (YYYY-MM-DD)");
    }
    String rawAmount = f.get(1).strip();
    if (rawAmount.isEmpty()) {
      throw new StatementFormatException(at, "amount", "amount is missing");
    }
    if (!AMOUNT.matcher(rawAmount).matches()) {
      throw new StatementFormatException(at, "amount", "amount '" + rawAmount + "' is not a number like 1234.50");
    }
    BigDecimal signed = new BigDecimal(rawAmount).setScale(2);
    String currency = f.get(2).strip();
    if (!CURRENCY.matcher(currency).matches()) {
      throw new StatementFormatException(at, "currency", "currency '" + currency + "' is not an ISO code");
    }
    String remittance = Text.blankToNull(f.get(5));
    return new StatementLine(index, Text.blankToNull(f.get(6)), signed.abs(),
        currency, signed.signum() >= 0, date, date, Text.blankToNull(f.get(3)), Text.blankToNull(f.get(4)),
        remittance, List.of(), at);
  }

  /** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
  private static List<Row> rows(String text) {
    List<Row> rows = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int line = 1;
    int rowStart = 1;
    int quoteOpenedOn = 0;
    boolean quoted = false;
    boolean afterQuote = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (field.length() > Text.MAX_FIELD_CHARS) {
        throw Text.tooLong(rowStart, null);
      }
      if (fields.size() > HEADER.size()) {
        throw new StatementFormatException(rowStart, null, "expected " + HEADER.size() + " columns, found more");
      }
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
            afterQuote = true;
          }
        } else {
          if (c == '\n' || (c == '\r' && !(i + 1 < text.length() && text.charAt(i + 1) == '\n'))) {
            line++;
          }
          field.append(c);
        }
      } else if (c == '"') {
        if (field.length() > 0 || afterQuote) {
          throw new StatementFormatException(line, null, "quote inside an unquoted field; quote the whole field");
        }
        quoted = true;
        quoteOpenedOn = line;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        afterQuote = false;
      } else if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        fields.add(field.toString());
        rows.add(new Row(List.copyOf(fields), rowStart));
        fields.clear();
        field.setLength(0);
        afterQuote = false;
        line++;
        rowStart = line;
      } else {
        if (afterQuote) {
          throw new StatementFormatException(line, null, "text after a closing quote");
        }
        field.append(c);
      }
    }
    if (quoted) {
      throw new StatementFormatException(quoteOpenedOn, null, "quoted field is never closed");
    }
    if (field.length() > 0 || !fields.isEmpty() || afterQuote) {
      fields.add(field.toString());
      rows.add(new Row(List.copyOf(fields), rowStart));
    }
    return rows;
  }

  private static int lineOfFirstBadByte(byte[] content) {
    int line = 1;
    int start = 0;
    for (int i = 0; i <= content.length; i++) {
      if (i == content.length || content[i] == '\n') {
        try {
          Text.utf8(java.util.Arrays.copyOfRange(content, start, i));
        } catch (CharacterCodingException e) {
          return line;
        }
        line++;
        start = i + 1;
      }
    }
    return 0;
  }
}
