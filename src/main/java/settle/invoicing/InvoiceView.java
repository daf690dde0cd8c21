package settle.invoicing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

public record InvoiceView(long id, String number, long customerId, long orderId, BigDecimal subtotal,
                          BigDecimal discountPercent, BigDecimal discountAmount, BigDecimal total, BigDecimal openAmount,
                          String currency, LocalDate issueDate, LocalDate dueDate, String paymentTerms,
                          BigDecimal earlyDiscountPercent, LocalDate earlyDiscountDate, BigDecimal earlyPaymentAmount,
                          String poNumber, InvoiceStatus status, List<Line> lines) {

  public record Line(int lineNo, String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount) {}
}
