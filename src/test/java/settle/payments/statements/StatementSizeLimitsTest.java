package settle.payments.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Hostile files of about 10 MB (the upload limit) in every format: references repeated on every
 * line, amounts of millions of digits, millions of tiny elements, endless continuations. Each is
 * read or refused naming a line, with bounded work, measured as the bytes the reading thread
 * allocates (not time, which belongs in benchmarks): a file that is read costs at most linearly more
 * than a tenth of it (these files used to cost quadratically: minutes to hours), and a refused file
 * is refused before it has cost ten bytes per byte. A generous timeout is only a safety net.
 */
class StatementSizeLimitsTest {

  private static final int SIZE = 10 * 1024 * 1024;
  private static final long REFUSAL_BUDGET = 10L * SIZE;
  /** Linear work makes a file ten times as large cost about ten times as much; quadratic, a hundred. */
  private static final double MAX_GROWTH = 15;
  private static final Duration SAFETY_NET = Duration.ofSeconds(60);

  // --- camt.053 / camt.054 ---

  @Test
  void camt053WithTheSameBankReferenceOnEveryEntryIsReadInBoundedWork() {
    BankStatement statement = readInLinearWork(size -> camt(StatementFormat.CAMT_053, size, this::camtEntry), StatementFormat.CAMT_053);
    assertThat(statement.lines()).hasSizeGreaterThan(20_000);
    assertThat(statement.lines()).allMatch(l -> l.reference().equals("SAME-REF"));
  }

  @Test
  void camt054WithTheSameBankReferenceOnEveryEntryIsReadInBoundedWork() {
    BankStatement statement = readInLinearWork(size -> camt(StatementFormat.CAMT_054, size, this::camtEntry), StatementFormat.CAMT_054);
    assertThat(statement.lines()).hasSizeGreaterThan(20_000);
  }

  @Test
  void camtOfMillionsOfTinyElementsIsRefusedBeforeItIsReadToTheEnd() {
    byte[] file = camt(StatementFormat.CAMT_053, SIZE, n -> "<X/>\n");
    StatementFormatException refused = refused(file, StatementFormat.CAMT_053);
    assertThat(refused.getMessage()).contains("more than " + XmlElement.MAX_ELEMENTS + " XML elements");
    assertThat(refused.line()).isLessThan(lines(file) / 2);
  }

  @Test
  void camtNestedMillionsDeepIsRefusedAtTheDepthLimit() {
    byte[] file = camt(StatementFormat.CAMT_054, SIZE, n -> "<X>");
    StatementFormatException refused = refused(file, StatementFormat.CAMT_054);
    assertThat(refused.getMessage()).contains("nested more than " + XmlElement.MAX_DEPTH);
  }

  @Test
  void camtAmountOfMillionsOfDigitsIsRefusedNamingItsLine() {
    String head = new String(camt(StatementFormat.CAMT_053, SIZE, n -> ""), StandardCharsets.UTF_8);
    String file = head.replace("</Stmt>", "<Ntry>\n<Amt Ccy=\"EUR\">" + "9".repeat(SIZE - 1000) + "</Amt>\n</Ntry></Stmt>");
    StatementFormatException refused = refused(file.getBytes(StandardCharsets.UTF_8), StatementFormat.CAMT_053);
    assertThat(refused.element()).isEqualTo("Amt");
    assertThat(refused.line()).isEqualTo((int) head.lines().takeWhile(l -> !l.contains("</Stmt>")).count() + 2);
  }

  @Test
  void camtAmountJustOverTwentyOneCharactersIsRefusedBeforeItIsParsed() {
    String head = new String(camt(StatementFormat.CAMT_053, SIZE, n -> ""), StandardCharsets.UTF_8);
    String file = head.replace("</Stmt>", "<Ntry>\n<Amt Ccy=\"EUR\">" + "1".repeat(22) + "</Amt>\n"
        + "<CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts></Ntry></Stmt>");
    StatementFormatException refused = refused(file.getBytes(StandardCharsets.UTF_8), StatementFormat.CAMT_053);
    assertThat(refused.getMessage()).contains("is 22 characters long; at most 21 are read");
  }

  // --- MT940 ---

  @Test
  void mt940WithTheSameBankReferenceOnEveryLineIsReadInBoundedWork() {
    BankStatement statement = readInLinearWork(size -> {
      StringBuilder mt = new StringBuilder(":20:REPEATED\n:25:DE89370400440532013000\n:28C:00001/001\n:60F:C260105EUR0,00\n");
      int n = 0;
      while (mt.length() < size - 100) {
        mt.append(":61:2601050105C1,00NTRFNONREF//SAME-REF\n:86:/REMI/USTD//x/\n");
        n++;
      }
      mt.append(":62F:C260105EUR").append(n).append(",00\n-\n");
      return bytes(mt);
    }, StatementFormat.MT940);
    assertThat(statement.lines()).hasSizeGreaterThan(100_000);
  }

  @Test
  void mt940AmountOfMillionsOfDigitsIsRefusedNamingItsLine() {
    String mt = ":20:DIGITS\n:25:DE89370400440532013000\n:28C:00001/001\n:60F:C260105EUR0,00\n"
        + ":61:2601050105C" + "9".repeat(SIZE) + ",00NTRFNONREF//1\n:62F:C260105EUR0,00\n-\n";
    StatementFormatException refused = refused(mt.getBytes(StandardCharsets.US_ASCII), StatementFormat.MT940);
    assertThat(refused.line()).isEqualTo(5);
    assertThat(refused.element()).isEqualTo(":61:");
  }

  @Test
  void mt940OpeningBalanceOfMillionsOfDigitsIsRefusedNamingItsLine() {
    String mt = ":20:DIGITS\n:25:DE89370400440532013000\n:28C:00001/001\n:60F:C260105EUR" + "9".repeat(SIZE) + ",00\n"
        + ":62F:C260105EUR0,00\n-\n";
    StatementFormatException refused = refused(mt.getBytes(StandardCharsets.US_ASCII), StatementFormat.MT940);
    assertThat(refused.line()).isEqualTo(4);
  }

  @Test
  void mt940NarrativeOfMillionsOfContinuationLinesIsRefusedWhereItStarts() {
    StringBuilder mt = new StringBuilder(":20:LONG\n:25:DE89370400440532013000\n:28C:00001/001\n:60F:C260105EUR0,00\n"
        + ":61:2601050105C1,00NTRFNONREF//1\n:86:start\n");
    while (mt.length() < SIZE) {
      mt.append("x\n");
    }
    StatementFormatException refused = refused(bytes(mt), StatementFormat.MT940);
    assertThat(refused.line()).isEqualTo(6);
    assertThat(refused.element()).isEqualTo(":86:");
  }

  // --- BAI2 ---

  @Test
  void bai2WithTheSameBankReferenceOnEveryDetailIsReadInBoundedWork() {
    BankStatement statement = readInLinearWork(size -> {
      StringBuilder bai = new StringBuilder("01,121000358,SETTLE,260105,0600,1,80,,2/\n02,SETTLE,121000358,1,260105,0600,USD,2/\n"
          + "03,0975312468,USD/\n");
      int n = 0;
      while (bai.length() < size - 200) {
        bai.append("16,165,100,0,SAME-REF,,ORIG CO NAME:X/\n");
        n++;
      }
      bai.append("49,").append(n * 100L).append(',').append(n + 2).append("/\n98,").append(n * 100L).append(",1,").append(n + 4)
          .append("/\n99,").append(n * 100L).append(",1,").append(n + 6).append("/\n");
      return bytes(bai);
    }, StatementFormat.BAI2);
    assertThat(statement.lines()).hasSizeGreaterThan(200_000);
  }

  @Test
  void bai2DetailContinuedOverMillionsOfRecordsIsRefusedWhereItStarts() {
    StringBuilder bai = new StringBuilder("01,121000358,SETTLE,260105,0600,1,80,,2/\n02,SETTLE,121000358,1,260105,0600,USD,2/\n"
        + "03,0975312468,USD/\n16,165,100,0,REF,,ORIG CO NAME:X\n");
    while (bai.length() < SIZE) {
      bai.append("88,INV-2026-000123\n");
    }
    StatementFormatException refused = refused(bytes(bai), StatementFormat.BAI2);
    assertThat(refused.line()).isEqualTo(4);
    assertThat(refused.element()).isEqualTo("record 16");
  }

  @Test
  void bai2AccountSummaryContinuedOverMillionsOfRecordsIsRefusedWhereItStarts() {
    StringBuilder bai = new StringBuilder("01,121000358,SETTLE,260105,0600,1,80,,2/\n02,SETTLE,121000358,1,260105,0600,USD,2/\n"
        + "03,0975312468,USD,010,1,,/\n");
    while (bai.length() < SIZE) {
      bai.append("88,015,1,,/\n");
    }
    StatementFormatException refused = refused(bytes(bai), StatementFormat.BAI2);
    assertThat(refused.line()).isEqualTo(3);
  }

  @Test
  void bai2AmountOfMillionsOfDigitsIsRefusedNamingItsLine() {
    String bai = "01,121000358,SETTLE,260105,0600,1,80,,2/\n02,SETTLE,121000358,1,260105,0600,USD,2/\n"
        + "03,0975312468,USD/\n16,165," + "9".repeat(SIZE / 2) + ",0,REF,,X\n49,0,3/\n98,0,1,5/\n99,0,1,7/\n";
    StatementFormatException refused = refused(bai.getBytes(StandardCharsets.US_ASCII), StatementFormat.BAI2);
    assertThat(refused.line()).isEqualTo(4);
  }

  // --- CSV ---

  @Test
  void csvWithTheSameReferenceOnEveryRowIsReadInBoundedWork() {
    BankStatement statement = readInLinearWork(size -> {
      StringBuilder csv = new StringBuilder(String.join(",", CsvStatementParser.HEADER)).append('\n');
      while (csv.length() < size - 100) {
        csv.append("2026-01-05,1.00,EUR,ACME,,INV-2026-000001,SAME-REF\n");
      }
      return bytes(csv);
    }, StatementFormat.CSV);
    assertThat(statement.lines()).hasSizeGreaterThan(150_000);
  }

  @Test
  void csvAmountOfMillionsOfDigitsIsRefusedNamingItsLine() {
    String csv = String.join(",", CsvStatementParser.HEADER) + "\n2026-01-05,1.00,EUR,A,,x,R1\n"
        + "2026-01-05," + "9".repeat(SIZE) + ",EUR,A,,x,R2\n";
    StatementFormatException refused = refused(csv.getBytes(StandardCharsets.US_ASCII), StatementFormat.CSV);
    assertThat(refused.line()).isEqualTo(3);
  }

  @Test
  void csvRowOfMillionsOfColumnsIsRefusedNamingItsLine() {
    String csv = String.join(",", CsvStatementParser.HEADER) + "\n" + ",".repeat(SIZE) + "\n";
    StatementFormatException refused = refused(csv.getBytes(StandardCharsets.US_ASCII), StatementFormat.CSV);
    assertThat(refused.line()).isEqualTo(2);
  }

  // --- helpers ---

  private String camtEntry(int n) {
    return "<Ntry><Amt Ccy=\"EUR\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>"
        + "<BookgDt><Dt>2026-01-05</Dt></BookgDt><AcctSvcrRef>SAME-REF</AcctSvcrRef></Ntry>\n";
  }

  /** A camt document whose statement holds what {@code entry} writes, repeated until the file is ~10 MB. */
  private static byte[] camt(StatementFormat format, int size, IntFunction<String> entry) {
    boolean statement = format == StatementFormat.CAMT_053;
    String container = statement ? "BkToCstmrStmt" : "BkToCstmrDbtCdtNtfctn";
    String name = statement ? "Stmt" : "Ntfctn";
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.05"
        + (statement ? "3.001.02" : "4.001.08") + "\">\n<" + container + ">\n<" + name + ">\n<Id>BIG</Id>\n"
        + "<CreDtTm>2026-01-05T06:00:00</CreDtTm>\n<Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>\n");
    String first = entry.apply(0);
    for (int n = 0; !first.isEmpty() && xml.length() < size - 100; n++) {
      xml.append(entry.apply(n));
    }
    xml.append("</").append(name).append(">\n</").append(container).append(">\n</Document>\n");
    return bytes(xml);
  }

  /** Reads the file at a tenth of the size and at the full size, and compares what each cost. */
  private static BankStatement readInLinearWork(IntFunction<byte[]> fileOfSize, StatementFormat format) {
    byte[] tenth = fileOfSize.apply(SIZE / 10);
    byte[] full = fileOfSize.apply(SIZE);
    long small = allocatedBy(() -> StatementParsers.parse(tenth, Optional.of(format))).allocated();
    Measured<BankStatement> large = allocatedBy(() -> StatementParsers.parse(full, Optional.of(format)).getFirst());
    assertThat((double) large.allocated() / small)
        .as("a file ten times as large allocated %d bytes against %d", large.allocated(), small)
        .isLessThan(MAX_GROWTH);
    return large.result();
  }

  private static StatementFormatException refused(byte[] file, StatementFormat format) {
    Measured<StatementFormatException> refusal = allocatedBy(() -> {
      try {
        StatementParsers.parse(file, Optional.of(format));
        return null;
      } catch (StatementFormatException e) {
        return e;
      }
    });
    StatementFormatException refused = refusal.result();
    assertThat(refused).as("the file is refused").isNotNull();
    assertThat(refused.line()).as(refused.getMessage()).isPositive();
    assertThat(refused.getMessage()).as("the message quotes at most a little of the file").hasSizeLessThan(300);
    assertThat(refusal.allocated()).as("bytes allocated before refusing a %d-byte file", file.length).isLessThan(REFUSAL_BUDGET);
    return refused;
  }

  private record Measured<T>(T result, long allocated) {}

  /** Runs the work on one thread and counts the bytes it allocated there; the timeout is only a net. */
  private static <T> Measured<T> allocatedBy(Supplier<T> work) {
    return assertTimeoutPreemptively(SAFETY_NET, () -> {
      ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
      long before = threads.getCurrentThreadAllocatedBytes();
      T result = work.get();
      return new Measured<>(result, threads.getCurrentThreadAllocatedBytes() - before);
    });
  }

  private static int lines(byte[] file) {
    int lines = 1;
    for (byte b : file) {
      if (b == '\n') {
        lines++;
      }
    }
    return lines;
  }

  private static byte[] bytes(CharSequence text) {
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }
}
