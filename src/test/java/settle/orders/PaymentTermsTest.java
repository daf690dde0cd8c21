package settle.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PaymentTermsTest {

  @Test
  void netTermsSetTheDueDate() {
    PaymentTerms terms = PaymentTerms.parse("net 45").orElseThrow();
    assertThat(terms.toString()).isEqualTo("NET45");
    assertThat(terms.dueDate(LocalDate.of(2026, 1, 31))).isEqualTo(LocalDate.of(2026, 3, 17));
    assertThat(terms.discountDeadline(LocalDate.of(2026, 1, 31))).isEmpty();
  }

  @Test
  void twoTenNetThirtyCarriesTheEarlyPaymentDiscount() {
    PaymentTerms terms = PaymentTerms.parse("2/10 net 30").orElseThrow();
    assertThat(terms.toString()).isEqualTo("2/10 NET30");
    assertThat(terms.discountPercent()).isEqualByComparingTo(new BigDecimal("2"));
    assertThat(terms.discountDeadline(LocalDate.of(2026, 1, 1))).contains(LocalDate.of(2026, 1, 11));
    assertThat(terms.dueDate(LocalDate.of(2026, 1, 1))).isEqualTo(LocalDate.of(2026, 1, 31));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "NET", "30 days", "2/30 NET30", "0/10 NET30", "60/10 NET30", "NET-5", "2/10"})
  void nonsenseIsNotATerm(String text) {
    assertThat(PaymentTerms.parse(text)).isEmpty();
  }
}
