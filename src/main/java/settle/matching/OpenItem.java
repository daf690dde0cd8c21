package settle.matching;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An invoice with an amount still open. {@code discountedAmount} settles it in full when paid by
 * {@code discountUntil} (both null when the terms grant no cash discount).
 */
public record OpenItem(
    long invoiceId,
    String invoiceNumber,
    long customerId,
    BigDecimal openAmount,
    String currency,
    LocalDate dueDate,
    BigDecimal discountedAmount,
    LocalDate discountUntil) {

  public OpenItem {
    Objects.requireNonNull(invoiceNumber, "invoiceNumber");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(dueDate, "dueDate");
    openAmount = Amounts.scaled(Objects.requireNonNull(openAmount, "openAmount"));
    if ((discountedAmount == null) != (discountUntil == null)) {
      throw new IllegalArgumentException("discountedAmount and discountUntil go together");
    }
    discountedAmount = discountedAmount == null ? null : Amounts.scaled(discountedAmount);
  }

  public OpenItem(
      long invoiceId,
      String invoiceNumber,
      long customerId,
      BigDecimal openAmount,
      String currency,
      LocalDate dueDate) {
    this(invoiceId, invoiceNumber, customerId, openAmount, currency, dueDate, null, null);
  }
}
