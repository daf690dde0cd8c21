package settle.payments.statements;

import com.prowidesoftware.swift.model.field.Field60F;
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
 * component is checked here before it is used. Each :20: block is its own statement (a day, or an
 * account); a closing balance that is not the opening plus the movements is kept for the importer to flag.
 */
final class Mt940Parser {

  private static final Pattern TAG = Pattern.compile("^:(\\d{2}[A-Z]?):(.*)$");
  /** After the closing balance: available (:64:) and forward (:65:) balances, statement information (:86:). */
  private static final Pattern TRAILING = Pattern.compile("64|65[A-Z]?|86");
  private static final Set<String> MULTI_LINE = Set.of("61", "86");
  /** The end of a message: "-", or "-}" closing the SWIFT text block. */
  private static final Pattern END = Pattern.compile("\\s*-\\s*(}.*)?");
  /** SOH/ETX around FIN messages, a DOS end-of-file byte: not text. */
  private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
  private static final Set<String> KNOWN_TAGS =
      Set.of("20", "21", "25", "25P", "28", "28C", "60F", "60M", "61", "86", "62F", "62M", "64", "65", "65F", "65M");
  private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");
  private static final Pattern FOUR_DIGITS = Pattern.compile("\\d{4}");
  private static final Pattern STATEMENT_NUMBER = Pattern.compile("\\d{1,5}(/\\d{1,5})?");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final Pattern TYPE_CODE = Pattern.compile("[A-Z0-9]{2,3}");
  private static final Pattern GERMAN_SUBFIELDS = Pattern.compile("^\\d{3}\\?\\d{2}.*", Pattern.DOTALL);
  private static final Pattern SUBFIELD = Pattern.compile("\\?(\\d{2})");
  private static final Pattern KEYWORD = Pattern.compile(
      "/(EREF|KREF|MREF|CRED|DEBT|ORDP|BENM|NAME|ADDR|IBAN|ACCT|BIC|REMI|CDTRREFTP|CDTRREF|CD|ISSR"
          + "|PURP|ULTD|ULTB|ULTC|TRTP|CSID|MARF|RTRN|SVWZ)/");
  /** The SEPA end-to-end id in German ?2x subfields: "EREF+" up to the next SEPA keyword. */
  private static final Pattern SEPA_END_TO_END = Pattern.compile(
      "EREF\\+(.*?)\\s*(?=(?:KREF|MREF|CRED|DEBT|OAMT|COAM|SVWZ|ABWA|ABWE|IBAN|BIC)\\+|$)");
  /** German banks fill each ?2x subfield to its 27 characters and break mid-word. */
  private static final int SUBFIELD_WIDTH = 27;

  private Mt940Parser() {}

  record Tag(String name, String value, int line) {
    String element() {
      return ":" + name + ":";
    }
  }

  static List<BankStatement> parse(byte[] content) {
    List<Tag> tags = tags(Text.lines(CONTROL.matcher(Text.utf8OrLatin1(content)).replaceAll("")));
    Reader reader = new Reader(tags);
    List<BankStatement> statements = new ArrayList<>();
    do {
      statements.add(reader.read());
    } while (!reader.done());
    return statements;
  }

  /**
   * Splits the text into tags, each with the line it starts on; continuation lines join with \n. Only
   * :61: and :86: run on over several lines: any other text outside a tag is a bank's header or trailer
   * (ABNANL2A / 940, Rabobank's :940:, SWIFT blocks {1:}..{4: and -}) and is skipped.
   */
  static List<Tag> tags(Iterator<String> lines) {
    List<Tag> tags = new ArrayList<>();
    String name = null;
    StringBuilder value = null;
    int start = 0;
    for (int lineNumber = 1; lines.hasNext(); lineNumber++) {
      String line = lines.next();
      int block4 = line.indexOf("{4:");
      if (block4 >= 0) {
        line = line.substring(block4 + 3);
      }
      Matcher tag = TAG.matcher(line);
      if (tag.matches()) {
        if (name != null) {
          tags.add(new Tag(name, value.toString(), start));
        }
        name = tag.group(1);
        value = new StringBuilder(tag.group(2));
        start = lineNumber;
      } else if (name != null && MULTI_LINE.contains(name) && !END.matcher(line).matches()) {
        value.append('\n').append(line);
      } else if (name != null) {
        tags.add(new Tag(name, value.toString(), start));
        name = null;
      }
      if (name != null && value.length() > Text.MAX_FIELD_CHARS) {
        throw Text.tooLong(start, ":" + name + ":");
      }
    }
    if (name != null) {
      tags.add(new Tag(name, value.toString(), start));
    }
    if (tags.isEmpty()) {
      throw new StatementFormatException(1, ":20:", "the file holds no MT940 tag");
    }
    return tags;
  }

  private static final class Reader {
    private final List<Tag> tags;
    private List<StatementLine> lines;
    private int position;

    Reader(List<Tag> tags) {
      this.tags = tags;
    }

    boolean done() {
      return position >= tags.size();
    }

    BankStatement read() {
      lines = new ArrayList<>();
      Tag reference = expect("20");
      if (peekIs("21")) {
        position++;
      }
      Tag account = peekIs("25P") ? expect("25P") : expect("25");
      Tag number = peekIs("28") ? expect("28") : expect("28C");
      Tag opening = peekIs("60M") ? expect("60M") : expect("60F");
      Balance open = balance(opening);
      while (peekIs("86")) {
        position++; // information about the statement as a whole
      }
      movements(open);
      Balance close = null;
      if (peekIs("62M") || peekIs("62F") || !ends()) {
        Tag closing = peekIs("62M") ? expect("62M") : expect("62F");
        close = balance(closing);
        if (!close.currency.equals(open.currency)) {
          throw new StatementFormatException(closing.line, closing.element(),
              "closing balance currency " + close.currency + " differs from the opening " + open.currency);
        }
      }
      while (position < tags.size() && TRAILING.matcher(tags.get(position).name()).matches()) {
        position++;
      }
      // A movement after the end of the statement still happened on the account: it is read with the
      // statement, whose balances then no longer add up, so the statement is flagged rather than the money lost.
      movements(open);
      if (position < tags.size() && !peekIs("20")) {
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
          accountId, open.currency, close != null ? close.date : lastDate(open.date), lines, open.signed(),
          close == null ? null : close.signed());
    }

    private void movements(Balance open) {
      while (peekIs("61")) {
        Tag entry = expect("61");
        List<String> narratives = new ArrayList<>();
        while (peekIs("86")) {
          narratives.add(expect("86").value());
        }
        lines.add(line(entry, narratives.isEmpty() ? null : String.join("\n", narratives), open));
      }
    }

    /** Where the statement stops without a closing balance: at the file's end, the next :20: or a forward balance. */
    private boolean ends() {
      return position >= tags.size() || peekIs("20") || TRAILING.matcher(tags.get(position).name()).matches();
    }

    private LocalDate lastDate(LocalDate opened) {
      return lines.isEmpty() ? opened : lines.getLast().bookingDate();
    }

    private StatementLine line(Tag entry, String narrative, Balance open) {
      Entry field = Entry.of(entry);
      int at = entry.line();
      String element = entry.element();
      LocalDate valueDate = Text.yymmdd(field.valueDate(), at, element);
      LocalDate bookingDate = field.entryDate() == null ? valueDate : nearestYear(valueDate, field.entryDate(), at, element);
      // A reversed debit puts money back on the account, a reversed credit takes it away.
      boolean credit = field.mark().equals("C") || field.mark().equals("RD");
      BigDecimal amount = Text.amount(field.amount(), ',', at, element);
      String ownerReference = field.ownerReference();
      String bankReference = field.bankReference();
      Narrative details = narrative == null
          ? new Narrative(Text.joinNonBlank(Arrays.asList(ownerReference, field.supplementary())), null, null, List.of(), null)
          : Narrative.of(narrative.strip());
      int index = lines.size() + 1;
      String reference = bankReference != null ? bankReference : ownerReference;
      return new StatementLine(index, reference, amount, open.currency, credit, valueDate, bookingDate,
          details.name(), details.account(), details.remittance(), details.structured(), at, field.mark().startsWith("R"),
          details.endToEndId());
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

  /**
   * The parts of a :61: line, read as banks write them: a blank entry date, a space before the amount or the
   * type code, a funds code after the mark, a two-letter code padded with a space, no owner reference at all.
   */
  record Entry(String valueDate, String entryDate, String mark, String amount, String ownerReference,
               String bankReference, String supplementary) {

    static Entry of(Tag tag) {
      String value = tag.value();
      int lineBreak = value.indexOf('\n');
      String text = lineBreak < 0 ? value : value.substring(0, lineBreak);
      String supplementary = lineBreak < 0 ? null : Text.blankToNull(value.substring(lineBreak + 1).replace('\n', ' '));
      int at = tag.line();
      String element = tag.element();
      if (text.length() < 6 || !SIX_DIGITS.matcher(text.substring(0, 6)).matches()) {
        throw new StatementFormatException(at, element, "value date '" + prefix(text, 6) + "' is not YYMMDD");
      }
      String valueDate = text.substring(0, 6);
      int position = 6;
      String entryDate = null;
      if (text.length() >= 10 && FOUR_DIGITS.matcher(text.substring(6, 10)).matches()) {
        entryDate = text.substring(6, 10);
        position = 10;
      }
      position = skipSpaces(text, position);
      String mark = text.startsWith("RC", position) || text.startsWith("RD", position) ? text.substring(position, position + 2)
          : position < text.length() && (text.charAt(position) == 'C' || text.charAt(position) == 'D')
              ? text.substring(position, position + 1) : null;
      if (mark == null) {
        throw new StatementFormatException(at, element, "debit/credit mark '" + prefix(text.substring(position), 2)
            + "' is not C, D, RC or RD");
      }
      position += mark.length();
      if (position < text.length() && Character.isLetter(text.charAt(position))) {
        position++; // the funds code: the third letter of the currency
      }
      int amountStart = position;
      while (position < text.length() && (Character.isDigit(text.charAt(position)) || text.charAt(position) == ',')) {
        position++;
      }
      String amount = text.substring(amountStart, position);
      position = skipSpaces(text, position);
      if (position >= text.length() || "NSF".indexOf(text.charAt(position)) < 0) {
        throw new StatementFormatException(at, element, "after amount '" + amount
            + "' expected transaction type N, S or F but found '" + prefix(text.substring(position), 1) + "'");
      }
      position++;
      String code = prefix(text.substring(position), 3);
      if (code.length() == 3 && code.charAt(2) == ' ') {
        code = code.substring(0, 2);
      }
      if (!TYPE_CODE.matcher(code).matches()) {
        throw new StatementFormatException(at, element, "transaction type code '" + code + "' is not three letters or digits");
      }
      position = Math.min(text.length(), position + 3);
      String references = text.substring(position);
      int slashes = references.indexOf("//");
      String owner = Text.blankToNull(slashes < 0 ? references : references.substring(0, slashes));
      String bank = slashes < 0 ? null : Text.blankToNull(references.substring(slashes + 2));
      return new Entry(valueDate, entryDate, mark, amount, "NONREF".equals(owner) ? null : owner, bank, supplementary);
    }

    private static int skipSpaces(String text, int position) {
      while (position < text.length() && text.charAt(position) == ' ') {
        position++;
      }
      return position;
    }
  }

  private record Balance(boolean credit, LocalDate date, String currency, BigDecimal amount) {
    BigDecimal signed() {
      return credit ? amount : amount.negate();
    }
  }

  /** The :86: narrative: who paid and what for, where the bank structured it; otherwise the raw text. */
  record Narrative(String remittance, String name, String account, List<String> structured, String endToEndId) {

    static Narrative of(String raw) {
      if (GERMAN_SUBFIELDS.matcher(raw).matches()) {
        return subfields(raw.replace("\n", ""));
      }
      if (raw.startsWith("/") && KEYWORD.matcher(raw).find()) {
        return keywords(raw.replace("\n", ""));
      }
      return new Narrative(Text.joinNonBlank(List.of(raw.split("\n"))), null, null, List.of(), null);
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
      StringBuilder sepa = new StringBuilder();
      for (int i = 0; i < found.size(); i++) {
        int end = i + 1 < found.size() ? found.get(i + 1)[0] : raw.length();
        String value = raw.substring(found.get(i)[1], end);
        int code = found.get(i)[2];
        if (code >= 20 && code <= 29) {
          sepa.append(value); // one text cut into 27-character pieces
        }
        if ((code >= 20 && code <= 29) || (code >= 60 && code <= 63)) {
          purpose.add(value);
        } else if (code == 31) {
          account = Text.blankToNull(value);
        } else if (code == 32 || code == 33) {
          name.add(value);
        }
      }
      Matcher endToEnd = SEPA_END_TO_END.matcher(sepa);
      String endToEndId = endToEnd.find() ? Text.blankToNull(endToEnd.group(1)) : null;
      return new Narrative(joinSubfields(purpose), joinSubfields(name), account, List.of(),
          "NOTPROVIDED".equals(endToEndId) ? null : endToEndId);
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
      String endToEnd = null;
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
          case "EREF" -> endToEnd = value.equals("NOTPROVIDED") ? null : value;
          default -> { }
        }
      }
      if (remittance == null) {
        remittance = Text.blankToNull(raw);
      } else if (!structured.isEmpty()) {
        remittance = remittance + " " + String.join(" ", structured);
      }
      return new Narrative(remittance, name, account, structured, endToEnd);
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
