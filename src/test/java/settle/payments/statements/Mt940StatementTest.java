package settle.payments.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static settle.payments.statements.Samples.MT940;
import static settle.payments.statements.Samples.edited;
import static settle.payments.statements.Samples.parse;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class Mt940StatementTest {

  @Test
  void statementGivesOneLinePerEntryWithItsAccountCurrencyAndId() {
    BankStatement statement = parse(Samples.bytes(MT940));

    assertThat(statement.format()).isEqualTo(StatementFormat.MT940);
    assertThat(statement.statementId()).isEqualTo("STARTUMS/00004/001");
    assertThat(statement.accountId()).isEqualTo("DE89370400440532013000");
    assertThat(statement.currency()).isEqualTo("EUR");
    assertThat(statement.date()).isEqualTo(LocalDate.of(2026, 1, 5));
    assertThat(statement.lines()).extracting(StatementLine::amount).containsExactly(
        new BigDecimal("3450.00"), new BigDecimal("4200.00"), new BigDecimal("950.00"),
        new BigDecimal("1960.00"), new BigDecimal("1250.00"), new BigDecimal("780.00"),
        new BigDecimal("300.00"), new BigDecimal("12.50"));
    assertThat(statement.lines()).extracting(StatementLine::reference)
        .startsWith("2026010500001", "2026010500002").endsWith("2026010500009");
    assertThat(statement.lines()).extracting(StatementLine::sourceLine).startsWith(5, 9, 13);
  }

  @Test
  void germanSubfieldNarrativeGivesPayerNameIbanAndRemittanceRejoinedAcrossCutWords() {
    StatementLine several = parse(Samples.bytes(MT940)).lines().get(0);

    assertThat(several.payerName()).isEqualTo("Nordwind Logistik GmbH");
    assertThat(several.payerAccount()).isEqualTo("DE12500105170648489890");
    assertThat(several.remittance())
        .isEqualTo("EREF+NW-PAY-88231 SVWZ+INV-2026-000123 INV 2026 000124 inv2026-0O0125");
    assertThat(several.credit()).isTrue();
    assertThat(several.valueDate()).isEqualTo(LocalDate.of(2026, 1, 5));
  }

  @Test
  void keywordNarrativeGivesNameIbanAndTheRemittanceAlone() {
    StatementLine bundled = parse(Samples.bytes(MT940)).lines().get(1);

    assertThat(bundled.payerName()).isEqualTo("Alpenrose Hotels AG");
    assertThat(bundled.payerAccount()).isEqualTo("CH9300762011623852957");
    assertThat(bundled.remittance()).isEqualTo("INV-2026-000130 INV-2026-000131 INV-2026-000132");
  }

  @Test
  void umlautsAndSplitSubfieldsSurvive() {
    BankStatement statement = parse(Samples.bytes(MT940));

    assertThat(statement.lines().get(2).payerName()).isEqualTo("Müller & Söhne KG");
    assertThat(statement.lines().get(2).remittance()).isEqualTo("SVWZ+INV-2026-000140 less 50.00 damaged goods");
    assertThat(statement.lines().get(3).remittance())
        .isEqualTo("SVWZ+INV-2026-000141 minus 2% discount, paid within 10 days");
    assertThat(statement.lines().get(5).remittance()).isEqualTo("SVWZ+Rechnung INV-2026-126 und INV-2026-0000127");
  }

  @Test
  void entryDateWithoutYearIsPlacedNextToTheValueDate() {
    StatementLine overpaid = parse(Samples.bytes(MT940)).lines().get(4);

    assertThat(overpaid.valueDate()).isEqualTo(LocalDate.of(2026, 1, 6));
    assertThat(overpaid.bookingDate()).isEqualTo(LocalDate.of(2026, 1, 5));
  }

  @Test
  void entryBookedInTheOldYearForANewYearValueDateKeepsTheOldYear() {
    byte[] content = edited(MT940, ":61:2601050105C3450,00", ":61:2601021231C3450,00");

    assertThat(parse(content).lines().get(0).bookingDate()).isEqualTo(LocalDate.of(2025, 12, 31));
  }

  @Test
  void bankFeeIsADebitLine() {
    StatementLine fee = parse(Samples.bytes(MT940)).lines().get(7);

    assertThat(fee.credit()).isFalse();
    assertThat(fee.remittance()).isEqualTo("Account maintenance fee December 2025");
  }

  @Test
  void reversedDebitIsMoneyInAndReversedCreditMoneyOut() {
    byte[] content = edited(MT940, ":61:2601050105D12,50NCHG", ":61:2601050105RD12,50NCHG");
    byte[] balanced = new String(content, StandardCharsets.UTF_8)
        .replace(":62F:C260105EUR22877,50", ":62F:C260105EUR22902,50").getBytes(StandardCharsets.UTF_8);

    assertThat(parse(balanced).lines().get(7).credit()).isTrue();
  }

  @Test
  void finMessageWithBlockHeadersIsReadLikeABankExport() {
    String fin = "{1:F01COBADEFFAXXX0000000000}{2:O9400615260106COBADEFFAXXX00000000002601060615N}{4:\n"
        + Samples.text(MT940).replace("\n-\n", "\n-}");

    BankStatement statement = parse(fin);

    assertThat(statement.lines()).hasSize(8);
    assertThat(statement.lines().get(0).sourceLine()).isEqualTo(6);
  }

  @Test
  void windowsLineEndingsAndLatin1AreAccepted() {
    byte[] latin1 = Samples.text(MT940).replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);

    assertThat(parse(latin1).lines().get(2).payerName()).isEqualTo("Müller & Söhne KG");
  }

  @Test
  void entryWithoutNarrativeUsesItsOwnReferenceAsRemittance() {
    byte[] content = edited(MT940, ":61:2601050105C300,00NTRFNONREF//2026010500007\n:86:166?00SEPA-GUTSCHRIFT?20SVWZ+payment march\n?30NWBKGB2LXXX?31GB29NWBK60161331926819?32J SMITH\n",
        ":61:2601050105C300,00NTRFINV-2026-000170//2026010500007\nCHEQUE\n");

    StatementLine line = parse(content).lines().get(6);
    assertThat(line.remittance()).isEqualTo("INV-2026-000170 CHEQUE");
    assertThat(line.payerName()).isNull();
  }

  @Test
  void amountThatIsNotANumberNamesTheLineAndTag() {
    byte[] content = edited(MT940, ":61:2601050105C950,00NTRF", ":61:2601050105C9X0,00NTRF");

    assertThatThrownBy(() -> parse(content))
        .isInstanceOfSatisfying(StatementFormatException.class, e -> {
          assertThat(e.line()).isEqualTo(13);
          assertThat(e.element()).isEqualTo(":61:");
          assertThat(e.getMessage()).startsWith("line 13 (:61:): ");
        });
  }

  @Test
  void missingAmountIsRefused() {
    byte[] content = edited(MT940, ":61:2601050105C950,00NTRF", ":61:2601050105CNTRF");

    assertThatThrownBy(() -> parse(content))
        .isInstanceOfSatisfying(StatementFormatException.class, e -> {
          assertThat(e.line()).isEqualTo(13);
          assertThat(e.element()).isEqualTo(":61:");
        });
  }

  @Test
  void impossibleValueDateIsRefused() {
    byte[] content = edited(MT940, ":61:2601050105C950,00", ":61:2602300105C950,00");

    assertThatThrownBy(() -> parse(content))
        .isInstanceOf(StatementFormatException.class)
        .hasMessage("line 13 (:61:): date '260230' does not exist");
  }

  @Test
  void closingBalanceThatDoesNotAddUpIsReadAndFlaggedWithTheFigures() {
    byte[] content = edited(MT940, ":62F:C260105EUR22877,50", ":62F:C260105EUR22877,05");

    BankStatement statement = parse(content);

    assertThat(statement.reconciled()).isFalse();
    assertThat(statement.closing()).isEqualByComparingTo("22877.05");
    assertThat(statement.expectedClosing()).isEqualByComparingTo("22877.50");
    assertThat(parse(Samples.bytes(MT940)).reconciled()).isTrue();
  }

  @Test
  void statementCutBeforeItsClosingBalanceIsReadButCannotBeReconciled() {
    String text = Samples.text(MT940);
    byte[] cut = text.substring(0, text.indexOf(":62F:")).getBytes(StandardCharsets.UTF_8);

    BankStatement statement = parse(cut);

    assertThat(statement.lines()).hasSameSizeAs(parse(Samples.bytes(MT940)).lines());
    assertThat(statement.closing()).isNull();
    assertThat(statement.reconciled()).isFalse();
  }

  @Test
  void everyStatementOfAFileIsReadEachWithItsOwnLines() {
    String text = Samples.text(MT940);
    String second = text.replace(":20:", ":20:NEXT").replace(":28C:00004/001", ":28C:00005/001");

    List<BankStatement> statements = StatementParsers.parse((text + second).getBytes(StandardCharsets.UTF_8), Optional.empty());

    BankStatement first = parse(Samples.bytes(MT940));
    assertThat(statements).hasSize(2);
    assertThat(statements.get(1).statementId()).isNotEqualTo(statements.get(0).statementId());
    assertThat(statements).allSatisfy(s -> {
      assertThat(s.lines()).hasSameSizeAs(first.lines());
      assertThat(s.lines().getFirst().sourceLine()).isPositive();
    });
    assertThat(statements.get(1).lines().getFirst().sourceLine())
        .isEqualTo(first.lines().getFirst().sourceLine() + text.split("\n").length);
  }

  @Test
  void tagThatDoesNotBelongInAStatementIsNamed() {
    byte[] content = edited(MT940, ":28C:00004/001", ":28C:00004/001\n:34F:EUR0,");

    assertThatThrownBy(() -> parse(content))
        .isInstanceOfSatisfying(StatementFormatException.class, e -> {
          assertThat(e.line()).isEqualTo(4);
          assertThat(e.element()).isEqualTo(":34F:");
        });
  }
}
