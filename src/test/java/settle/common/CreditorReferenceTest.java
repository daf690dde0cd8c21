package settle.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CreditorReferenceTest {

  @Test
  void the_published_iso_11649_example_gets_its_check_digits() {
    // ISO 11649's example: reference 539007547034 is RF18539007547034
    assertThat(CreditorReference.of("539007547034")).isEqualTo("RF18539007547034");
    assertThat(CreditorReference.isValid("RF18539007547034")).isTrue();
    assertThat(CreditorReference.isValid("RF18 5390 0754 7034")).isTrue();
  }

  @Test
  void an_invoice_number_keeps_its_letters_and_digits_and_the_result_validates() {
    String ref = CreditorReference.of("INV-2026-000123");
    assertThat(ref).startsWith("RF").endsWith("INV2026000123").hasSize(17);
    assertThat(CreditorReference.isValid(ref)).isTrue();
    assertThat(CreditorReference.of("inv-2026-000123")).isEqualTo(ref);
  }

  @Test
  void a_wrong_digit_or_wrong_check_digits_fail_validation() {
    assertThat(CreditorReference.isValid("RF18539007547035")).isFalse();
    assertThat(CreditorReference.isValid("RF19539007547034")).isFalse();
    assertThat(CreditorReference.isValid("RF18")).isFalse();
    assertThat(CreditorReference.isValid("XX18539007547034")).isFalse();
    assertThat(CreditorReference.isValid(null)).isFalse();
  }

  @Test
  void a_reference_too_long_for_iso_11649_is_refused() {
    assertThatThrownBy(() -> CreditorReference.of("AB-1234567890-1234567890")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CreditorReference.of("--")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void finds_the_reference_in_a_bank_remittance_line_whole_or_printed_in_groups() {
    assertThat(CreditorReference.find("Payment RF18539007547034 thank you")).contains("RF18539007547034");
    assertThat(CreditorReference.find("rf18 5390 0754 7034 for May")).contains("RF18539007547034");
    assertThat(CreditorReference.find("/RFB/RF18539007547034")).contains("RF18539007547034");
    // wrong check digits, or no reference at all
    assertThat(CreditorReference.find("RF19539007547034")).isEmpty();
    assertThat(CreditorReference.find("PERF18539007547034 and INV-2026-000001")).isEmpty();
  }

  @Test
  void ibans_are_checked_with_mod_97() {
    assertThat(CreditorReference.isValidIban("DE89370400440532013000")).isTrue();
    assertThat(CreditorReference.isValidIban("DE89 3704 0044 0532 0130 00")).isTrue();
    assertThat(CreditorReference.isValidIban("GB29NWBK60161331926819")).isTrue();
    assertThat(CreditorReference.isValidIban("DE88370400440532013000")).isFalse();
    assertThat(CreditorReference.isValidIban("DE89370400440532013001")).isFalse();
  }
}
