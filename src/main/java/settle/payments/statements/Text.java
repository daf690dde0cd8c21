package settle.payments.statements;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Small helpers the text-based parsers share. */
final class Text {

  private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
  private static final Pattern COMMA_DECIMAL = Pattern.compile("\\d+(,\\d*)?");
  private static final Pattern POINT_DECIMAL = Pattern.compile("\\d+(\\.\\d+)?");
  private static final int MAX_AMOUNT_DIGITS = 15;

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

  static List<String> lines(String text) {
    return List.of(LINE_BREAK.split(text, -1));
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
    Pattern shape = decimalSeparator == ',' ? COMMA_DECIMAL : POINT_DECIMAL;
    if (!shape.matcher(digits).matches()) {
      throw new StatementFormatException(line, element, "amount '" + raw + "' is not a number");
    }
    BigDecimal value = new BigDecimal(digits.replace(',', '.').replaceAll("\\.$", ""));
    if (value.precision() - value.scale() > MAX_AMOUNT_DIGITS) {
      throw new StatementFormatException(line, element, "amount '" + raw + "' is too large");
    }
    if (value.stripTrailingZeros().scale() > 2) {
      throw new StatementFormatException(line, element,
          "amount '" + raw + "' has more than two decimals");
    }
    return value.setScale(2);
  }

  /** A six-digit YYMMDD date of this century, as bank formats write them. */
  static java.time.LocalDate yymmdd(String text, int line, String element) {
    if (!text.matches("\\d{6}")) {
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

  /**
   * Keeps references unique within a statement: the importer uses (statement, reference) to refuse
   * a line twice, and some banks repeat a reference across the parts of a batch.
   */
  static final class References {
    private final Set<String> seen = new HashSet<>();

    String unique(String wanted, int index) {
      String base = wanted == null ? "entry-" + index : wanted;
      String reference = base;
      for (int n = 2; !seen.add(reference); n++) {
        reference = base + "/" + n;
      }
      return reference;
    }
  }
}
