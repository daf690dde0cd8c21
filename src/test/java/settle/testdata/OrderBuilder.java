package settle.testdata;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import settle.orders.NewOrder;

public final class OrderBuilder {

  private final long customerId;
  private final List<NewOrder.Line> lines = new ArrayList<>();
  private BigDecimal discountPercent = BigDecimal.ZERO;
  private String paymentTerms = "NET30";
  private String poNumber = "PO-1";

  private OrderBuilder(long customerId) {
    this.customerId = customerId;
  }

  public static OrderBuilder anOrderFor(long customerId) {
    return new OrderBuilder(customerId);
  }

  public OrderBuilder line(String description, String quantity, String unitPrice) {
    lines.add(new NewOrder.Line(description, new BigDecimal(quantity), new BigDecimal(unitPrice)));
    return this;
  }

  /** One line worth exactly {@code amount}. */
  public OrderBuilder worth(String amount) {
    return line("Goods", "1", amount);
  }

  public OrderBuilder discount(String percent) {
    this.discountPercent = new BigDecimal(percent);
    return this;
  }

  public OrderBuilder terms(String terms) {
    this.paymentTerms = terms;
    return this;
  }

  public OrderBuilder po(String poNumber) {
    this.poNumber = poNumber;
    return this;
  }

  public NewOrder build() {
    return new NewOrder(customerId, List.copyOf(lines), discountPercent, paymentTerms, poNumber);
  }
}
