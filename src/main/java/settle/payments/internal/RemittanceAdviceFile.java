package settle.payments.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import settle.common.InvalidRequestException;
import settle.common.UnsupportedMediaException;

/**
 * Reads a remittance advice: a CSV with an invoice number and an amount per line, or a PDF whose text names invoice
 * numbers with amounts on the same line. The kind is told by the bytes, never by the file's name.
 */
public final class RemittanceAdviceFile {

  public static final int MAX_BYTES = 1024 * 1024;

  public enum Kind { CSV, PDF }

  public record Line(int lineNo, String invoiceNumber, BigDecimal amount) {}

  public record Read(Kind kind, List<Line> lines) {}

  /** An invoice number as we issue them (INV-2026-00042), and an amount: 1200.50, 1,200.50, 1.200,50 or 1200,50. */
  private static final Pattern NUMBER = Pattern.compile("\\b[A-Z]{2,5}-\\d{4}-\\d{3,8}\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern AMOUNT = Pattern.compile("(?<![\\w.,-])\\d{1,3}(?:[.,' ]\\d{3})*(?:[.,]\\d{2})(?![\\d])|(?<![\\w.,-])\\d+(?:[.,]\\d{2})?(?![\\d.,])");

  private RemittanceAdviceFile() {}

  public static Read read(String filename, byte[] bytes) {
    if (bytes.length == 0) {
      throw new InvalidRequestException("file", "Choose a file to upload");
    }
    if (bytes.length > MAX_BYTES) {
      throw new InvalidRequestException("file", "The file is larger than 1 MB");
    }
    if (startsWith(bytes, "%PDF-")) {
      return new Read(Kind.PDF, pdf(bytes));
    }
    String text = text(bytes).orElseThrow(() -> new UnsupportedMediaException(
        (filename == null || filename.isBlank() ? "The file" : filename) + " is not accepted: upload a CSV or a PDF file"));
    return new Read(Kind.CSV, csv(text));
  }

  private static List<Line> csv(String text) {
    List<Line> lines = new ArrayList<>();
    String[] rows = text.split("\r\n|\n|\r", -1);
    for (int n = 1; n <= rows.length; n++) {
      String row = rows[n - 1].strip();
      if (row.isEmpty()) {
        continue;
      }
      // the number has no separator in it; the amount after it may have a comma when the separator is not one
      String[] cells = row.split(row.indexOf(';') >= 0 || row.indexOf('\t') >= 0 ? "[;\\t]" : ",", 2);
      if (n == firstNonBlank(rows) && !row.matches(".*\\d.*")) {
        continue; // a header row: words only
      }
      if (cells.length != 2) {
        throw new InvalidRequestException("file", "Line " + n + ": give an invoice number and an amount, separated by a comma or semicolon");
      }
      String number = unquote(cells[0]);
      if (!NUMBER.matcher(number).matches()) {
        throw new InvalidRequestException("file", "Line " + n + ": '" + number + "' is not an invoice number");
      }
      lines.add(new Line(n, number.toUpperCase(java.util.Locale.ROOT), amount(unquote(cells[1]), n)));
    }
    if (lines.isEmpty()) {
      throw new InvalidRequestException("file", "The file names no invoice");
    }
    return lines;
  }

  private static int firstNonBlank(String[] rows) {
    for (int n = 1; n <= rows.length; n++) {
      if (!rows[n - 1].isBlank()) {
        return n;
      }
    }
    return 0;
  }

  private static List<Line> pdf(byte[] bytes) {
    String text;
    try (PDDocument document = Loader.loadPDF(bytes)) {
      text = new PDFTextStripper().getText(document);
    } catch (IOException e) {
      throw new UnsupportedMediaException("The PDF could not be read: upload the remittance advice as your bank or system made it");
    }
    List<Line> lines = new ArrayList<>();
    String[] rows = text.split("\r\n|\n|\r");
    for (int n = 1; n <= rows.length; n++) {
      Matcher number = NUMBER.matcher(rows[n - 1]);
      if (!number.find()) {
        continue;
      }
      String rest = rows[n - 1].substring(number.end());
      Matcher amount = AMOUNT.matcher(rest);
      String last = null;
      while (amount.find()) {
        last = amount.group();
      }
      if (last == null) {
        throw new InvalidRequestException("file", "Line " + n + " of the PDF names " + number.group() + " but no amount after it");
      }
      lines.add(new Line(n, number.group().toUpperCase(java.util.Locale.ROOT), amount(last, n)));
    }
    if (lines.isEmpty()) {
      throw new InvalidRequestException("file", "The PDF names no invoice number with an amount");
    }
    return lines;
  }

  /** 1200.50, 1,200.50, 1.200,50, 1 200,50 or 1200,50; a currency code after it is allowed. */
  static BigDecimal amount(String text, int lineNo) {
    String t = text.replaceAll("(?i)\\s*(EUR|USD|CHF|GBP|€|\\$|£)\\s*", "").replace(" ", "").replace("'", "");
    int comma = t.lastIndexOf(','), dot = t.lastIndexOf('.');
    String plain = comma > dot ? t.replace(".", "").replace(',', '.') : t.replace(",", "");
    try {
      BigDecimal value = new BigDecimal(plain);
      if (value.signum() > 0 && value.scale() <= 2) {
        return value.setScale(2);
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new InvalidRequestException("file", "Line " + lineNo + ": '" + text + "' is not an amount more than 0 with at most two decimals");
  }

  private static String unquote(String cell) {
    String c = cell.strip();
    return c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"") ? c.substring(1, c.length() - 1).strip() : c;
  }

  /** Text in UTF-8 without control characters other than line breaks and tabs; anything else is not a CSV. */
  private static java.util.Optional<String> text(byte[] bytes) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
          return java.util.Optional.empty();
        }
      }
      return java.util.Optional.of(text);
    } catch (CharacterCodingException e) {
      return java.util.Optional.empty();
    }
  }

  private static boolean startsWith(byte[] bytes, String magic) {
    byte[] m = magic.getBytes(StandardCharsets.US_ASCII);
    return bytes.length >= m.length && java.util.Arrays.equals(bytes, 0, m.length, m, 0, m.length);
  }
}
