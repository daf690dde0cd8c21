package settle.payments.statements;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * camt.053 (statement) and camt.054 (debit/credit notification), versions 02 to 13. The element
 * names we read are the same across those versions except the related party, which moved under
 * {@code Pty} in version 07, and the entry status, which became a choice in version 09.
 */
final class CamtParser {

  static final Pattern NAMESPACE =
      Pattern.compile("urn:iso:std:iso:20022:tech:xsd:camt\\.05([34])\\.001\\.(\\d{2})");
  static final int OLDEST_VERSION = 2;
  static final int NEWEST_VERSION = 13;

  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  private CamtParser() {}

  static List<BankStatement> parse(byte[] content, StatementFormat expected, AccountZones zones) {
    XmlElement document = document(XmlElement.read(content));
    Matcher namespace = NAMESPACE.matcher(String.valueOf(document.namespace));
    if (!document.name.equals("Document") || !namespace.matches()) {
      throw new StatementFormatException(document.line, document.name,
          "not a camt.053 or camt.054 document (namespace '" + document.namespace + "')");
    }
    StatementFormat format = namespace.group(1).equals("3")
        ? StatementFormat.CAMT_053 : StatementFormat.CAMT_054;
    if (format != expected) {
      throw new StatementFormatException(document.line, document.name,
          "expected " + expected + " but the namespace is " + document.namespace);
    }
    int version = Integer.parseInt(namespace.group(2));
    if (version < OLDEST_VERSION || version > NEWEST_VERSION) {
      throw new StatementFormatException(document.line, document.name,
          "camt version " + namespace.group(2) + " is not supported (02 to 13 are)");
    }
    String containerName = format == StatementFormat.CAMT_053 ? "BkToCstmrStmt" : "BkToCstmrDbtCdtNtfctn";
    String statementName = format == StatementFormat.CAMT_053 ? "Stmt" : "Ntfctn";
    XmlElement container = document.find(containerName).orElseThrow(() ->
        new StatementFormatException(document.line, containerName, "element is missing"));
    List<XmlElement> statements = container.all(statementName);
    if (statements.isEmpty()) {
      throw new StatementFormatException(container.line, statementName, "element is missing");
    }
    Optional<XmlElement> created = container.find("GrpHdr/CreDtTm");
    List<BankStatement> read = new ArrayList<>();
    for (int i = 0; i < statements.size(); i++) {
      String path = statements.size() == 1 ? statementName : statementName + "[" + (i + 1) + "]";
      read.add(new Statement(format, statements.get(i), path, created, zones).read());
    }
    return read;
  }

  /** The Document itself, or the one an envelope (a business application header beside it) carries. */
  private static XmlElement document(XmlElement root) {
    if (root.name.equals("Document")) {
      return root;
    }
    for (XmlElement child : root.children()) {
      if (child.name.equals("Document")) {
        return child;
      }
    }
    return root;
  }

  private static final class Statement {
    private final StatementFormat format;
    private final XmlElement element;
    private final String path;
    private final List<StatementLine> lines = new ArrayList<>();
    private final Optional<XmlElement> groupCreated;
    private final AccountZones zones;
    private ZoneId zone;
    private LocalDate date;

    Statement(StatementFormat format, XmlElement element, String path, Optional<XmlElement> groupCreated, AccountZones zones) {
      this.format = format;
      this.element = element;
      this.path = path;
      this.groupCreated = groupCreated;
      this.zones = zones;
    }

    BankStatement read() {
      String id = required(element, "Id");
      String account = element.textAt("Acct/Id/IBAN", "Acct/Id/Othr/Id").orElseThrow(() ->
          new StatementFormatException(element.line, path + "/Acct/Id", "account IBAN or Othr/Id is missing"));
      zone = zones.of(account);
      date = statementDate();
      List<XmlElement> entries = element.all("Ntry");
      String currency = element.textAt("Acct/Ccy")
          .or(() -> element.find("Bal/Amt").map(a -> a.attribute("Ccy")))
          .or(() -> entries.isEmpty() ? Optional.empty()
              : entries.get(0).find("Amt").map(a -> a.attribute("Ccy")))
          .orElse(null);
      if (currency != null && !CURRENCY.matcher(currency).matches()) {
        throw new StatementFormatException(element.line, path + "/Acct/Ccy", "currency '" + currency + "' is not an ISO code");
      }
      for (int i = 0; i < entries.size(); i++) {
        // In a file of several statements, an error names the statement too.
        entry(entries.get(i), (path.contains("[") ? path + "/" : "") + "Ntry[" + (i + 1) + "]");
      }
      return new BankStatement(format, id, account, currency, date, lines, balance("OPBD", "PRCD"), balance("CLBD"));
    }

    /** The first balance of one of these types (opening booked, else previous closing; closing booked), signed. */
    private BigDecimal balance(String... types) {
      List<XmlElement> balances = element.all("Bal");
      for (String type : types) {
        for (int i = 0; i < balances.size(); i++) {
          XmlElement balance = balances.get(i);
          if (balance.textAt("Tp/CdOrPrtry/Cd").filter(type::equals).isPresent()) {
            String at = path + "/Bal[" + (i + 1) + "]";
            XmlElement amount = balance.find("Amt").orElseThrow(() ->
                new StatementFormatException(balance.line, at + "/Amt", "amount is missing"));
            BigDecimal value = amount(amount, at + "/Amt");
            return creditOrDebit(balance, at, null) ? value : value.negate();
          }
        }
      }
      return null;
    }

    private LocalDate statementDate() {
      Optional<XmlElement> to = element.find("FrToDt/ToDtTm");
      if (to.isPresent()) {
        return dateTime(to.get(), path + "/FrToDt/ToDtTm");
      }
      // Some banks leave the statement's own creation time out; the message's is then the statement's.
      Optional<XmlElement> created = element.find("CreDtTm");
      if (created.isPresent()) {
        return dateTime(created.get(), path + "/CreDtTm");
      }
      return dateTime(groupCreated.orElseThrow(() ->
          new StatementFormatException(element.line, path + "/CreDtTm", "creation date is missing")), "GrpHdr/CreDtTm");
    }

    private void entry(XmlElement entry, String at) {
      // Pending and information-only entries are not money on the account yet.
      String status = entry.textAt("Sts/Cd", "Sts").orElse("BOOK");
      if (!status.equals("BOOK")) {
        return;
      }
      XmlElement amountElement = entry.find("Amt").orElseThrow(() ->
          new StatementFormatException(entry.line, at + "/Amt", "amount is missing"));
      BigDecimal amount = amount(amountElement, at + "/Amt");
      String currency = currency(amountElement, at + "/Amt");
      boolean credit = creditOrDebit(entry, at, null);
      LocalDate booked = date(entry, "BookgDt", at);
      LocalDate valued = date(entry, "ValDt", at);
      LocalDate bookingDate = booked != null ? booked : valued != null ? valued : date;
      LocalDate valueDate = valued != null ? valued : bookingDate;
      String entryReference = entry.textAt("AcctSvcrRef", "NtryRef").orElse(null);
      String entryInfo = entry.textAt("AddtlNtryInf").orElse(null);

      List<XmlElement> transactions = new ArrayList<>();
      List<String> transactionPaths = new ArrayList<>();
      for (XmlElement details : entry.all("NtryDtls")) {
        for (XmlElement transaction : details.all("TxDtls")) {
          transactions.add(transaction);
          transactionPaths.add(at + "/NtryDtls/TxDtls[" + transactions.size() + "]");
        }
      }
      boolean reversal = entry.textAt("RvslInd").filter(r -> r.equalsIgnoreCase("true")).isPresent();
      Base base = new Base(amount, currency, credit, valueDate, bookingDate, entryReference, entryInfo, entry.line, reversal);

      // Transactions in the entry's currency add up to it and are each a payment; in another currency they
      // cannot be checked against the money on the account, so the entry stays one line in its own currency.
      if (transactions.size() > 1 && transactions.stream()
          .allMatch(t -> transactionAmount(t).filter(a -> currency.equals(a.attribute("Ccy"))).isPresent())) {
        split(base, transactions, transactionPaths, at);
      } else {
        Parties parties = Parties.NONE;
        List<Remittance> remittances = new ArrayList<>();
        for (int i = 0; i < transactions.size(); i++) {
          XmlElement transaction = transactions.get(i);
          if (i == 0) {
            parties = parties(transaction, base.credit);
          }
          remittances.add(remittance(transaction));
        }
        Remittance remittance = Remittance.join(remittances);
        String reference = base.reference != null || transactions.size() != 1 ? base.reference
            : paymentReference(transactions.get(0)).orElse(null);
        String endToEnd = transactions.size() != 1 ? null : endToEndId(transactions.get(0)).orElse(null);
        add(base, base.amount, base.credit, reference, parties, remittance, endToEnd, base.line);
      }
    }

    /** A batched entry: each transaction is its own payment, so each becomes its own line. */
    private void split(Base base, List<XmlElement> transactions, List<String> paths, String at) {
      BigDecimal total = BigDecimal.ZERO.setScale(2);
      List<Runnable> additions = new ArrayList<>();
      for (int i = 0; i < transactions.size(); i++) {
        XmlElement transaction = transactions.get(i);
        String path = paths.get(i);
        XmlElement amountElement = transactionAmount(transaction).orElseThrow();
        BigDecimal amount = amount(amountElement, path + "/Amt");
        boolean credit = creditOrDebit(transaction, path, base.credit);
        total = credit == base.credit ? total.add(amount) : total.subtract(amount);
        int position = i + 1;
        String reference = transaction.textAt("Refs/AcctSvcrRef")
            .or(() -> Optional.ofNullable(base.reference).map(r -> r + "/" + position))
            .or(() -> paymentReference(transaction))
            .orElse(null);
        Parties parties = parties(transaction, credit);
        Remittance remittance = remittance(transaction);
        String endToEnd = endToEndId(transaction).orElse(null);
        additions.add(() -> add(base, amount, credit, reference, parties, remittance, endToEnd, transaction.line));
      }
      if (total.compareTo(base.amount) != 0) {
        throw new StatementFormatException(base.line, at + "/Amt",
            "entry amount " + base.amount + " differs from its transactions' total " + total);
      }
      additions.forEach(Runnable::run);
    }

    private void add(Base base, BigDecimal amount, boolean credit, String reference, Parties parties,
        Remittance remittance, String endToEndId, int line) {
      int index = lines.size() + 1;
      String text = remittance.text() != null ? remittance.text() : base.entryInfo;
      lines.add(new StatementLine(index, reference, amount, base.currency,
          credit, base.valueDate, base.bookingDate, parties.name, parties.account, text,
          remittance.structured(), line, base.reversal, endToEndId));
    }

    /** The payer's own id of the payment; a return carries the returned payment's. */
    private static Optional<String> endToEndId(XmlElement transaction) {
      return transaction.textAt("Refs/EndToEndId").filter(r -> !r.equals("NOTPROVIDED"));
    }

    /** Where the bank gave the entry no reference of its own: the payment's id, which it carries end to end. */
    private static Optional<String> paymentReference(XmlElement transaction) {
      return transaction.textAt("Refs/TxId", "Refs/EndToEndId").filter(r -> !r.equals("NOTPROVIDED"));
    }

    private static Optional<XmlElement> transactionAmount(XmlElement transaction) {
      return transaction.find("Amt").or(() -> transaction.find("AmtDtls/TxAmt/Amt"));
    }

    /** The other side of the movement: who paid us, or whom we paid. */
    private static Parties parties(XmlElement transaction, boolean credit) {
      String party = credit ? "Dbtr" : "Cdtr";
      String ultimate = credit ? "UltmtDbtr" : "UltmtCdtr";
      Optional<String> name = transaction.textAt(
          "RltdPties/" + party + "/Nm", "RltdPties/" + party + "/Pty/Nm",
          "RltdPties/" + ultimate + "/Nm", "RltdPties/" + ultimate + "/Pty/Nm");
      Optional<String> account = transaction.textAt(
          "RltdPties/" + party + "Acct/Id/IBAN", "RltdPties/" + party + "Acct/Id/Othr/Id");
      return new Parties(name.orElse(null), account.orElse(null));
    }

    private static Remittance remittance(XmlElement transaction) {
      List<String> texts = new ArrayList<>();
      List<String> structured = new ArrayList<>();
      for (XmlElement information : transaction.all("RmtInf")) {
        for (XmlElement part : information.children()) {
          if (part.name.equals("Ustrd")) {
            texts.add(part.text());
          } else if (part.name.equals("Strd")) {
            for (XmlElement document : part.all("RfrdDocInf")) {
              document.textAt("Nb").ifPresent(n -> { texts.add(n); structured.add(n); });
            }
            part.textAt("CdtrRefInf/Ref").ifPresent(r -> { texts.add(r); structured.add(r); });
          }
        }
      }
      // a return says why: the reason code (AC04, MD06, ...) and the bank's words
      transaction.find("RtrInf").ifPresent(r -> texts.add(Text.joinNonBlank(List.of("Return reason",
          r.textAt("Rsn/Cd", "Rsn/Prtry").orElse(""), r.textAt("AddtlInf").orElse("")))));
      String text = Text.joinNonBlank(texts);
      if (text == null) {
        text = transaction.textAt("AddtlTxInf").orElse(null);
      }
      return new Remittance(text, structured);
    }

    private boolean creditOrDebit(XmlElement element, String at, Boolean otherwise) {
      Optional<XmlElement> indicator = element.find("CdtDbtInd");
      if (indicator.isEmpty() && otherwise != null) {
        return otherwise;
      }
      String value = indicator.map(XmlElement::text).orElseThrow(() ->
          new StatementFormatException(element.line, at + "/CdtDbtInd", "credit/debit indicator is missing"));
      return switch (value) {
        case "CRDT" -> true;
        case "DBIT" -> false;
        default -> throw new StatementFormatException(indicator.get().line, at + "/CdtDbtInd",
            "credit/debit indicator '" + value + "' is neither CRDT nor DBIT");
      };
    }

    private static BigDecimal amount(XmlElement amount, String at) {
      return Text.amount(amount.text(), '.', amount.line, at);
    }

    private static String currency(XmlElement amount, String at) {
      String currency = amount.attribute("Ccy");
      if (currency == null || !CURRENCY.matcher(currency).matches()) {
        throw new StatementFormatException(amount.line, at + "@Ccy",
            currency == null ? "currency is missing" : "currency '" + currency + "' is not an ISO code");
      }
      return currency;
    }

    /** BookgDt and ValDt are a choice of date or date-time; either gives the day. */
    private LocalDate date(XmlElement entry, String name, String at) {
      Optional<XmlElement> choice = entry.find(name);
      if (choice.isEmpty()) {
        return null;
      }
      Optional<XmlElement> day = choice.get().find("Dt");
      if (day.isPresent()) {
        return isoDate(day.get().text(), day.get().line, at + "/" + name + "/Dt");
      }
      Optional<XmlElement> moment = choice.get().find("DtTm");
      if (moment.isPresent()) {
        return dateTime(moment.get(), at + "/" + name + "/DtTm");
      }
      throw new StatementFormatException(choice.get().line, at + "/" + name, "has neither Dt nor DtTm");
    }

    /**
     * The day of a date-time: with an offset, the day it was in the account's zone where one is configured; otherwise the
     * day the bank wrote.
     */
    private LocalDate dateTime(XmlElement moment, String at) {
      String text = moment.text();
      if (text.length() < 11 || text.charAt(10) != 'T') {
        throw new StatementFormatException(moment.line, at, "'" + text + "' is not a date-time");
      }
      LocalDate written = isoDate(text.substring(0, 10), moment.line, at);
      if (zone == null) {
        return written;
      }
      try {
        return OffsetDateTime.parse(text).atZoneSameInstant(zone).toLocalDate();
      } catch (DateTimeParseException noOffset) {
        return written;
      }
    }

    private static LocalDate isoDate(String text, int line, String at) {
      try {
        return LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        throw new StatementFormatException(line, at, "'" + text + "' is not a date (YYYY-MM-DD)");
      }
    }

    private String required(XmlElement parent, String child) {
      return parent.textAt(child).orElseThrow(() ->
          new StatementFormatException(parent.line, path + "/" + child, "element is missing"));
    }
  }

  private record Base(BigDecimal amount, String currency, boolean credit, LocalDate valueDate,
      LocalDate bookingDate, String reference, String entryInfo, int line, boolean reversal) {}

  private record Parties(String name, String account) {
    static final Parties NONE = new Parties(null, null);
  }

  private record Remittance(String text, List<String> structured) {
    static Remittance join(List<Remittance> parts) {
      return new Remittance(
          Text.joinNonBlank(parts.stream().map(Remittance::text).toList()),
          parts.stream().flatMap(p -> p.structured().stream()).toList());
    }
  }
}
