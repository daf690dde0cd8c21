package settle.payments.statements;

import com.prowidesoftware.swift.model.field.Field60F;
import com.prowidesoftware.swift.model.field.Field61;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MT940 customer statement, as a bank export (tags only) or as a FIN message with {1:}..{4:}
 * blocks. Prowide splits the compound fields (:61:, :60F:, :28C:); it is lenient, so every
 * component is checked here before it is used. One statement per file: a second :20: is refused
 * rather than silently dropped.
 */
final class Mt940Parser {

  private static final Pattern TAG = Pattern.compile("^:(\\d{2}[A-Z]?):(.*)$");
  private static final Set<String> KNOWN_TAGS =
      Set.of("20", "21", "25", "25P", "28C", "60F", "60M", "61", "86", "62F", "62M", "64", "65");
  private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");
  private static final Pattern FOUR_DIGITS = Pattern.compile("\\d{4}");
  private static final Pattern STATEMENT_NUMBER = Pattern.compile("\\d{1,5}(/\\d{1,5})?");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final Pattern IDENTIFICATION = Pattern.compile("[A-Z0-9]{3}");
  private static final Pattern GERMAN_SUBFIELDS = Pattern.compile("^\\d{3}\\?\\d{2}.*", Pattern.DOTALL);
  private static final Pattern SUBFIELD = Pattern.compile("\\?(\\d{2})");
  private static final Pattern KEYWORD = Pattern.compile(
      "/(EREF|KREF|MREF|CRED|DEBT|ORDP|BENM|NAME|ADDR|IBAN|ACCT|BIC|REMI|CDTRREFTP|CDTRREF|CD|ISSR"
          + "|PURP|ULTD|ULTB|ULTC|TRTP|CSID|MARF|RTRN|SVWZ)/");
  /** German banks fill each ?2x subfield to its 27 characters and break mid-word. */
  private static final int SUBFIELD_WIDTH = 27;

  private Mt940Parser() {}

  record Tag(String name, String value, int line) {
    String element() {
      return ":" + name + ":";
    }
  }

  static BankStatement parse(byte[] content) {
    List<Tag> tags = tags(Text.lines(Text.utf8OrLatin1(content)));
    return new Reader(tags).read();
  }

  /** Splits the text into tags, each with the line it starts on; continuation lines join with \n. */
  static List<Tag> tags(Iterator<String> lines) {
    List<Tag> tags = new ArrayList<>();
    String name = null;
    StringBuilder value = null;
    int start = 0;
    boolean ended = false;
    for (int lineNumber = 1; lines.hasNext(); lineNumber++) {
      String line = lines.next();
      int block4 = line.indexOf("{4:");
      if (name == null && block4 >= 0) {
        line = line.substring(block4 + 3);
      } else if (name == null && line.startsWith("{")) {
        continue;
      }
      String trimmed = line.strip();
      if (trimmed.equals("-") || trimmed.startsWith("-}")) {
        ended = name != null;
        if (name != null) {
          tags.add(new Tag(name, value.toString(), start));
          name = null;
        }
        continue;
      }
      Matcher tag = TAG.matcher(line);
      if (tag.matches()) {
        if (ended && tag.group(1).equals("20")) {
          throw new StatementFormatException(lineNumber, ":20:",
              "the file holds more than one statement; import them one file each");
        }
        if (name != null) {
          tags.add(new Tag(name, value.toString(), start));
        }
        name = tag.group(1);
        value = new StringBuilder(tag.group(2));
        start = lineNumber;
      } else if (name != null) {
        value.append('\n').append(line);
      } else if (!trimmed.isEmpty()) {
        throw new StatementFormatException(lineNumber, null,
            ended ? "unexpected text after the end of the statement" : "expected the :20: tag, found '" + abbreviate(trimmed) + "'");
      }
      if (name != null && value.length() > Text.MAX_FIELD_CHARS) {
        throw Text.tooLong(start, ":" + name + ":");
      }
    }
    if (name != null) {
      tags.add(new Tag(name, value.toString(), start));
    }
    return tags;
  }

  private static final class Reader {
    private final List<Tag> tags;
    private final List<StatementLine> lines = new ArrayList<>();
    private int position;

    Reader(List<Tag> tags) {
      this.tags = tags;
    }

    BankStatement read() {
      Tag reference = expect("20");
      if (peekIs("21")) {
        position++;
      }
      Tag account = peekIs("25P") ? expect("25P") : expect("25");
      Tag number = expect("28C");
      Tag opening = peekIs("60M") ? expect("60M") : expect("60F");
      Balance open = balance(opening);
      BigDecimal movement = BigDecimal.ZERO.setScale(2);
      while (peekIs("86")) {
        position++; // information about the statement as a whole
      }
      while (peekIs("61")) {
        Tag entry = expect("61");
        Tag narrative = peekIs("86") ? expect("86") : null;
        StatementLine line = line(entry, narrative, open);
        movement = line.credit() ? movement.add(line.amount()) : movement.subtract(line.amount());
        lines.add(line);
      }
      Tag closing = peekIs("62M") ? expect("62M") : expect("62F");
      Balance close = balance(closing);
      if (!close.currency.equals(open.currency)) {
        throw new StatementFormatException(closing.line, closing.element(),
            "closing balance currency " + close.currency + " differs from the opening " + open.currency);
      }
      BigDecimal expected = open.signed().add(movement);
      if (expected.compareTo(close.signed()) != 0) {
        throw new StatementFormatException(closing.line, closing.element(),
            "closing balance " + close.signed() + " does not equal the opening balance plus the movements ("
                + expected + ")");
      }
      while (position < tags.size() && Set.of("64", "65", "86").contains(tags.get(position).name())) {
        position++;
      }
      if (position < tags.size()) {
        Tag extra = tags.get(position);
        throw new StatementFormatException(extra.line(), extra.element(), "tag is not expected after the closing balance");
      }
      if (Text.blankToNull(reference.value()) == null) {
        throw new StatementFormatException(reference.line(), reference.element(), "transaction reference is missing");
      }
      String statementNumber = number.value().strip();
      if (!STATEMENT_NUMBER.matcher(statementNumber).matches()) {
        throw new StatementFormatException(number.line(), number.element(),
            "statement number '" + statementNumber + "' is not NNNNN or NNNNN/NNNNN");
      }
      String accountId = Text.blankToNull(account.value());
      if (accountId == null) {
        throw new StatementFormatException(account.line(), account.element(), "account is missing");
      }
      return new BankStatement(StatementFormat.MT940, reference.value().strip() + "/" + statementNumber.strip(),
          accountId, open.currency, close.date, lines);
    }

    private StatementLine line(Tag entry, Tag narrative, Balance open) {
      Field61 field = parsed(entry, Field61::new);
      int at = entry.line();
      String element = entry.element();
      String valueDateText = field.getValueDate();
      if (valueDateText == null || !SIX_DIGITS.matcher(valueDateText).matches()) {
        throw new StatementFormatException(at, element, "value date '" + prefix(entry.value(), 6) + "' is not YYMMDD");
      }
      LocalDate valueDate = Text.yymmdd(valueDateText, at, element);
      LocalDate bookingDate = valueDate;
      String entryDate = field.getEntryDate();
      if (entryDate != null) {
        if (!FOUR_DIGITS.matcher(entryDate).matches()) {
          throw new StatementFormatException(at, element, "entry date '" + entryDate + "' is not MMDD");
        }
        bookingDate = nearestYear(valueDate, entryDate, at, element);
      }
      String mark = field.getDebitCreditMark();
      if (mark == null || !Set.of("C", "D", "RC", "RD").contains(mark)) {
        throw new StatementFormatException(at, element, "debit/credit mark '" + mark + "' is not C, D, RC or RD");
      }
      // A reversed debit puts money back on the account, a reversed credit takes it away.
      boolean credit = mark.equals("C") || mark.equals("RD");
      BigDecimal amount = Text.amount(field.getAmount(), ',', at, element);
      String type = field.getTransactionType();
      if (type == null || !Set.of("N", "S", "F").contains(type)) {
        throw new StatementFormatException(at, element, "after amount '" + field.getAmount()
            + "' expected transaction type N, S or F but found '" + (type == null ? "" : type) + "'");
      }
      String identification = field.getIdentificationCode();
      if (identification == null || !IDENTIFICATION.matcher(identification).matches()) {
        throw new StatementFormatException(at, element, "transaction type code '" + identification + "' is not three letters or digits");
      }
      String ownerReference = Text.blankToNull(field.getReferenceForTheAccountOwner());
      if (ownerReference == null) {
        throw new StatementFormatException(at, element, "reference for the account owner is missing (NONREF if none)");
      }
      if (ownerReference.equals("NONREF")) {
        ownerReference = null;
      }
      String bankReference = Text.blankToNull(field.getReferenceOfTheAccountServicingInstitution());
      Narrative details = narrative == null
          ? new Narrative(Text.joinNonBlank(Arrays.asList(ownerReference, field.getSupplementaryDetails())), null, null, List.of())
          : Narrative.of(narrative.value());
      int index = lines.size() + 1;
      String reference = bankReference != null ? bankReference : ownerReference;
      return new StatementLine(index, reference, amount, open.currency, credit, valueDate, bookingDate,
          details.name(), details.account(), details.remittance(), details.structured(), at);
    }

    private Balance balance(Tag tag) {
      Field60F field = parsed(tag, Field60F::new); // :60F:, :60M:, :62F: and :62M: share one layout
      String mark = field.getDCMark();
      if (mark == null || !Set.of("C", "D").contains(mark)) {
        throw new StatementFormatException(tag.line(), tag.element(), "debit/credit mark '" + mark + "' is not C or D");
      }
      String date = field.getDate();
      if (date == null || !SIX_DIGITS.matcher(date).matches()) {
        throw new StatementFormatException(tag.line(), tag.element(), "date '" + date + "' is not YYMMDD");
      }
      String currency = field.getCurrency();
      if (currency == null || !CURRENCY.matcher(currency).matches()) {
        throw new StatementFormatException(tag.line(), tag.element(), "currency '" + currency + "' is not an ISO code");
      }
      BigDecimal amount = Text.amount(field.getAmount(), ',', tag.line(), tag.element());
      return new Balance(mark.equals("C"), Text.yymmdd(date, tag.line(), tag.element()), currency, amount);
    }

    private Tag expect(String name) {
      if (position >= tags.size()) {
        int line = tags.isEmpty() ? 0 : tags.get(tags.size() - 1).line();
        throw new StatementFormatException(line, ":" + name + ":", "tag is missing; the statement ends early");
      }
      Tag tag = tags.get(position);
      if (!KNOWN_TAGS.contains(tag.name())) {
        throw new StatementFormatException(tag.line(), tag.element(), "tag is not part of an MT940 statement");
      }
      if (!tag.name().equals(name)) {
        throw new StatementFormatException(tag.line(), tag.element(), "expected :" + name + ": here");
      }
      position++;
      return tag;
    }

    private boolean peekIs(String name) {
      return position < tags.size() && tags.get(position).name().equals(name);
    }
  }

  private record Balance(boolean credit, LocalDate date, String currency, BigDecimal amount) {
    BigDecimal signed() {
      return credit ? amount : amount.negate();
    }
  }

  /** The :86: narrative: who paid and what for, where the bank structured it; otherwise the raw text. */
  record Narrative(String remittance, String name, String account, List<String> structured) {

    static Narrative of(String raw) {
      if (GERMAN_SUBFIELDS.matcher(raw).matches()) {
        return subfields(raw.replace("\n", ""));
      }
      if (raw.startsWith("/") && KEYWORD.matcher(raw).find()) {
        return keywords(raw.replace("\n", ""));
      }
      return new Narrative(Text.joinNonBlank(List.of(raw.split("\n"))), null, null, List.of());
    }

    /** "166?00GUTSCHRIFT?20INV-...?30BIC?31IBAN?32NAME": ?20-?29 and ?60-?63 say what for. */
    private static Narrative subfields(String raw) {
      List<String> purpose = new ArrayList<>();
      List<String> name = new ArrayList<>();
      String account = null;
      Matcher marker = SUBFIELD.matcher(raw);
      List<int[]> found = new ArrayList<>();
      while (marker.find()) {
        found.add(new int[] {marker.start(), marker.end(), Integer.parseInt(marker.group(1))});
      }
      for (int i = 0; i < found.size(); i++) {
        int end = i + 1 < found.size() ? found.get(i + 1)[0] : raw.length();
        String value = raw.substring(found.get(i)[1], end);
        int code = found.get(i)[2];
        if ((code >= 20 && code <= 29) || (code >= 60 && code <= 63)) {
          purpose.add(value);
        } else if (code == 31) {
          account = Text.blankToNull(value);
        } else if (code == 32 || code == 33) {
          name.add(value);
        }
      }
      return new Narrative(joinSubfields(purpose), joinSubfields(name), account, List.of());
    }

    /** A full-width subfield was cut mid-word and continues in the next one; a shorter one ended. */
    private static String joinSubfields(List<String> values) {
      StringBuilder text = new StringBuilder();
      String previous = null;
      for (String value : values) {
        if (previous != null && previous.length() < SUBFIELD_WIDTH) {
          text.append(' ');
        }
        text.append(value);
        previous = value;
      }
      return Text.blankToNull(text.toString().replaceAll(" {2,}", " "));
    }

    /** "/ORDP//NAME/ACME/REMI/USTD//INV-2026-000123/IBAN/DE.." as in the SWIFT structured narrative. */
    private static Narrative keywords(String raw) {
      Matcher keyword = KEYWORD.matcher(raw);
      List<String[]> pairs = new ArrayList<>();
      int valueStart = -1;
      String key = null;
      while (keyword.find()) {
        if (key != null) {
          pairs.add(new String[] {key, raw.substring(valueStart, keyword.start())});
        }
        key = keyword.group(1);
        valueStart = keyword.end();
      }
      pairs.add(new String[] {key, raw.substring(valueStart)});
      String name = null;
      String account = null;
      String remittance = null;
      List<String> structured = new ArrayList<>();
      for (String[] pair : pairs) {
        String value = Text.blankToNull(pair[1].replaceAll("/+$", ""));
        if (value == null) {
          continue;
        }
        switch (pair[0]) {
          case "NAME" -> name = name == null ? value : name;
          case "IBAN", "ACCT" -> account = account == null ? value : account;
          case "REMI" -> remittance = value.replaceFirst("^(USTD|STRD)//?", "");
          case "CDTRREF" -> structured.add(value);
          default -> { }
        }
      }
      if (remittance == null) {
        remittance = Text.blankToNull(raw);
      } else if (!structured.isEmpty()) {
        remittance = remittance + " " + String.join(" ", structured);
      }
      return new Narrative(remittance, name, account, structured);
    }
  }

  private static <F> F parsed(Tag tag, Function<String, F> parser) {
    try {
      return parser.apply(tag.value());
    } catch (RuntimeException e) {
      throw new StatementFormatException(tag.line(), tag.element(), "cannot be read: " + e.getMessage(), e);
    }
  }

  /** The entry date carries no year: take the one that puts it closest to the value date. */
  private static LocalDate nearestYear(LocalDate valueDate, String mmdd, int line, String element) {
    int month = Integer.parseInt(mmdd.substring(0, 2));
    int day = Integer.parseInt(mmdd.substring(2, 4));
    LocalDate best = null;
    for (int year = valueDate.getYear() - 1; year <= valueDate.getYear() + 1; year++) {
      try {
        LocalDate candidate = LocalDate.of(year, month, day);
        if (best == null || Math.abs(candidate.toEpochDay() - valueDate.toEpochDay())
            < Math.abs(best.toEpochDay() - valueDate.toEpochDay())) {
          best = candidate;
        }
      } catch (DateTimeException e) {
        // 29 February exists in some of the candidate years only
      }
    }
    if (best == null) {
      throw new StatementFormatException(line, element, "entry date '" + mmdd + "' does not exist");
    }
    return best;
  }

  private static String prefix(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length);
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "...";
  }
}
