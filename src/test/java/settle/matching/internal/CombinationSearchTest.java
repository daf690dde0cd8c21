package settle.matching.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import settle.matching.internal.CombinationSearch.Outcome;

class CombinationSearchTest {

  private static final long[] NO_DISCOUNTS = {-1, -1, -1, -1, -1, -1};

  @Test
  void findsTheOnlyItemsThatAddUp() {
    long[] open = {119000, 25050, 9999, 410000, 1234, 777};

    Outcome outcome = CombinationSearch.find(open, NO_DISCOUNTS, open.length, 154049, 2, 5, 10_000, 2);

    assertThat(outcome.unique()).isTrue();
    assertThat(outcome.found().getFirst().positions()).containsExactly(0, 1, 2);
  }

  @Test
  void reportsTwoCombinationsWhenTwoFit() {
    long[] open = {80000, 30000, 50000, 30000, 20000, 7700};

    Outcome outcome = CombinationSearch.find(open, NO_DISCOUNTS, open.length, 110000, 2, 5, 10_000, 2);

    assertThat(outcome.found()).hasSize(2);
    assertThat(outcome.unique()).isFalse();
  }

  @Test
  void aDiscountedItemMayBeTakenAtItsDiscountedAmount() {
    long[] open = {100000, 50000};
    long[] discount = {98000, -1};

    Outcome outcome = CombinationSearch.find(open, discount, 2, 148000, 2, 5, 10_000, 2);

    assertThat(outcome.unique()).isTrue();
    assertThat(outcome.found().getFirst().discounted()).containsExactly(true, false);
  }

  @Test
  void anExhaustedBudgetNeverClaimsUniqueness() {
    long[] open = new long[24];
    long[] discount = new long[24];
    for (int i = 0; i < open.length; i++) {
      open[i] = 100_000 + i * 7919L;
      discount[i] = -1;
    }
    long target = open[20] + open[21] + open[22] + open[23];

    Outcome outcome = CombinationSearch.find(open, discount, open.length, target, 2, 5, 50, 2);

    assertThat(outcome.exhausted()).isTrue();
    assertThat(outcome.unique()).isFalse();
  }
}
