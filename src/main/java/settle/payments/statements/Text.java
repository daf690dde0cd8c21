package settle.payments.statements;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

/** Small helpers the text-based parsers share. */
final class Text {

  private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
  private static final Pattern COMMA_DECIMAL = Pattern.compile("\\d+(,\\d*)?");
  private static final Pattern POINT_DECIMAL = Pattern.compile("\\d+(\\.\\d+)?");
  private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");
  private static final int MAX_AMOUNT_DIGITS = 15;
  /** 15 digits, a separator and up to five decimals (camt allows five) is the longest amount a bank writes. */
  static final int MAX_AMOUNT_CHARS = 21;
  /** Longer than any name, account, reference or remittance a bank format carries; more is not a statement. */
  static final int MAX_FIELD_CHARS = 10_000;

  private Text() {}

  static String utf8(byte[] content) throws CharacterCodingException {
    String text = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(content))
        .toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /** MT940 and BAI2 files from older bank systems are often Latin-1; those bytes are never invalid. */
  static String utf8OrLatin1(byte[] content) {
    try {
      return utf8(content);
    } catch (CharacterCodingException e) {
      return new String(content, StandardCharsets.ISO_8859_1);
    }
  }

  /** The file's lines, one at a time: a file is never held twice, as text and as a list of its lines. */
  static Iterator<String> lines(String text) {
    return LINE_BREAK.splitAsStream(text).iterator();
  }

  /**
   * A plain decimal with at most two decimals. Longer fractions are refused rather than rounded:
   * a statement that books fractions of a cent is not one we understand.
   */
  static BigDecimal amount(String raw, char decimalSeparator, int line, String element) {
    String digits = raw == null ? "" : raw.strip();
    if (digits.isEmpty()) {
      throw new StatementFormatException(line, element, "amount is missing");
    }
    // Checked before any parsing: BigDecimal takes quadratic time on a million digits.
    if (digits.length() > MAX_AMOUNT_CHARS) {
      throw new StatementFormatException(line, element,
          "amount '" + abbreviate(digits) + "' is " + digits.length() + " characters long; at most " + MAX_AMOUNT_CHARS + " are read");
    }
    Pattern shape = decimalSeparator == ',' ? COMMA_DECIMAL : POINT_DECIMAL;
    if (!shape.matcher(digits).matches()) {
      throw new StatementFormatException(line, element, "amount '" + digits + "' is not a number");
    }
    BigDecimal value = new BigDecimal(digits.replace(',', '.').replaceAll("\\.$", ""));
    if (value.precision() - value.scale() > MAX_AMOUNT_DIGITS) {
      throw new StatementFormatException(line, element, "amount '" + digits + "' is too large");
    }
    if (value.stripTrailingZeros().scale() > 2) {
      throw new StatementFormatException(line, element,
          "amount '" + digits + "' has more than two decimals");
    }
    return value.setScale(2);
  }

  /** A six-digit YYMMDD date of this century, as bank formats write them. */
  static java.time.LocalDate yymmdd(String text, int line, String element) {
    if (!SIX_DIGITS.matcher(text).matches()) {
      throw new StatementFormatException(line, element, "date '" + text + "' is not YYMMDD");
    }
    try {
      return java.time.LocalDate.of(2000 + Integer.parseInt(text.substring(0, 2)),
          Integer.parseInt(text.substring(2, 4)), Integer.parseInt(text.substring(4, 6)));
    } catch (java.time.DateTimeException e) {
      throw new StatementFormatException(line, element, "date '" + text + "' does not exist");
    }
  }

  static String blankToNull(String value) {
    if (value == null) {
      return null;
    }
    String stripped = value.strip();
    return stripped.isEmpty() ? null : stripped;
  }

  static String joinNonBlank(List<String> parts) {
    String joined = String.join(" ",
        parts.stream().map(Text::blankToNull).filter(p -> p != null).toList());
    return joined.isEmpty() ? null : joined;
  }

  /** Refuses a text field longer than {@link #MAX_FIELD_CHARS}, naming where it is. */
  static String bounded(String value, int line, String element) {
    if (value != null && value.length() > MAX_FIELD_CHARS) {
      throw tooLong(line, element);
    }
    return value;
  }

  static StatementFormatException tooLong(int line, String element) {
    return new StatementFormatException(line, element,
        "text is longer than the " + MAX_FIELD_CHARS + " characters a statement field may hold");
  }

  /** For messages: the start of a long value, never the whole of it. */
  static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "...";
  }
}
