package settle.matching.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import settle.matching.internal.InvoiceReferences.Reference;

class InvoiceReferencesTest {

  @Test
  void prefixesAndSeparatorsDoNotChangeTheNumber() {
    long key = InvoiceReferences.keyOf("INV-2026-000123");

    for (String written :
        List.of("INV-2026-000123", "Inv. 2026/000123", "invoice 2026.000123", "RE: INV 2026 000123", "INV2026000123", "Rechnung Nr. 2026-000123")) {
      assertThat(keysWithYear(written)).as(written).containsExactly(key);
    }
  }

  @Test
  void missingAndExtraLeadingZerosDoNotMatter() {
    assertThat(keysWithYear("INV-2026-123")).containsExactly(InvoiceReferences.keyOf("INV-2026-000123"));
    assertThat(keysWithYear("INV-2026-00000123")).containsExactly(InvoiceReferences.keyOf("INV-2026-000123"));
  }

  @Test
  void lookAlikeLettersInsideTheDigitsAreReadAsDigitsAndMarkedRepaired() {
    List<Reference> found = InvoiceReferences.scan("INV-2O26-OOOl23, inv 2026-0S8B12");

    assertThat(found).filteredOn(r -> r.year() > 0).extracting(Reference::number).containsExactly(123L, 58812L);
    assertThat(found).filteredOn(r -> r.year() > 0).allMatch(Reference::repaired);
  }

  @Test
  void wordsMadeOfLookAlikeLettersAreNotNumbers() {
    assertThat(InvoiceReferences.scan("BILLS SOLO BOIS")).isEmpty();
  }

  @Test
  void severalNumbersInOneLineAreAllFound() {
    assertThat(keysWithYear("INV-2026-000123, INV-2026-000456 und INV-2025-000789"))
        .containsExactly(key(2026, 123), key(2026, 456), key(2025, 789));
  }

  @Test
  void suffixesAfterASlashContinueTheFirstNumber() {
    assertThat(keysWithYear("INV-2026-000123/124/25")).containsExactly(key(2026, 123), key(2026, 124), key(2026, 125));
  }

  @Test
  void aShortDashRangeListsEveryNumberInIt() {
    assertThat(keysWithYear("INV-2026-000123-126"))
        .containsExactly(key(2026, 123), key(2026, 124), key(2026, 125), key(2026, 126));
  }

  @Test
  void aSequenceSplitByASpaceIsJoined() {
    assertThat(keysWithYear("INV 2026 000 123")).containsExactly(key(2026, 123));
  }

  @Test
  void aNumberWithoutYearIsKeptWithYearZero() {
    assertThat(InvoiceReferences.scan("Rechnung 000123")).containsExactly(new Reference(0, 123, false));
  }

  private static long key(int year, long number) {
    return new Reference(year, number, false).key();
  }

  private static List<Long> keysWithYear(String text) {
    return InvoiceReferences.scan(text).stream().filter(r -> r.year() > 0).map(Reference::key).toList();
  }
}
