package settle.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

class MoneyTest {

  @AfterEach
  void forgetTheReader() {
    LocaleContextHolder.resetLocaleContext();
  }

  @Test
  void anEnglishReaderSeesCommasForThousandsAndAPointForCents() {
    LocaleContextHolder.setLocale(Locale.US);
    assertThat(Money.format(new BigDecimal("1234567.5"), "EUR")).isEqualTo("1,234,567.50 EUR");
  }

  @Test
  void aGermanReaderSeesPointsForThousandsAndACommaForCents() {
    LocaleContextHolder.setLocale(Locale.GERMANY);
    assertThat(Money.format(new BigDecimal("1234567.5"), "EUR")).isEqualTo("1.234.567,50 EUR");
    assertThat(Money.number(new BigDecimal("-20000"), Locale.GERMAN)).isEqualTo("-20.000,00");
  }

  @Test
  void aReaderOfAnotherLanguageSeesEnglishFigures() {
    assertThat(Money.number(new BigDecimal("0.005"), Locale.JAPANESE)).isEqualTo("0.00");
    assertThat(Money.number(new BigDecimal("1000.015"), Locale.FRENCH)).isEqualTo("1,000.02");
  }
}
