package settle.matching;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money in this module: two decimals, rounded half-even; cents as long only inside the engine. */
final class Amounts {

  static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

  private Amounts() {}

  static BigDecimal scaled(BigDecimal amount) {
    return amount.scale() == 2 ? amount : amount.setScale(2, RoundingMode.HALF_EVEN);
  }

  static long cents(BigDecimal amount) {
    return scaled(amount).unscaledValue().longValueExact();
  }

  static BigDecimal of(long cents) {
    return BigDecimal.valueOf(cents, 2);
  }
}
