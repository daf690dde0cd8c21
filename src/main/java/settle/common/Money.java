package settle.common;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts are kept with two decimals and rounded half-even, as an accountant would. */
public final class Money {

  private Money() {}

  public static BigDecimal of(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_EVEN);
  }

  public static BigDecimal of(String amount) {
    return of(new BigDecimal(amount));
  }

  /**
   * An amount as the reader reads it: thousands separated, two decimals, the currency after — "20,000.00 EUR" for
   * an English reader, "20.000,00 EUR" for a German one. The reader is the request's locale (the browser's
   * language); work done outside a request (workers, mails) writes English.
   */
  public static String format(BigDecimal amount, String currency) {
    return number(amount) + " " + currency;
  }

  /** The figure alone, where the currency stands beside it: "20,000.00". */
  public static String number(BigDecimal amount) {
    org.springframework.context.i18n.LocaleContext request = org.springframework.context.i18n.LocaleContextHolder.getLocaleContext();
    return number(amount, request == null || request.getLocale() == null ? java.util.Locale.ENGLISH : request.getLocale());
  }

  /** The figure as a reader of that language writes it; languages other than German read English figures. */
  public static String number(BigDecimal amount, java.util.Locale reader) {
    java.util.Locale figures = "de".equals(reader.getLanguage()) ? java.util.Locale.GERMANY : java.util.Locale.ENGLISH;
    return String.format(figures, "%,.2f", of(amount));
  }
}
