package settle.invoicing.internal;

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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import settle.invoicing.InvoiceStatus;
import settle.invoicing.InvoiceView;

@Entity
public class Invoice {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String number;
  private long customerId;
  private long orderId;
  private String currency;
  private BigDecimal subtotal;
  private BigDecimal discountPercent;
  private BigDecimal discountAmount;
  private BigDecimal total;
  private BigDecimal openAmount;
  private LocalDate issueDate;
  private LocalDate dueDate;
  private String paymentTerms;
  private BigDecimal earlyDiscountPercent;
  private LocalDate earlyDiscountDate;
  private String poNumber;
  private int revision = 1;
  @Enumerated(EnumType.STRING)
  private InvoiceStatus status;
  private Instant createdAt;
  @Version
  private long version;
  @OneToMany(mappedBy = "invoice", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("lineNo")
  private List<InvoiceLine> lines = new ArrayList<>();

  protected Invoice() {}

  public Invoice(String number, long customerId, long orderId, String currency, BigDecimal subtotal,
                 BigDecimal discountPercent, BigDecimal discountAmount, BigDecimal total, LocalDate issueDate,
                 LocalDate dueDate, String paymentTerms, BigDecimal earlyDiscountPercent, LocalDate earlyDiscountDate,
                 String poNumber, Instant createdAt) {
    this.number = number;
    this.customerId = customerId;
    this.orderId = orderId;
    this.currency = currency;
    this.subtotal = subtotal;
    this.discountPercent = discountPercent;
    this.discountAmount = discountAmount;
    this.total = total;
    this.openAmount = total;
    this.issueDate = issueDate;
    this.dueDate = dueDate;
    this.paymentTerms = paymentTerms;
    this.earlyDiscountPercent = earlyDiscountPercent;
    this.earlyDiscountDate = earlyDiscountDate;
    this.poNumber = poNumber;
    this.status = total.signum() == 0 ? InvoiceStatus.PAID : InvoiceStatus.OPEN;
    this.createdAt = createdAt;
  }

  public void addLine(InvoiceLine line) {
    line.belongsTo(this);
    lines.add(line);
  }

  /** A credit lowers what is open; an adjustment lowers the invoice's total as well. */
  /** Lowers what is open by the credit, never below zero; an adjustment lowers the invoice's total by all of it. */
  public void credit(BigDecimal amount, boolean adjustTotal) {
    if (adjustTotal) {
      total = total.subtract(amount);
    }
    openAmount = openAmount.subtract(amount.min(openAmount));
    if (openAmount.signum() == 0) {
      status = InvoiceStatus.PAID;
    }
  }

  public void applyPayment(BigDecimal amount) {
    openAmount = openAmount.subtract(amount);
    // a part payment leaves a handed-over invoice with the agency or lawyer
    status = openAmount.signum() == 0 ? InvoiceStatus.PAID : status.handedOver() ? status : InvoiceStatus.PARTIALLY_PAID;
  }

  /** A payment came back: what it paid is open again; a handed-over invoice stays with the agency or lawyer. */
  public void reversePayment(BigDecimal amount) {
    openAmount = openAmount.add(amount);
    status = status.handedOver() ? status : openAmount.compareTo(total) >= 0 ? InvoiceStatus.OPEN : InvoiceStatus.PARTIALLY_PAID;
  }

  /** To a collection agency or to legal; a paid invoice stays paid. */
  public void handOver(InvoiceStatus to) {
    if (!to.handedOver()) {
      throw new IllegalArgumentException(to + " is not a hand-over");
    }
    if (status != InvoiceStatus.PAID) {
      status = to;
    }
  }

  public Long getId() {
    return id;
  }

  public String getCurrency() {
    return currency;
  }

  public BigDecimal getOpenAmount() {
    return openAmount;
  }

  public InvoiceStatus getStatus() {
    return status;
  }

  public InvoiceView view() {
    BigDecimal earlyAmount = earlyDiscountPercent == null ? null : InvoiceView.earlyPaymentAmount(total, earlyDiscountPercent);
    return new InvoiceView(id, number, customerId, orderId, money(subtotal), discountPercent.stripTrailingZeros(),
        money(discountAmount), money(total), money(openAmount), currency, issueDate, dueDate, paymentTerms,
        earlyDiscountPercent == null ? null : earlyDiscountPercent.stripTrailingZeros(), earlyDiscountDate, earlyAmount,
        poNumber, status,
        lines.stream().map(l -> new InvoiceView.Line(l.lineNo(), l.description(), l.quantity().stripTrailingZeros(),
            money(l.unitPrice()), money(l.amount()))).toList(), revision);
  }

  /** The same invoice with the customer's corrected purchase order: the next revision. */
  public void reissueWithPo(String po) {
    this.poNumber = po;
    this.revision++;
  }

  private static BigDecimal money(BigDecimal amount) {
    return settle.common.Money.of(amount);
  }
}
