package settle.payments.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static settle.payments.statements.Samples.CSV;
import static settle.payments.statements.Samples.edited;
import static settle.payments.statements.Samples.parse;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CsvStatementTest {

  private static final String HEADER = "date,amount,currency,payer_name,payer_account,remittance,reference\n";

  @Test
  void csvGivesOneLinePerRowAndNegativeAmountsAreDebits() {
    BankStatement statement = parse(Samples.bytes(CSV));

    assertThat(statement.format()).isEqualTo(StatementFormat.CSV);
    assertThat(statement.statementId()).isNull();
    assertThat(statement.accountId()).isNull();
    assertThat(statement.currency()).isEqualTo("EUR");
    assertThat(statement.date()).isEqualTo(LocalDate.of(2026, 1, 6));
    assertThat(statement.lines()).extracting(StatementLine::amount).containsExactly(
        new BigDecimal("3450.00"), new BigDecimal("4200.00"), new BigDecimal("950.00"),
        new BigDecimal("1960.00"), new BigDecimal("1250.00"), new BigDecimal("780.00"),
        new BigDecimal("300.00"), new BigDecimal("12.50"));
    assertThat(statement.lines()).extracting(StatementLine::credit)
        .containsExactly(true, true, true, true, true, true, true, false);
    assertThat(statement.lines().get(0).payerName()).isEqualTo("Nordwind Logistik GmbH");
    assertThat(statement.lines().get(0).payerAccount()).isEqualTo("DE12500105170648489890");
    assertThat(statement.lines().get(0).reference()).isEqualTo("2026010500001");
  }

  @Test
  void quotedRemittanceKeepsItsCommasQuotesAndLineBreaks() {
    BankStatement statement = parse(Samples.bytes(CSV));

    assertThat(statement.lines().get(0).remittance()).isEqualTo("INV-2026-000123, INV 2026 000124, inv2026-0O0125");
    assertThat(statement.lines().get(2).remittance()).isEqualTo("INV-2026-000140 less 50.00 \"damaged goods\"");
    assertThat(statement.lines().get(2).payerName()).isEqualTo("Müller & Söhne KG");
    assertThat(statement.lines().get(3).remittance()).contains("2% discount,").endsWith("paid within 10 days");
    assertThat(statement.lines().get(3).sourceLine()).isEqualTo(5);
    assertThat(statement.lines().get(4).sourceLine()).isEqualTo(7);
  }

  @Test
  void referencesAreKeptAsTheFileGivesThemNoneWhereThereIsNoneAndRepeatedOnesUnchanged() {
    BankStatement statement = parse(HEADER
        + "2026-01-05,10.00,EUR,A,,x,\n"
        + "2026-01-05,20.00,EUR,B,,y,R1\n"
        + "2026-01-05,30.00,EUR,C,,z,R1\n");

    assertThat(statement.lines()).extracting(StatementLine::reference).containsExactly(null, "R1", "R1");
  }

  @Test
  void amountWithACommaDecimalIsRefusedWithLineAndColumn() {
    byte[] content = edited(CSV, "2026-01-05,780.00,", "2026-01-05,\"780,00\",");

    assertThatThrownBy(() -> parse(content))
        .isInstanceOf(StatementFormatException.class)
        .hasMessage("line 8 (amount): amount '780,00' is not a number like 1234.50");
  }

  @Test
  void missingAmountIsRefused() {
    byte[] content = edited(CSV, "2026-01-05,780.00,", "2026-01-05,,");

    assertThatThrownBy(() -> parse(content))
        .isInstanceOf(StatementFormatException.class)
        .hasMessage("line 8 (amount): amount is missing");
  }

  @Test
  void badDateIsRefused() {
    byte[] content = edited(CSV, "2026-01-06,1250.00", "06.01.2026,1250.00");

    assertThatThrownBy(() -> parse(content))
        .isInstanceOfSatisfying(StatementFormatException.class, e -> {
          assertThat(e.line()).isEqualTo(7);
          assertThat(e.element()).isEqualTo("date");
        });
  }

  @Test
  void rowWithTooFewColumnsIsRefused() {
    byte[] content = edited(CSV, ",payment march,2026010500007", ",payment march");

    assertThatThrownBy(() -> parse(content))
        .isInstanceOf(StatementFormatException.class)
        .hasMessage("line 9: expected 7 columns, found 6");
  }

  @Test
  void unclosedQuoteIsReportedWhereItOpens() {
    byte[] content = edited(CSV, "\"INV-2026-000140 less", "\"\"INV-2026-000140 less");

    assertThatThrownBy(() -> parse(content))
        .isInstanceOf(StatementFormatException.class)
        .hasMessageStartingWith("line 4");
  }

  @Test
  void mixedCurrenciesAreRefused() {
    byte[] content = edited(CSV, "300.00,EUR", "300.00,USD");

    assertThatThrownBy(() -> parse(content))
        .isInstanceOf(StatementFormatException.class)
        .hasMessage("line 9 (currency): currency USD differs from the statement's EUR");
  }

  @Test
  void latin1FileIsRefusedAtTheLineWithTheFirstBadByte() {
    byte[] latin1 = Samples.text(CSV).substring(1).getBytes(StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> StatementParsers.parse(latin1, java.util.Optional.of(StatementFormat.CSV)))
        .isInstanceOf(StatementFormatException.class)
        .hasMessage("line 4: file is not UTF-8");
  }
}
