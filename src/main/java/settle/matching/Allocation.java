package settle.matching;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Part of a payment applied to one invoice. {@code discount} is the cash discount granted on top
 * (zero unless the payer took it in time); applied amount plus discount leave the invoice's open amount.
 */
public record Allocation(long invoiceId, String invoiceNumber, BigDecimal amount, BigDecimal discount) {

  public Allocation {
    Objects.requireNonNull(invoiceNumber, "invoiceNumber");
    amount = Amounts.scaled(Objects.requireNonNull(amount, "amount"));
    discount = discount == null ? Amounts.ZERO : Amounts.scaled(discount);
  }

  public Allocation(long invoiceId, String invoiceNumber, BigDecimal amount) {
    this(invoiceId, invoiceNumber, amount, Amounts.ZERO);
  }
}
