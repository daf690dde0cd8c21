package settle.testdata;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Bank statement files in every format Settle reads, built from the lines a test needs: the same
 * credits written as camt.053, camt.054, MT940, BAI2 or CSV.
 */
public final class StatementBuilder {

  private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

  private final String id = "STMT-" + UUID.randomUUID().toString().substring(0, 12);
  private final String account = "DE89370400440532013000";
  private LocalDate date = LocalDate.of(2026, 1, 5);
  private final List<Credit> credits = new ArrayList<>();
  private final List<BigDecimal> debits = new ArrayList<>();

  public record Credit(BigDecimal amount, String payerName, String payerAccount, String remittance) {}

  public static StatementBuilder aStatement() {
    return new StatementBuilder();
  }

  public StatementBuilder on(LocalDate date) {
    this.date = date;
    return this;
  }

  public StatementBuilder credit(String amount, String payerName, String payerAccount, String remittance) {
    credits.add(new Credit(new BigDecimal(amount).setScale(2), payerName, payerAccount, remittance));
    return this;
  }

  public StatementBuilder debit(String amount) {
    debits.add(new BigDecimal(amount).setScale(2));
    return this;
  }

  public String id() {
    return id;
  }

  public byte[] camt053() {
    StringBuilder xml = new StringBuilder("""
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
          <BkToCstmrStmt>
            <GrpHdr><MsgId>%s</MsgId><CreDtTm>%sT06:00:00</CreDtTm></GrpHdr>
            <Stmt>
              <Id>%s</Id>
              <CreDtTm>%sT06:00:00</CreDtTm>
              <Acct><Id><IBAN>%s</IBAN></Id><Ccy>EUR</Ccy></Acct>
        """.formatted(id, date, id, date, account));
    entries(xml);
    xml.append("    </Stmt>\n  </BkToCstmrStmt>\n</Document>\n");
    return xml.toString().getBytes(StandardCharsets.UTF_8);
  }

  public byte[] camt054() {
    StringBuilder xml = new StringBuilder("""
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08">
          <BkToCstmrDbtCdtNtfctn>
            <GrpHdr><MsgId>%s</MsgId><CreDtTm>%sT06:00:00</CreDtTm></GrpHdr>
            <Ntfctn>
              <Id>%s</Id>
              <CreDtTm>%sT06:00:00</CreDtTm>
              <Acct><Id><IBAN>%s</IBAN></Id><Ccy>EUR</Ccy></Acct>
        """.formatted(id, date, id, date, account));
    entries(xml);
    xml.append("    </Ntfctn>\n  </BkToCstmrDbtCdtNtfctn>\n</Document>\n");
    return xml.toString().getBytes(StandardCharsets.UTF_8);
  }

  private void entries(StringBuilder xml) {
    int n = 0;
    for (Credit c : credits) {
      n++;
      xml.append("""
                <Ntry>
                  <Amt Ccy="EUR">%s</Amt>
                  <CdtDbtInd>CRDT</CdtDbtInd>
                  <Sts><Cd>BOOK</Cd></Sts>
                  <BookgDt><Dt>%s</Dt></BookgDt>
                  <ValDt><Dt>%s</Dt></ValDt>
                  <AcctSvcrRef>%s-%d</AcctSvcrRef>
                  <NtryDtls><TxDtls>
                    <RltdPties>
                      <Dbtr><Nm>%s</Nm></Dbtr>
        %s            </RltdPties>
                    <RmtInf><Ustrd>%s</Ustrd></RmtInf>
                  </TxDtls></NtryDtls>
                </Ntry>
          """.formatted(c.amount(), date, date, id, n, xml(c.payerName()),
          c.payerAccount() == null ? "" : "              <DbtrAcct><Id><IBAN>" + c.payerAccount() + "</IBAN></Id></DbtrAcct>\n",
          xml(c.remittance())));
    }
    for (BigDecimal d : debits) {
      n++;
      xml.append("""
                <Ntry>
                  <Amt Ccy="EUR">%s</Amt>
                  <CdtDbtInd>DBIT</CdtDbtInd>
                  <Sts><Cd>BOOK</Cd></Sts>
                  <BookgDt><Dt>%s</Dt></BookgDt>
                  <ValDt><Dt>%s</Dt></ValDt>
                  <AcctSvcrRef>%s-%d</AcctSvcrRef>
                </Ntry>
          """.formatted(d, date, date, id, n));
    }
  }

  /** Each :86: field on its own line, so a remittance must hold no slash and stay under 55 characters. */
  public byte[] mt940() {
    StringBuilder mt = new StringBuilder();
    mt.append(":20:").append(id.substring(0, 16)).append("\n:25:").append(account).append("\n:28C:00001/001\n")
        .append(":60F:C").append(date.format(YYMMDD)).append("EUR0,00\n");
    BigDecimal balance = BigDecimal.ZERO.setScale(2);
    int n = 0;
    for (Credit c : credits) {
      n++;
      mt.append(":61:").append(date.format(YYMMDD)).append(date.format(DateTimeFormatter.ofPattern("MMdd"))).append("C")
          .append(c.amount().toPlainString().replace('.', ',')).append("NTRFNONREF//").append(bankReference(n)).append("\n")
          .append(":86:/ORDP//NAME/").append(c.payerName()).append("\n");
      if (c.payerAccount() != null) {
        mt.append("/IBAN/").append(c.payerAccount()).append("\n");
      }
      mt.append("/REMI/USTD//").append(c.remittance()).append("/\n");
      balance = balance.add(c.amount());
    }
    for (BigDecimal d : debits) {
      n++;
      mt.append(":61:").append(date.format(YYMMDD)).append("D").append(d.toPlainString().replace('.', ','))
          .append("NCHGNONREF//").append(bankReference(n)).append("\n:86:/REMI/USTD//Account fee/\n");
      balance = balance.subtract(d);
    }
    mt.append(":62F:").append(balance.signum() < 0 ? "D" : "C").append(date.format(YYMMDD)).append("EUR")
        .append(balance.abs().toPlainString().replace('.', ',')).append("\n-\n");
    return mt.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** BAI2 has no payer account; the payer's name goes in ORIG CO NAME, the remittance after RMR. */
  public byte[] bai2() {
    List<String> records = new ArrayList<>();
    String yymmdd = date.format(YYMMDD);
    records.add("01,121000358,SETTLE," + yymmdd + ",0600," + id.substring(5, 13) + ",80,,2/");
    records.add("02,SETTLE,121000358,1," + yymmdd + ",0600,USD,2/");
    records.add("03," + account + ",EUR/");
    long total = 0;
    int n = 0;
    for (Credit c : credits) {
      n++;
      long cents = c.amount().movePointRight(2).longValueExact();
      total += cents;
      records.add("16,165," + cents + ",0," + bankReference(n) + ",,ORIG CO NAME:" + c.payerName().toUpperCase() + " ORIG ID:" + n
          + " RMR*IV*" + c.remittance().replace(",", " ").replace("/", " "));
    }
    for (BigDecimal d : debits) {
      n++;
      long cents = d.movePointRight(2).longValueExact();
      total += cents;
      records.add("16,698," + cents + ",0," + bankReference(n) + ",,ACCOUNT FEE");
    }
    int accountRecords = 1 + credits.size() + debits.size() + 1;
    records.add("49," + total + "," + accountRecords + "/");
    records.add("98," + total + ",1," + (accountRecords + 2) + "/");
    records.add("99," + total + ",1," + (accountRecords + 4) + "/");
    return (String.join("\n", records) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  public byte[] csv() {
    StringBuilder csv = new StringBuilder("date,amount,currency,payer_name,payer_account,remittance,reference\n");
    int n = 0;
    for (Credit c : credits) {
      n++;
      csv.append(date).append(',').append(c.amount()).append(",EUR,").append(quote(c.payerName())).append(',')
          .append(c.payerAccount() == null ? "" : c.payerAccount()).append(',').append(quote(c.remittance())).append(',')
          .append(id).append('-').append(n).append('\n');
    }
    for (BigDecimal d : debits) {
      n++;
      csv.append(date).append(",-").append(d).append(",EUR,Bank,,Account fee,").append(id).append('-').append(n).append('\n');
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The bank's reference of the n-th movement, unique to this statement (16 characters at most, as
   * MT940 allows): Settle recognises a bank transaction delivered again by it.
   */
  private String bankReference(int n) {
    return id.substring(5, 13) + "-" + n;
  }

  private static String quote(String s) {
    return s == null ? "" : "\"" + s.replace("\"", "\"\"") + "\"";
  }

  private static String xml(String s) {
    return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
