package settle.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static settle.matching.testdata.LedgerBuilder.aLedger;
import static settle.matching.testdata.LedgerBuilder.line;

import org.junit.jupiter.api.Test;
import settle.common.CreditorReference;
import settle.matching.MatchResult.Status;

/** An ISO 11649 creditor reference in the remittance names its invoice before any other rule is asked. */
class CreditorReferenceMatchingTest {

  // two invoices of one customer with the same amount: the amount alone cannot tell them apart
  private final Ledger ledger = aLedger()
      .customer(1, "Acme Industrial Supplies Ltd", "DE89 3704 0044 0532 0130 00")
      .invoice(1, "INV-2026-000123", "1190.00", 40)
      .invoice(1, "INV-2026-000124", "1190.00", 30)
      .customer(2, "Müller Logistik GmbH")
      .invoice(2, "INV-2026-000200", "800.00", 15)
      .build();
  private final CashMatcher matcher = new CashMatcher(ledger);

  @Test
  void an_rf_reference_alone_settles_its_invoice_with_the_highest_confidence() {
    String rf = CreditorReference.of("INV-2026-000124");
    MatchResult result = matcher.match(line("1190.00", "ACME TREASURY SERVICES", null, rf));

    assertThat(result.status()).isEqualTo(Status.AUTO);
    assertThat(result.rule()).isEqualTo("REFERENCE_RF");
    assertThat(result.confidence()).isEqualTo(0.99).isGreaterThan(0.98);
    assertThat(result.allocations()).extracting(Allocation::invoiceNumber).containsExactly("INV-2026-000124");
  }

  @Test
  void the_rf_reference_printed_in_groups_in_free_text_wins_over_another_invoice_number_in_the_same_text() {
    String printed = CreditorReference.printed(CreditorReference.of("INV-2026-000124"));
    MatchResult result = matcher.match(line("1190.00", null, null, "Payment " + printed + " (was INV-2026-000123?)"));

    assertThat(result.rule()).isEqualTo("REFERENCE_RF");
    assertThat(result.allocations()).extracting(Allocation::invoiceNumber).containsExactly("INV-2026-000124");
  }

  @Test
  void an_rf_reference_paying_short_books_a_part_payment_on_its_invoice() {
    MatchResult result = matcher.match(line("1000.00", "Acme Industrial Supplies Ltd", null,
        CreditorReference.of("INV-2026-000123")));

    assertThat(result.rule()).isEqualTo("REFERENCE_RF_PARTIAL");
    assertThat(result.allocations()).extracting(Allocation::invoiceNumber).containsExactly("INV-2026-000123");
    assertThat(result.shortfall()).isEqualByComparingTo("190.00");
  }

  @Test
  void a_reference_with_wrong_check_digits_is_not_trusted() {
    String rf = CreditorReference.of("INV-2026-000124");
    String wrong = rf.substring(0, 2) + (rf.charAt(2) == '9' ? '1' : (char) (rf.charAt(2) + 1)) + rf.substring(3);
    MatchResult result = matcher.match(line("1190.00", "ACME TREASURY SERVICES", null, wrong));

    assertThat(result.rule()).doesNotStartWith("REFERENCE_RF");
  }
}
