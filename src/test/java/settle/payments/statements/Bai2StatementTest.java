package settle.payments.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static settle.payments.statements.Samples.BAI2;
import static settle.payments.statements.Samples.edited;
import static settle.payments.statements.Samples.parse;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class Bai2StatementTest {

  @Test
  void fileGivesOneLinePerDetailRecordWithAmountsInCents() {
    BankStatement statement = parse(Samples.bytes(BAI2));

    assertThat(statement.format()).isEqualTo(StatementFormat.BAI2);
    assertThat(statement.statementId()).isEqualTo("121000358-260105-0105001/1");
    assertThat(statement.accountId()).isEqualTo("0975312468");
    assertThat(statement.currency()).isEqualTo("USD");
    assertThat(statement.date()).isEqualTo(LocalDate.of(2026, 1, 5));
    assertThat(statement.lines()).extracting(StatementLine::amount).containsExactly(
        new BigDecimal("3450.00"), new BigDecimal("4200.00"), new BigDecimal("950.00"),
        new BigDecimal("1960.00"), new BigDecimal("1250.00"), new BigDecimal("780.00"),
        new BigDecimal("300.00"), new BigDecimal("12.50"));
    assertThat(statement.lines()).extracting(StatementLine::credit)
        .containsExactly(true, true, true, true, true, true, true, false);
    assertThat(statement.lines()).extracting(StatementLine::sourceLine).containsExactly(4, 6, 7, 8, 9, 10, 11, 12);
  }

  @Test
  void continuationRecordExtendsTheDetailText() {
    StatementLine several = parse(Samples.bytes(BAI2)).lines().get(0);

    assertThat(several.reference()).isEqualTo("ACH0105001");
    assertThat(several.payerName()).isEqualTo("NORTHWIND LOGISTICS");
    assertThat(several.remittance()).isEqualTo("ORIG CO NAME:NORTHWIND LOGISTICS ORIG ID:1234567890 ENTRY DESCR:PAYMENT "
        + "RMR*IV*INV-2026-000123 INV 2026 000124 inv2026-0O0125 NW88231");
    assertThat(several.structuredReferences()).containsExactly("NW88231");
  }

  @Test
  void wireOriginatorIsThePayer() {
    StatementLine bundled = parse(Samples.bytes(BAI2)).lines().get(1);

    assertThat(bundled.payerName()).isEqualTo("ALPENROSE HOTELS INC");
    assertThat(bundled.remittance()).contains("INV-2026-000130 INV-2026-000131 INV-2026-000132");
  }

  @Test
  void valueDatedFundsTypeGivesTheValueDate() {
    StatementLine overpaid = parse(Samples.bytes(BAI2)).lines().get(4);

    assertThat(overpaid.valueDate()).isEqualTo(LocalDate.of(2026, 1, 6));
    assertThat(overpaid.bookingDate()).isEqualTo(LocalDate.of(2026, 1, 5));
    assertThat(overpaid.reference()).isEqualTo("FED0105005");
    assertThat(overpaid.payerName()).isEqualTo("COSTA VERDE LLC");
  }

  @Test
  void feeIsADebitAndItsTrailingSlashIsNotPartOfTheText() {
    StatementLine fee = parse(Samples.bytes(BAI2)).lines().get(7);

    assertThat(fee.credit()).isFalse();
    assertThat(fee.remittance()).isEqualTo("ACCOUNT MAINTENANCE FEE DECEMBER 2025");
  }

  @Test
  void accountControlTotalMismatchIsReadButFlaggedAsNotReconciled() {
    byte[] content = edited(BAI2, "16,165,95000,", "16,165,95001,");

    assertThat(parse(content).reconciled()).isFalse();
    assertThat(parse(Samples.bytes(BAI2)).reconciled()).isTrue();
  }

  @Test
  void recordCountMismatchIsReadButFlaggedAsNotReconciled() {
    byte[] content = edited(BAI2, "99,4578000,1,15/", "99,4578000,1,16/");

    assertThat(parse(content).reconciled()).isFalse();
  }

  @Test
  void unknownRecordCodeIsNamed() {
    byte[] content = edited(BAI2, "16,175,30000", "17,175,30000");

    assertThatThrownBy(() -> parse(content))
        .isInstanceOf(StatementFormatException.class)
        .hasMessage("line 11 (record 17): unknown record code 17");
  }

  @Test
  void typeCodeOutsideTheDetailRangesIsRefused() {
    byte[] content = edited(BAI2, "16,175,30000", "16,075,30000");

    assertThatThrownBy(() -> parse(content))
        .isInstanceOfSatisfying(StatementFormatException.class, e -> {
          assertThat(e.line()).isEqualTo(11);
          assertThat(e.getMessage()).contains("075");
        });
  }

  @Test
  void loanAndBankDefinedDetailCodesAreReadAndInformationIsNoMovement() {
    // Constructed: no corpus file has 7xx or 9xx details. 722 loan payment applied to principal and 925 (a bank's own code
    // in 920-959) are credits, 965 (960-999) a debit; 890 carries information only, yet counts in the record totals.
    String file = """
        01,121000358,SETTLEDEMO,260105,0600,0105099,80,,2/
        02,SETTLEDEMO,121000358,1,260105,0600,USD,2/
        03,0975312468,USD,010,100000,,,015,134750,,/
        16,722,25000,0,LOAN0105001,,AMOUNT APPLIED TO PRINCIPAL/
        16,925,15000,0,OWN0105002,,BANK-DEFINED CREDIT/
        16,965,5250,0,OWN0105003,,BANK-DEFINED DEBIT/
        16,890,,0,INFO0105004,,STATEMENT ALSO MAILED TO HEAD OFFICE/
        49,280000,6/
        98,280000,1,8/
        99,280000,1,10/
        """;
    BankStatement statement = parse(file.getBytes(StandardCharsets.UTF_8));

    assertThat(statement.lines()).extracting(StatementLine::reference).containsExactly("LOAN0105001", "OWN0105002", "OWN0105003");
    assertThat(statement.lines()).extracting(StatementLine::credit).containsExactly(true, true, false);
    assertThat(statement.lines()).noneMatch(StatementLine::reversal);
    assertThat(statement.reconciled()).isTrue();
  }

  @Test
  void depositedItemReturnedIsAReversalOfAnEarlierPayment() {
    StatementLine returned = parse(edited(BAI2, "16,698,1250,0,FEE0105009,,ACCOUNT MAINTENANCE FEE DECEMBER 2025/",
        "16,555,1250,0,RET0105009,,DEPOSITED ITEM RETURNED/")).lines().get(7);

    assertThat(returned.credit()).isFalse();
    assertThat(returned.reversal()).isTrue();
  }

  @Test
  void detailCodeInARangeTheSpecificationLeavesUnusedIsRefusedNamingTheLine() {
    byte[] content = edited(BAI2, "16,175,30000", "16,810,30000");

    assertThatThrownBy(() -> parse(content))
        .isInstanceOfSatisfying(StatementFormatException.class, e -> {
          assertThat(e.line()).isEqualTo(11);
          assertThat(e.getMessage()).contains("810", "not a detail code");
        });
  }

  @Test
  void missingAmountIsRefused() {
    byte[] content = edited(BAI2, "16,175,30000,", "16,175,,");

    assertThatThrownBy(() -> parse(content))
        .isInstanceOf(StatementFormatException.class)
        .hasMessage("line 11 (record 16): amount is missing");
  }

  @Test
  void badAsOfDateIsRefused() {
    byte[] content = edited(BAI2, "02,SETTLEDEMO,121000358,1,260105", "02,SETTLEDEMO,121000358,1,261305");

    assertThatThrownBy(() -> parse(content))
        .isInstanceOf(StatementFormatException.class)
        .hasMessage("line 2 (record 02): date '261305' does not exist");
  }

  @Test
  void fileCutBeforeItsTrailersIsRefused() {
    String text = Samples.text(BAI2);
    byte[] cut = text.substring(0, text.indexOf("49,")).getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> parse(cut))
        .isInstanceOf(StatementFormatException.class)
        .hasMessageContaining("record 49");
  }

  @Test
  void recordWithoutItsSlashIsRefused() {
    byte[] content = edited(BAI2, "49,4578000,11/", "49,4578000,11");

    assertThatThrownBy(() -> parse(content))
        .isInstanceOf(StatementFormatException.class)
        .hasMessage("line 13 (record 49): record does not end with '/'");
  }
}
