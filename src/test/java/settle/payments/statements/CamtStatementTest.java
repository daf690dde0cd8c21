package settle.payments.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static settle.payments.statements.Samples.CAMT_053;
import static settle.payments.statements.Samples.CAMT_054;
import static settle.payments.statements.Samples.edited;
import static settle.payments.statements.Samples.parse;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CamtStatementTest {

  /** Real statements from other projects, kept beside the repository (never copied into it). */
  private static final Path CORPUS = Path.of("..", "shared", "statements-corpus");

  @Test
  void camt053StatementGivesOneLinePerPaymentWithPayerAndRemittance() {
    BankStatement statement = parse(Samples.bytes(CAMT_053));

    assertThat(statement.format()).isEqualTo(StatementFormat.CAMT_053);
    assertThat(statement.statementId()).isEqualTo("2026-01-05-DE89370400440532013000");
    assertThat(statement.accountId()).isEqualTo("DE89370400440532013000");
    assertThat(statement.currency()).isEqualTo("EUR");
    assertThat(statement.date()).isEqualTo(LocalDate.of(2026, 1, 5));
    assertThat(statement.lines()).extracting(StatementLine::amount).containsExactly(
        new BigDecimal("3450.00"), new BigDecimal("4200.00"), new BigDecimal("950.00"),
        new BigDecimal("1960.00"), new BigDecimal("1250.00"), new BigDecimal("780.00"),
        new BigDecimal("300.00"), new BigDecimal("500.00"), new BigDecimal("620.00"),
        new BigDecimal("12.50"));
    assertThat(statement.lines()).extracting(StatementLine::index).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);

    StatementLine several = statement.lines().get(0);
    assertThat(several.reference()).isEqualTo("2026010500001");
    assertThat(several.credit()).isTrue();
    assertThat(several.currency()).isEqualTo("EUR");
    assertThat(several.payerName()).isEqualTo("Nordwind Logistik GmbH");
    assertThat(several.payerAccount()).isEqualTo("DE12500105170648489890");
    assertThat(several.remittance()).isEqualTo("INV-2026-000123 INV 2026 000124 inv2026-0O0125");
    assertThat(several.bookingDate()).isEqualTo(LocalDate.of(2026, 1, 5));
    assertThat(several.sourceLine()).isEqualTo(33);
  }

  @Test
  void structuredDocumentNumbersAndCreditorReferencesAreKeptSeparatelyAndInTheRemittance() {
    BankStatement statement = parse(Samples.bytes(CAMT_053));

    StatementLine bundled = statement.lines().get(1);
    assertThat(bundled.structuredReferences())
        .containsExactly("INV-2026-000130", "INV-2026-000131", "INV-2026-000132");
    assertThat(bundled.remittance())
        .isEqualTo("Sammelzahlung 3 Rechnungen INV-2026-000130 INV-2026-000131 INV-2026-000132");

    StatementLine overpaid = statement.lines().get(4);
    assertThat(overpaid.structuredReferences()).containsExactly("INV-2026-000142");
    assertThat(overpaid.valueDate()).isEqualTo(LocalDate.of(2026, 1, 6));
  }

  @Test
  void escapedCharactersInNamesArriveWhole() {
    StatementLine shortPay = parse(Samples.bytes(CAMT_053)).lines().get(2);

    assertThat(shortPay.payerName()).isEqualTo("Müller & Söhne KG");
  }

  @Test
  void everyUnstructuredRemittanceLineIsKeptAndAnAccountWithoutIbanUsesItsOtherId() {
    StatementLine leadingZeros = parse(Samples.bytes(CAMT_053)).lines().get(5);

    assertThat(leadingZeros.remittance()).isEqualTo("Rechnung INV-2026-126 und INV-2026-0000127");
    assertThat(leadingZeros.payerAccount()).isEqualTo("0532013099");
  }

  @Test
  void batchedEntryBecomesOneLinePerTransactionWithItsOwnAmountPayerAndReference() {
    BankStatement statement = parse(Samples.bytes(CAMT_053));

    StatementLine first = statement.lines().get(7);
    StatementLine second = statement.lines().get(8);
    assertThat(first.payerName()).isEqualTo("Delta Retail BV");
    assertThat(first.reference()).isEqualTo("2026010500008-1");
    assertThat(first.remittance()).isEqualTo("INV-2026-000150");
    assertThat(second.payerName()).isEqualTo("Epsilon Bureau SARL");
    assertThat(second.amount()).isEqualByComparingTo("620.00");
    assertThat(second.payerAccount()).isEqualTo("FR1420041010050500013M02606");
  }

  @Test
  void bankFeeIsADebitLineExplainedByTheEntryInformation() {
    StatementLine fee = parse(Samples.bytes(CAMT_053)).lines().get(9);

    assertThat(fee.credit()).isFalse();
    assertThat(fee.amount()).isEqualByComparingTo("12.50");
    assertThat(fee.remittance()).isEqualTo("Account maintenance fee December 2025");
    assertThat(fee.payerName()).isNull();
  }

  @Test
  void batchWhoseTransactionsDoNotAddUpToTheEntryIsRefused() {
    byte[] content = edited(CAMT_053, "<Amt Ccy=\"EUR\">620.00</Amt>", "<Amt Ccy=\"EUR\">610.00</Amt>");

    assertThatThrownBy(() -> parse(content))
        .isInstanceOfSatisfying(StatementFormatException.class, e -> {
          assertThat(e.element()).isEqualTo("Ntry[8]/Amt");
          assertThat(e.getMessage()).contains("1120.00").contains("1110.00");
        });
  }

  @Test
  void camt054NotificationIsReadLikeAStatementAndPendingEntriesAreLeftOut() {
    BankStatement notification = parse(Samples.bytes(CAMT_054));

    assertThat(notification.format()).isEqualTo(StatementFormat.CAMT_054);
    assertThat(notification.statementId()).isEqualTo("NTF-20260107-0042-1");
    assertThat(notification.date()).isEqualTo(LocalDate.of(2026, 1, 7));
    assertThat(notification.lines()).hasSize(1);
    StatementLine line = notification.lines().get(0);
    assertThat(line.payerName()).isEqualTo("Gruber Bau GmbH");
    assertThat(line.payerAccount()).isEqualTo("AT611904300234573201");
    assertThat(line.reference()).isEqualTo("2026010700101");
    assertThat(line.bookingDate()).isEqualTo(LocalDate.of(2026, 1, 7));
    assertThat(line.structuredReferences()).containsExactly("INV-2026-000160", "RF18539007547034");
    assertThat(line.remittance()).isEqualTo("INV-2026-000160 RF18539007547034");
  }

  /**
   * Real files of four versions, written by banks' tools for another parser's tests (../shared/statements-corpus, see its
   * README): the same payment as each version lays it out, e.g. version 08 wraps the payer's name in {@code <Pty>}.
   */
  @ParameterizedTest(name = "camt.053.001.{1}")
  @CsvSource({"genkgo__data__camt053.v2.minimal.xml, 02", "genkgo__data__camt053.v3.xml, 03",
      "genkgo__data__camt053.v4.xml, 04", "genkgo__data__camt053.v8.xml, 08"})
  void everySupportedCamt053VersionIsRead(String file, String version) throws Exception {
    byte[] content = Files.readAllBytes(CORPUS.resolve("camt053").resolve(file));
    assertThat(new String(content, StandardCharsets.UTF_8)).contains("xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001." + version + "\"");

    BankStatement statement = parse(content);

    assertThat(statement.format()).isEqualTo(StatementFormat.CAMT_053);
    assertThat(statement.lines()).singleElement().satisfies(line -> {
      assertThat(line.amount()).isEqualByComparingTo("8.85");
      assertThat(line.credit()).isTrue();
      assertThat(line.payerName()).isEqualTo("NAME NAME");
      assertThat(line.payerAccount()).isEqualTo("NL56AGDH9619008421");
    });
  }

  @Test
  void unsupportedVersionIsRefusedByName() {
    byte[] content = edited(CAMT_053, "camt.053.001.02", "camt.053.001.01");

    assertThatThrownBy(() -> parse(content))
        .isInstanceOf(StatementFormatException.class)
        .hasMessageContaining("version 01");
  }

  @Test
  void truncatedXmlIsReportedWithTheLineWhereItBreaks() {
    String text = Samples.text(CAMT_053);
    byte[] truncated = text.substring(0, text.indexOf("<Ntry>", 2000) + 30).getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> parse(truncated))
        .isInstanceOfSatisfying(StatementFormatException.class, e -> {
          assertThat(e.line()).isGreaterThan(50);
          assertThat(e.getMessage()).startsWith("line ").contains("not well-formed");
        });
  }

  @Test
  void mismatchedTagIsReportedWithItsLine() {
    byte[] content = edited(CAMT_053, "<Sts>BOOK</Sts>", "<Sts>BOOK</Stat>");

    assertThatThrownBy(() -> parse(content))
        .isInstanceOfSatisfying(StatementFormatException.class, e -> assertThat(e.line()).isEqualTo(36));
  }

  @Test
  void missingAmountNamesTheEntry() {
    byte[] content = edited(CAMT_053, "<Amt Ccy=\"EUR\">950.00</Amt>", "");

    assertThatThrownBy(() -> parse(content))
        .isInstanceOfSatisfying(StatementFormatException.class, e -> {
          assertThat(e.element()).isEqualTo("Ntry[3]/Amt");
          assertThat(e.getMessage()).contains("amount is missing");
        });
  }

  @Test
  void amountThatIsNotANumberNamesTheElementAndLine() {
    byte[] content = edited(CAMT_053, "<Amt Ccy=\"EUR\">950.00</Amt>", "<Amt Ccy=\"EUR\">95O.00</Amt>");

    assertThatThrownBy(() -> parse(content))
        .isInstanceOfSatisfying(StatementFormatException.class, e -> {
          assertThat(e.getMessage()).isEqualTo("line 78 (Ntry[3]/Amt): amount '95O.00' is not a number");
        });
  }

  @Test
  void impossibleBookingDateIsRefused() {
    byte[] content = edited(CAMT_053, "<BookgDt><Dt>2026-01-05</Dt>", "<BookgDt><Dt>2026-13-05</Dt>");

    assertThatThrownBy(() -> parse(content))
        .isInstanceOfSatisfying(StatementFormatException.class, e -> {
          assertThat(e.element()).isEqualTo("Ntry[1]/BookgDt/Dt");
          assertThat(e.getMessage()).contains("'2026-13-05' is not a date");
        });
  }

  @Test
  void unknownCreditDebitIndicatorIsRefused() {
    byte[] content = edited(CAMT_053, "<CdtDbtInd>DBIT</CdtDbtInd>\n        <Sts>", "<CdtDbtInd>DEBIT</CdtDbtInd>\n        <Sts>");

    assertThatThrownBy(() -> parse(content))
        .isInstanceOfSatisfying(StatementFormatException.class, e ->
            assertThat(e.element()).isEqualTo("Ntry[9]/CdtDbtInd"));
  }

  @Test
  void fileWithTwoStatementsIsReadAsTwoEachWithItsLinesAndErrorsNamingItsPlace() {
    String text = Samples.text(CAMT_053);
    String statement = text.substring(text.indexOf("<Stmt>"), text.indexOf("</Stmt>") + "</Stmt>".length());
    String other = statement.replaceFirst("<Id>[^<]*</Id>", "<Id>SECOND</Id>");
    byte[] twice = text.replace(statement, statement + "\n" + other).getBytes(StandardCharsets.UTF_8);

    List<BankStatement> statements = StatementParsers.parse(twice, Optional.empty());

    assertThat(statements).hasSize(2);
    assertThat(statements.get(1).statementId()).isEqualTo("SECOND");
    assertThat(statements.get(1).lines()).hasSameSizeAs(statements.get(0).lines());
    byte[] broken = text.replace(statement, statement + "\n" + other.replace("<CdtDbtInd>", "<CdtDbtInd>X"))
        .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> StatementParsers.parse(broken, Optional.empty()))
        .isInstanceOfSatisfying(StatementFormatException.class, e -> assertThat(e.element()).startsWith("Stmt[2]/"));
  }

  @Test
  void externalEntitiesAreNotResolved() {
    byte[] content = edited(CAMT_053, "<Document", "<!DOCTYPE Document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<Document");
    byte[] withReference = new String(content, StandardCharsets.UTF_8)
        .replace("<Nm>J SMITH</Nm>", "<Nm>&x;</Nm>").getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> parse(withReference)).isInstanceOf(StatementFormatException.class);
  }
}
