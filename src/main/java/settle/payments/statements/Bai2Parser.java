package settle.payments.statements;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BAI2 cash management file: 01 file header, 02 group, 03 account, 16 transaction detail, 88
 * continuation, 49/98/99 trailers. Amounts are in cents without a decimal point. The trailers'
 * control totals and record counts are checked: a file that fails them is read, but its statements are
 * flagged as not reconciled, so nothing on them is posted until a person confirms. Each account is its own statement.
 */
final class Bai2Parser {

  private static final List<String> RECORD_CODES = List.of("01", "02", "03", "16", "88", "49", "98", "99");
  private static final Pattern CODE = Pattern.compile("\\d{2}");
  private static final Pattern TYPE_CODE = Pattern.compile("\\d{3}");
  private static final Pattern CENTS = Pattern.compile("[+-]?\\d{1,17}");
  private static final Pattern UNSIGNED_CENTS = Pattern.compile("\\d{1,17}");
  private static final Pattern COUNT = Pattern.compile("\\d{1,2}");
  private static final Pattern RECORD_COUNT = Pattern.compile("\\d{1,9}");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final Pattern ORIGINATOR = Pattern.compile(
      "(?:ORIG CO NAME|ORIGINATOR)\\s*[:=]\\s*(.+?)(?=\\s+(?:ORIG ID|CO ID|DESC DATE|CO ENTRY|ENTRY DESCR|SEC|TRACE|IND ID|IND NAME|RMR|REF)\\b|\\s{2,}|$)");
  private static final Pattern RECORD_BREAK = Pattern.compile("(?<=/)\\s+(?=(?:01|02|03|16|49|88|98|99),)");
  private static final String OPENING_LEDGER = "010";
  private static final String CLOSING_LEDGER = "015";
  private static final BigDecimal CENTS_PER_UNIT = BigDecimal.valueOf(100);
  /** "Contains non-monetary information": a detail that moves no money. */
  private static final int NON_MONETARY = 890;
  /**
   * Type codes the BAI2 appendix names as returns, rejections or reversals. Credits: 123 EDIBANX credit return, 168 ACH return
   * item or adjustment settlement, 252 debit reversal, 255 check posted and returned, 257 individual ACH return item, 258 ACH
   * reversal credit, 261 individual rejected credit, 266 return item, 268 return item adjustment, 395 check reversal. Debits:
   * 423 EDIBANX return item debit, 468 ACH return item or adjustment settlement, 552 credit reversal, 555 deposited item
   * returned, 557 individual ACH return item, 558 ACH reversal debit, 561 individual rejected debit, 566 return item, 568
   * return item adjustment, 694 deposit reversal.
   */
  private static final Set<Integer> RETURN_CODES = Set.of(123, 168, 252, 255, 257, 258, 261, 266, 268, 395,
      423, 468, 552, 555, 557, 558, 561, 566, 568, 694);

  /** What a 16 record is: money in or out, a return or reversal of an earlier movement, or information only. */
  private enum Detail { CREDIT, DEBIT, CREDIT_REVERSAL, DEBIT_REVERSAL, INFORMATION }

  private Bai2Parser() {}

  /** An 03 record's amounts: their sum (for the control total) and the opening and closing ledger balances. */
  private record Summary(BigDecimal total, BigDecimal opening, BigDecimal closing) {}

  /**
   * One logical record: a physical record with its 88 continuations folded in, split into fields once. The 88
   * continuations of a 16 are its narrative, kept apart so that they never run into the customer reference.
   */
  private record Record(String code, List<String> fields, String narrative, int line, int physicalRecords) {
    String field(int index) {
      return index < fields.size() ? fields.get(index).strip() : "";
    }

    String element() {
      return "record " + code;
    }
  }

  /** A record being read: its 88 continuations are appended, not concatenated anew each time. */
  private static final class Pending {
    final String code;
    final StringBuilder body;
    final StringBuilder narrative = new StringBuilder();
    final int line;
    int physicalRecords = 1;

    Pending(String code, String body, int line) {
      this.code = code;
      this.body = new StringBuilder(body);
      this.line = line;
    }

    boolean text() {
      return code.equals("16");
    }

    void continueWith(String more) {
      if (body.length() + narrative.length() + more.length() > Text.MAX_FIELD_CHARS) {
        throw Text.tooLong(line, "record " + code);
      }
      if (text()) {
        narrative.append(narrative.isEmpty() ? "" : " ").append(more);
      } else {
        body.append(',').append(more);
      }
    }

    Record record() {
      String text = Text.bounded(body.toString(), line, "record " + code);
      return new Record(code, Arrays.asList(text.split(",", -1)), Text.blankToNull(narrative.toString()), line, physicalRecords);
    }
  }

  static List<BankStatement> parse(byte[] content) {
    return new Reader(records(Text.lines(Text.utf8OrLatin1(content)))).read();
  }

  private static List<Record> records(Iterator<String> physicalLines) {
    List<Record> records = new ArrayList<>();
    Pending pending = null;
    for (int number = 1; physicalLines.hasNext(); number++) {
      String physical = physicalLines.next();
      Iterator<String> lines = recordsOnLine(physical).iterator();
      while (lines.hasNext()) {
        String line = lines.next().stripTrailing(); // fixed-length files pad with blanks
        if (line.isEmpty()) {
          continue;
        }
        int comma = line.indexOf(',');
        String code = comma < 0 ? line : line.substring(0, comma);
        boolean inText = pending != null && pending.text();
        if (!CODE.matcher(code).matches() || !RECORD_CODES.contains(code)) {
          if (inText && (comma < 0 || !CODE.matcher(code).matches())) {
            // A bank broke the text of a 16 (or wrote "88:" for "88,"): it is still the narrative.
            pending.continueWith(line.startsWith("88:") ? line.substring(3) : line);
            continue;
          }
          if (!CODE.matcher(code).matches()) {
            throw new StatementFormatException(number, null, "record does not start with a two-digit record code");
          }
          throw new StatementFormatException(number, "record " + code, "unknown record code " + code);
        }
        String body = comma < 0 ? "" : line.substring(comma + 1);
        // Text at the end of a 16 runs to the end of the record; every other record ends in '/', which some
        // banks leave off the file trailer (nothing may follow it anyway).
        boolean textRecord = code.equals("16") || (code.equals("88") && inText);
        if (body.endsWith("/")) {
          body = body.substring(0, body.length() - 1);
        } else if (!textRecord && !code.equals("99")) {
          throw new StatementFormatException(number, "record " + code, "record does not end with '/'");
        }
        if (code.equals("88")) {
          if (pending == null) {
            throw new StatementFormatException(number, "record 88", "continuation has no record to continue");
          }
          pending.continueWith(body);
          pending.physicalRecords++;
        } else {
          if (pending != null) {
            records.add(pending.record());
          }
          pending = new Pending(code, body, number);
        }
      }
    }
    if (pending != null) {
      records.add(pending.record());
    }
    return records;
  }

  /** Some banks write several records on one physical line, each ending in '/' and blanks. */
  private static List<String> recordsOnLine(String line) {
    return line.indexOf('/') < 0 ? List.of(line) : Arrays.asList(RECORD_BREAK.split(line));
  }

  private static final class Reader {
    private final List<Record> records;
    private List<StatementLine> lines;
    /**
     * False once a control total or count differs from what the file holds: the file is read, and its statements
     * flagged. Banks' counts are often wrong; a file cut short still lacks its trailers and is refused.
     */
    private boolean totalsAgree = true;
    private int position;

    Reader(List<Record> records) {
      this.records = records;
    }

    List<BankStatement> read() {
      Record fileHeader = expect("01");
      if (!fileHeader.field(7).isEmpty() && !fileHeader.field(7).equals("2")) {
        throw new StatementFormatException(fileHeader.line(), fileHeader.element(),
            "version '" + fileHeader.field(7) + "' is not BAI version 2");
      }
      String fileId = required(fileHeader, 4, "file id");
      String sender = required(fileHeader, 0, "sender id");
      String created = required(fileHeader, 2, "creation date");
      yymmdd(created, fileHeader);

      List<BankStatement> statements = new ArrayList<>();
      BigDecimal fileTotal = BigDecimal.ZERO;
      int fileRecords = fileHeader.physicalRecords();
      int groups = 0;
      while (peekIs("02")) {
        Record group = expect("02");
        groups++;
        LocalDate asOf = yymmdd(required(group, 3, "as-of date"), group);
        String groupCurrency = currency(group, 5, "USD");
        BigDecimal groupTotal = BigDecimal.ZERO;
        int groupRecords = group.physicalRecords();
        int accounts = 0;
        while (peekIs("03")) {
          Record account = expect("03");
          accounts++;
          lines = new ArrayList<>();
          String accountId = required(account, 0, "account number");
          String currency = currency(account, 1, groupCurrency);
          Summary summary = summary(account);
          BigDecimal accountTotal = summary.total();
          int accountRecords = account.physicalRecords();
          while (peekIs("16")) {
            Record detail = expect("16");
            accountRecords += detail.physicalRecords();
            Detail kind = kind(detail);
            accountTotal = accountTotal.add(detailAmount(detail, kind));
            if (kind != Detail.INFORMATION) {
              lines.add(detail(detail, kind, currency, asOf));
            }
          }
          Record trailer = expect("49");
          accountRecords += trailer.physicalRecords();
          check(trailer, 0, "account control total", accountTotal);
          checkCount(trailer, 1, "number of records", accountRecords);
          groupTotal = groupTotal.add(accountTotal);
          groupRecords += accountRecords;
          // The first account keeps the id a one-account file always had.
          statements.add(new BankStatement(StatementFormat.BAI2, sender + "-" + created + "-" + fileId + "/" + (statements.size() + 1),
              accountId, currency, asOf, lines, summary.opening(), summary.closing()));
        }
        Record trailer = expect("98");
        groupRecords += trailer.physicalRecords();
        check(trailer, 0, "group control total", groupTotal);
        checkCount(trailer, 1, "number of accounts", accounts);
        checkCount(trailer, 2, "number of records", groupRecords);
        fileTotal = fileTotal.add(groupTotal);
        fileRecords += groupRecords;
      }
      Record trailer = expect("99");
      fileRecords += trailer.physicalRecords();
      check(trailer, 0, "file control total", fileTotal);
      checkCount(trailer, 1, "number of groups", groups);
      checkCount(trailer, 2, "number of records", fileRecords);
      if (position < records.size()) {
        Record extra = records.get(position);
        throw new StatementFormatException(extra.line(), extra.element(), "record after the file trailer");
      }
      if (statements.isEmpty()) {
        throw new StatementFormatException(trailer.line(), trailer.element(), "the file holds no account");
      }
      return totalsAgree ? statements : statements.stream().map(BankStatement::totalsDisagree).toList();
    }

    /**
     * What a detail's type code says (the BAI2 type code appendix): credits 100-399, the loan payment details 720-728 and
     * the banks' own 920-959; debits 400-699, the loan disbursement 760 and the banks' own 960-999; 890 is information,
     * not money. The return and reversal codes give back or take back an earlier movement: never a payment.
     */
    private static Detail kind(Record detail) {
      String typeCode = detail.field(0);
      if (!TYPE_CODE.matcher(typeCode).matches()) {
        throw new StatementFormatException(detail.line(), detail.element(), "type code '" + typeCode + "' is not three digits");
      }
      int type = Integer.parseInt(typeCode);
      if (type == NON_MONETARY) {
        return Detail.INFORMATION;
      }
      boolean credit = (type >= 100 && type <= 399) || (type >= 720 && type <= 728) || (type >= 920 && type <= 959);
      boolean debit = (type >= 400 && type <= 699) || type == 760 || (type >= 960 && type <= 999);
      if (!credit && !debit) {
        throw new StatementFormatException(detail.line(), detail.element(), "type code " + typeCode
            + " is not a detail code: credits are 100-399, 720-728 and 920-959, debits 400-699, 760 and 960-999");
      }
      boolean returned = RETURN_CODES.contains(type);
      return credit ? (returned ? Detail.CREDIT_REVERSAL : Detail.CREDIT) : (returned ? Detail.DEBIT_REVERSAL : Detail.DEBIT);
    }

    /** The detail's amount for the control totals; information (890) may leave it blank. */
    private static BigDecimal detailAmount(Record detail, Detail kind) {
      String rawAmount = detail.field(1);
      if (rawAmount.isEmpty() && kind == Detail.INFORMATION) {
        return BigDecimal.ZERO;
      }
      if (rawAmount.isEmpty()) {
        throw new StatementFormatException(detail.line(), detail.element(), "amount is missing");
      }
      if (!UNSIGNED_CENTS.matcher(rawAmount).matches()) {
        throw new StatementFormatException(detail.line(), detail.element(), "amount '" + rawAmount + "' is not a number of cents");
      }
      return cents(rawAmount);
    }

    private StatementLine detail(Record detail, Detail kind, String currency, LocalDate asOf) {
      List<String> fields = detail.fields();
      boolean credit = kind == Detail.CREDIT || kind == Detail.CREDIT_REVERSAL;
      BigDecimal amount = detailAmount(detail, kind);
      int next = 3 + fundsTypeFields(detail, 2);
      LocalDate valueDate = asOf;
      if (detail.field(2).equals("V")) {
        valueDate = yymmdd(detail.field(3), detail);
      }
      if (fields.size() < next + 2) {
        throw new StatementFormatException(detail.line(), detail.element(), "bank and customer reference fields are missing");
      }
      String bankReference = Text.blankToNull(detail.field(next));
      String customerReference = Text.blankToNull(detail.field(next + 1));
      String text = Text.joinNonBlank(Arrays.asList(fields.size() > next + 2
          ? Text.blankToNull(String.join(",", fields.subList(next + 2, fields.size()))) : null, detail.narrative()));
      List<String> structured = customerReference == null ? List.of() : List.of(customerReference);
      int index = lines.size() + 1;
      boolean reversal = kind == Detail.CREDIT_REVERSAL || kind == Detail.DEBIT_REVERSAL;
      return new StatementLine(index, bankReference, amount, currency, credit,
          valueDate, asOf, originator(text), null, Text.joinNonBlank(Arrays.asList(text, customerReference)),
          structured, detail.line(), reversal);
    }

    /** Funds type decides how many availability fields follow it. */
    private int fundsTypeFields(Record record, int at) {
      String fundsType = record.field(at);
      return switch (fundsType) {
        case "", "Z", "0", "1", "2" -> 0;
        case "V" -> 2;
        case "S" -> 3;
        case "D" -> {
          String count = record.field(at + 1);
          if (!COUNT.matcher(count).matches()) {
            throw new StatementFormatException(record.line(), record.element(),
                "distribution count '" + count + "' is not a number");
          }
          yield 1 + 2 * Integer.parseInt(count);
        }
        default -> throw new StatementFormatException(record.line(), record.element(),
            "funds type '" + fundsType + "' is not one of Z, 0, 1, 2, V, S, D");
      };
    }

    /** The 03 record's status and summary amounts count towards the account control total. */
    private Summary summary(Record account) {
      BigDecimal total = BigDecimal.ZERO;
      BigDecimal opening = null;
      BigDecimal closing = null;
      List<String> fields = account.fields();
      int at = 2;
      while (at < fields.size()) {
        String typeCode = account.field(at);
        if (typeCode.isEmpty() && at == fields.size() - 1) {
          break; // a trailing comma before the '/'
        }
        if (typeCode.isEmpty()) {
          // a trailing comma before an 88 continuation, or an empty summary (no code, amount, count or funds type)
          at += TYPE_CODE.matcher(account.field(at + 1)).matches() ? 1 : 4;
          continue;
        }
        if (!TYPE_CODE.matcher(typeCode).matches()) {
          throw new StatementFormatException(account.line(), account.element(), "type code '" + typeCode + "' is not three digits");
        }
        String amount = account.field(at + 1);
        if (!amount.isEmpty()) {
          if (!CENTS.matcher(amount).matches()) {
            throw new StatementFormatException(account.line(), account.element(), "amount '" + amount + "' is not a number of cents");
          }
          total = total.add(cents(amount));
          opening = typeCode.equals(OPENING_LEDGER) ? cents(amount) : opening;
          closing = typeCode.equals(CLOSING_LEDGER) ? cents(amount) : closing;
        }
        at += 4 + fundsTypeFields(account, at + 3);
      }
      return new Summary(total, opening, closing);
    }

    private void check(Record trailer, int at, String what, BigDecimal computed) {
      String raw = trailer.field(at);
      if (raw.isEmpty() && trailer.code().equals("49")) {
        return; // some banks leave the account control total blank; the group and file totals still check it
      }
      if (!CENTS.matcher(raw).matches()) {
        throw new StatementFormatException(trailer.line(), trailer.element(), what + " '" + raw + "' is not a number of cents");
      }
      if (cents(raw).compareTo(computed) != 0) {
        totalsAgree = false;
      }
    }

    private void checkCount(Record trailer, int at, String what, int computed) {
      String raw = trailer.field(at);
      if (!RECORD_COUNT.matcher(raw).matches()) {
        throw new StatementFormatException(trailer.line(), trailer.element(), what + " '" + raw + "' is not a number");
      }
      if (Integer.parseInt(raw) != computed) {
        totalsAgree = false;
      }
    }

    private Record expect(String code) {
      if (position >= records.size()) {
        int line = records.isEmpty() ? 0 : records.get(records.size() - 1).line();
        throw new StatementFormatException(line, "record " + code, "record is missing; the file ends early");
      }
      Record record = records.get(position);
      if (!record.code().equals(code)) {
        throw new StatementFormatException(record.line(), record.element(), "expected record " + code + " here");
      }
      position++;
      return record;
    }

    private boolean peekIs(String code) {
      return position < records.size() && records.get(position).code().equals(code);
    }
  }

  private static String required(Record record, int at, String what) {
    String value = record.field(at);
    if (value.isEmpty()) {
      throw new StatementFormatException(record.line(), record.element(), what + " is missing");
    }
    return value;
  }

  private static String currency(Record record, int at, String otherwise) {
    String value = record.field(at);
    if (value.isEmpty()) {
      return otherwise;
    }
    if (!CURRENCY.matcher(value).matches()) {
      throw new StatementFormatException(record.line(), record.element(), "currency '" + value + "' is not an ISO code");
    }
    return value;
  }

  private static BigDecimal cents(String digits) {
    return new BigDecimal(digits).divide(CENTS_PER_UNIT).setScale(2);
  }

  private static LocalDate yymmdd(String text, Record record) {
    return Text.yymmdd(text, record.line(), record.element());
  }

  private static String originator(String text) {
    if (text == null) {
      return null;
    }
    Matcher originator = ORIGINATOR.matcher(text);
    return originator.find() ? Text.blankToNull(originator.group(1)) : null;
  }
}
