package settle.invoicing.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;

@Entity
public class InvoiceLine {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @ManyToOne
  @JoinColumn(name = "invoice_id")
  private Invoice invoice;
  private int lineNo;
  private String description;
  private BigDecimal quantity;
  private BigDecimal unitPrice;
  private BigDecimal amount;

  protected InvoiceLine() {}

  public InvoiceLine(int lineNo, String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount) {
    this.lineNo = lineNo;
    this.description = description;
    this.quantity = quantity;
    this.unitPrice = unitPrice;
    this.amount = amount;
  }

  void belongsTo(Invoice invoice) {
    this.invoice = invoice;
  }

  int lineNo() {
    return lineNo;
  }

  String description() {
    return description;
  }

  BigDecimal quantity() {
    return quantity;
  }

  BigDecimal unitPrice() {
    return unitPrice;
  }

  BigDecimal amount() {
    return amount;
  }
}
