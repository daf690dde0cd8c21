package settle.matching;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A credit line of a bank statement. Payer name, account and remittance may be null or blank: banks
 * do not always deliver them.
 */
public record IncomingPayment(
    String lineRef,
    BigDecimal amount,
    String currency,
    LocalDate valueDate,
    String payerName,
    String payerAccount,
    String remittance) {

  public IncomingPayment {
    Objects.requireNonNull(lineRef, "lineRef");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(valueDate, "valueDate");
    amount = Amounts.scaled(Objects.requireNonNull(amount, "amount"));
  }
}
