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

  /** An amount as people read it: thousands separated, two decimals, the currency after ("20,000.00 EUR"). */
  public static String format(BigDecimal amount, String currency) {
    return number(amount) + " " + currency;
  }

  /** The figure alone, where the currency stands beside it: "20,000.00". */
  public static String number(BigDecimal amount) {
    return String.format(java.util.Locale.ENGLISH, "%,.2f", of(amount));
  }
}
