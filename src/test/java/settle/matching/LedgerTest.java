package settle.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static settle.matching.testdata.LedgerBuilder.TODAY;
import static settle.matching.testdata.LedgerBuilder.aLedger;
import static settle.matching.testdata.LedgerBuilder.idOf;
import static settle.matching.testdata.LedgerBuilder.line;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import settle.matching.MatchResult.Status;

class LedgerTest {

  @Test
  void applyingPartOfAnInvoiceLeavesTheRestOpenWithoutItsDiscount() {
    Ledger ledger =
        aLedger().customer(1, "Becker Bau AG")
            .discountedInvoice(1, "INV-2026-000001", "1000.00", "980.00", TODAY.plusDays(5))
            .build();
    long id = idOf(ledger, 1, "INV-2026-000001");

    ledger.apply(List.of(new Allocation(id, "INV-2026-000001", new BigDecimal("400.00"))));

    OpenItem rest = ledger.openItem(id).orElseThrow();
    assertThat(rest.openAmount()).isEqualByComparingTo("600.00");
    assertThat(rest.discountedAmount()).isNull();
    assertThat(ledger.openItemCount()).isEqualTo(1);
  }

  @Test
  void moreThanIsOpenCannotBeApplied() {
    Ledger ledger = aLedger().customer(1, "Becker Bau AG").invoice(1, "INV-2026-000001", "100.00", 3).build();
    long id = idOf(ledger, 1, "INV-2026-000001");

    assertThatThrownBy(() -> ledger.apply(List.of(new Allocation(id, "INV-2026-000001", new BigDecimal("100.01")))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ledger.openItem(id)).isPresent();
  }

  @Test
  void anAccountLearnedForTwoCustomersIdentifiesNeither() {
    Ledger ledger =
        aLedger()
            .customer(1, "Becker Bau AG", "DE02100100100006820101")
            .invoice(1, "INV-2026-000001", "100.00", 3)
            .customer(2, "Becker Holz GmbH")
            .invoice(2, "INV-2026-000002", "100.00", 3)
            .build();

    ledger.learn("DE02 1001 0010 0006 8201 01", 2);

    MatchResult result = new CashMatcher(ledger).evaluate(line("100.00", null, "DE02100100100006820101", null));
    assertThat(result.status()).isEqualTo(Status.NONE);
  }
}
