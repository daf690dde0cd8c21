package settle.invoicing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

public record InvoiceView(long id, String number, long customerId, long orderId, BigDecimal subtotal,
                          BigDecimal discountPercent, BigDecimal discountAmount, BigDecimal total, BigDecimal openAmount,
                          String currency, LocalDate issueDate, LocalDate dueDate, String paymentTerms,
                          BigDecimal earlyDiscountPercent, LocalDate earlyDiscountDate, BigDecimal earlyPaymentAmount,
                          String poNumber, InvoiceStatus status, List<Line> lines, int revision) {

  /** The number as printed: a re-issued invoice keeps its number and says which revision it is. */
  public String printedNumber() {
    return revision > 1 ? number + " rev. " + revision : number;
  }

  public record Line(int lineNo, String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount) {}

  /**
   * What settles the invoice when paid on {@code valueDate}: the early-payment amount while its window is open
   * and nothing has been paid yet (2/10 NET30), otherwise null.
   */
  public BigDecimal earlyPaymentAmountOn(LocalDate valueDate) {
    return earlyDiscountDate != null && !valueDate.isAfter(earlyDiscountDate) && openAmount.compareTo(total) == 0
        ? earlyPaymentAmount : null;
  }

  /** The ISO 11649 creditor reference customers quote when they pay, derived from the number (RF + check + number). */
  public String creditorReference() {
    return settle.common.CreditorReference.of(number);
  }

  /** The total less the early-payment discount, to the cent. */
  public static BigDecimal earlyPaymentAmount(BigDecimal total, BigDecimal discountPercent) {
    return settle.common.Money.of(total.subtract(total.multiply(discountPercent)
        .divide(BigDecimal.valueOf(100), 4, java.math.RoundingMode.HALF_EVEN)));
  }
}
