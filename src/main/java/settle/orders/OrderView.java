package settle.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An order with the deal terms as agreed; {@code invoiceId} stays null until it is invoiced. */
public record OrderView(long id, long customerId, OrderStatus status, String statusReason, List<Line> lines,
                        BigDecimal subtotal, BigDecimal discountPercent, BigDecimal total, String currency,
                        String paymentTerms, String poNumber, Long invoiceId, Instant createdAt,
                        String placedBy) {

  public record Line(int lineNo, String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount) {}

  /** The order's number as sales and customers quote it. */
  public String number() {
    return number(id);
  }

  public static String number(long id) {
    return "SO-%05d".formatted(id);
  }

  public PaymentTerms terms() {
    return PaymentTerms.parse(paymentTerms).orElseThrow();
  }
}
