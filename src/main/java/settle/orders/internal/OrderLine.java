package settle.orders.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;

@Entity
public class OrderLine {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @ManyToOne
  @JoinColumn(name = "order_id")
  private SalesOrder order;
  private int lineNo;
  private String description;
  private BigDecimal quantity;
  private BigDecimal unitPrice;
  private BigDecimal amount;

  protected OrderLine() {}

  public OrderLine(int lineNo, String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount) {
    this.lineNo = lineNo;
    this.description = description;
    this.quantity = quantity;
    this.unitPrice = unitPrice;
    this.amount = amount;
  }

  void belongsTo(SalesOrder order) {
    this.order = order;
  }

  public int getLineNo() {
    return lineNo;
  }

  public String getDescription() {
    return description;
  }

  public BigDecimal getQuantity() {
    return quantity;
  }

  public BigDecimal getUnitPrice() {
    return unitPrice;
  }

  public BigDecimal getAmount() {
    return amount;
  }
}
