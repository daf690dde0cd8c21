package settle.payments.statements;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Entry point: recognise a statement file's format and read it. */
public final class StatementParsers {

  private static final int SNIFF_BYTES = 4096;
  private static final Pattern MT940_REFERENCE = Pattern.compile("(?m)^:20:");
  private static final Pattern MT940_OPENING = Pattern.compile("(?m)^:60[FM]:");

  private StatementParsers() {}

  /**
   * Reads the file in the format named by the caller, or in the one {@link #detect} finds: every statement
   * it holds, in file order (at least one).
   */
  public static List<BankStatement> parse(byte[] content, Optional<StatementFormat> named) {
    return parse(content, named, AccountZones.AS_WRITTEN);
  }

  /** The same, reading camt date-times with an offset as the day they were in the account's zone. */
  public static List<BankStatement> parse(byte[] content, Optional<StatementFormat> named, AccountZones zones) {
    StatementFormat format = named.orElseGet(() -> detect(content));
    return switch (format) {
      case CAMT_053, CAMT_054 -> CamtParser.parse(content, format, zones);
      case MT940 -> Mt940Parser.parse(content);
      case BAI2 -> Bai2Parser.parse(content);
      case CSV -> List.of(CsvStatementParser.parse(content));
    };
  }

  /**
   * camt by its namespace, MT940 by its :20: and :60F: tags, BAI2 by a first record 01, CSV by its
   * header line. Only the start of the file is looked at, except for MT940's opening balance.
   */
  public static StatementFormat detect(byte[] content) {
    if (content.length == 0) {
      throw new StatementFormatException(0, null, "the file is empty");
    }
    String text = Text.utf8OrLatin1(content);
    String start = text.substring(0, Math.min(text.length(), SNIFF_BYTES)).stripLeading();
    if (start.startsWith("<")) {
      Matcher namespace = CamtParser.NAMESPACE.matcher(start);
      if (!namespace.find()) {
        throw new StatementFormatException(0, null, "XML file is not a camt.053 or camt.054 statement");
      }
      return namespace.group(1).equals("3") ? StatementFormat.CAMT_053 : StatementFormat.CAMT_054;
    }
    if (start.startsWith("01,")) {
      return StatementFormat.BAI2;
    }
    if (CsvStatementParser.startsWithHeader(start)) {
      return StatementFormat.CSV;
    }
    if ((start.startsWith("{1:") || start.startsWith(":20:") || MT940_REFERENCE.matcher(start).find())
        && MT940_OPENING.matcher(text).find()) {
      return StatementFormat.MT940;
    }
    throw new StatementFormatException(1, null,
        "not a statement we can read (camt.053, camt.054, MT940, BAI2 or the CSV layout): starts with '"
            + printable(start) + "'");
  }

  private static String printable(String start) {
    String line = start.lines().findFirst().orElse("");
    String shown = line.length() > 30 ? line.substring(0, 30) + "..." : line;
    return shown.replaceAll("\\p{Cntrl}", "?");
  }
}
