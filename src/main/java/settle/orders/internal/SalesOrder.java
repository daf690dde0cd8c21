package settle.orders.internal;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import settle.orders.OrderStatus;
import settle.orders.OrderView;

@Entity
public class SalesOrder {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private long customerId;
  @Enumerated(EnumType.STRING)
  private OrderStatus status;
  private String statusReason;
  private String currency;
  private BigDecimal subtotal;
  private BigDecimal discountPercent;
  private BigDecimal total;
  private String paymentTerms;
  private String poNumber;
  private Long invoiceId;
  private Instant createdAt;
  private String placedBy;
  @Version
  private long version;
  @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("lineNo")
  private List<OrderLine> lines = new ArrayList<>();

  protected SalesOrder() {}

  public SalesOrder(long customerId, String currency, BigDecimal discountPercent, String paymentTerms, String poNumber,
                    Instant createdAt, String placedBy) {
    this.placedBy = placedBy;
    this.customerId = customerId;
    this.status = OrderStatus.RECEIVED;
    this.currency = currency;
    this.discountPercent = discountPercent;
    this.paymentTerms = paymentTerms;
    this.poNumber = poNumber;
    this.createdAt = createdAt;
  }

  public void addLine(OrderLine line) {
    line.belongsTo(this);
    lines.add(line);
  }

  public void price(BigDecimal subtotal, BigDecimal total) {
    this.subtotal = subtotal;
    this.total = total;
  }

  public void changeStatus(OrderStatus status, String reason) {
    this.status = status;
    this.statusReason = reason;
  }

  public void invoiced(long invoiceId) {
    this.invoiceId = invoiceId;
  }

  public Long getId() {
    return id;
  }

  public OrderStatus getStatus() {
    return status;
  }

  public String getPlacedBy() {
    return placedBy;
  }

  public List<OrderLine> getLines() {
    return lines;
  }

  public OrderView view() {
    return new OrderView(id, customerId, status, statusReason,
        lines.stream().map(l -> new OrderView.Line(l.getLineNo(), l.getDescription(), l.getQuantity().stripTrailingZeros(),
            l.getUnitPrice().setScale(2, RoundingMode.HALF_EVEN), l.getAmount().setScale(2, RoundingMode.HALF_EVEN))).toList(),
        subtotal.setScale(2, RoundingMode.HALF_EVEN), discountPercent.stripTrailingZeros(),
        total.setScale(2, RoundingMode.HALF_EVEN), currency, paymentTerms, poNumber, invoiceId, createdAt, placedBy);
  }
}
