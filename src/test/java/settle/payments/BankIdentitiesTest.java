package settle.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import settle.payments.statements.StatementLine;

class BankIdentitiesTest {

  private static final String ACCOUNT = "DE89370400440532013000";
  private static final LocalDate DAY = LocalDate.of(2026, 1, 5);

  @Test
  void theSameTransactionInAnotherFileHasTheSameIdentityWhateverItsPositionSpacingOrCase() {
    StatementLine first = line(1, "2026010500001", "100.00", "ACME", "INV-1");
    StatementLine again = line(7, " 2026010500001 ", "100.00", "Acme GmbH", "other text the bank added");

    assertThat(BankIdentities.of(ACCOUNT, List.of(first)))
        .isEqualTo(BankIdentities.of("de89 3704 0044 0532 0130 00", List.of(line(1, "x", "5.00", "B", "y"), again)).subList(1, 2));
  }

  @Test
  void anotherAmountDateOrAccountIsAnotherTransactionEvenUnderTheSameReference() {
    String identity = BankIdentities.of(ACCOUNT, List.of(line(1, "R", "100.00", "A", "x"))).getFirst();

    assertThat(BankIdentities.of(ACCOUNT, List.of(line(1, "R", "100.01", "A", "x"))).getFirst()).isNotEqualTo(identity);
    assertThat(BankIdentities.of("CH9300762011623852957", List.of(line(1, "R", "100.00", "A", "x"))).getFirst()).isNotEqualTo(identity);
    StatementLine nextDay = new StatementLine(1, "R", new BigDecimal("100.00"), "EUR", true, DAY.plusDays(1), DAY.plusDays(1),
        "A", null, "x", List.of(), 1);
    assertThat(BankIdentities.of(ACCOUNT, List.of(nextDay)).getFirst()).isNotEqualTo(identity);
  }

  @Test
  void withoutAReferenceThePayerAndRemittanceIdentifyTheLineAndTwoEqualPaymentsStayTwo() {
    StatementLine rent = line(1, null, "500.00", "Jane Doe", "rent January");
    StatementLine sameRentAgain = line(2, null, "500.00", "Jane Doe", "rent January");
    StatementLine otherTenant = line(3, null, "500.00", "John Roe", "rent January");

    List<String> identities = BankIdentities.of(ACCOUNT, List.of(rent, sameRentAgain, otherTenant));

    assertThat(identities).doesNotHaveDuplicates();
    // the file re-sent finds each of them again, in the same order of occurrence
    assertThat(BankIdentities.of(ACCOUNT, List.of(otherTenant, rent, sameRentAgain)))
        .containsExactly(identities.get(2), identities.get(0), identities.get(1));
  }

  @Test
  void theSameReferenceTwiceInOneStatementIsTwoTransactions() {
    List<String> identities = BankIdentities.of(ACCOUNT, List.of(line(1, "BATCH", "1.00", "A", "x"), line(2, "BATCH", "1.00", "A", "x")));

    assertThat(identities).doesNotHaveDuplicates();
  }

  private static StatementLine line(int index, String reference, String amount, String payer, String remittance) {
    return new StatementLine(index, reference, new BigDecimal(amount), "EUR", true, DAY, DAY, payer, null, remittance, List.of(), index);
  }
}
