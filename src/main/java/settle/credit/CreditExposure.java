package settle.credit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import settle.common.Money;
import settle.customers.CustomerDirectory;
import settle.customers.CustomerView;
import settle.invoicing.CustomerBalance;
import settle.invoicing.Invoices;
import settle.orders.OrderStatus;
import settle.orders.Orders;
import settle.payments.CustomerCredit;

/**
 * The one computation of what a customer could owe us against their credit limit: open invoices, plus the
 * orders credit has not turned down that are not invoiced yet, less the credit we hold for them, in the
 * customer's currency. The credit decision reads it, and so does every page showing the limit in use.
 */
@Service
public class CreditExposure {

  /** Orders whose amount is promised but not on an invoice yet. */
  private static final Set<OrderStatus> NOT_YET_INVOICED = EnumSet.of(OrderStatus.RECEIVED, OrderStatus.IN_REVIEW,
      OrderStatus.ON_HOLD, OrderStatus.APPROVED, OrderStatus.FULFILLED);
  /** A zero limit means no credit: any order is far beyond it, and the table sees a number, not a division error. */
  private static final BigDecimal NO_LIMIT_RATIO = BigDecimal.valueOf(999);

  private final CustomerDirectory customers;
  private final Invoices invoices;
  private final Orders orders;
  private final CustomerCredit credit;

  CreditExposure(CustomerDirectory customers, Invoices invoices, Orders orders, CustomerCredit credit) {
    this.customers = customers;
    this.invoices = invoices;
    this.orders = orders;
    this.credit = credit;
  }

  /**
   * {@code ratio}: exposure ÷ credit limit, the figure the credit decision compares (0.9 is 90 %).
   * {@code ordersNotInvoiced} counts every order not yet invoiced, the one being decided included.
   */
  public record Exposure(String currency, String riskRating, BigDecimal creditLimit, BigDecimal openBalance,
                         BigDecimal ordersNotInvoiced, BigDecimal creditBalance, BigDecimal overdueAmount,
                         BigDecimal exposure, BigDecimal ratio, int maxDaysPastDue) {

    /** The ratio as people read it: "90" for 0.9. */
    public BigDecimal percentOfLimit() {
      return percent(ratio);
    }

    /** "90% of the 10,000.00 EUR credit limit in use". */
    public String inUse() {
      return percentOfLimit() + "% of the " + Money.format(creditLimit, currency) + " credit limit in use";
    }
  }

  /** A ratio the decision compared (0.9) as the percentage people read (90); below nothing, 0. */
  public static BigDecimal percent(BigDecimal ratio) {
    return ratio.max(BigDecimal.ZERO).movePointRight(2).setScale(0, RoundingMode.HALF_UP);
  }

  @Transactional(readOnly = true)
  public Exposure of(long customerId) {
    CustomerView customer = customers.get(customerId);
    String currency = customer.currency();
    CustomerBalance balance = invoices.balance(customerId, currency);
    BigDecimal ordered = orders.total(customerId, currency, NOT_YET_INVOICED);
    // money we hold for the customer (unapplied cash, unused credit memos) lowers what they could owe us
    BigDecimal creditBalance = credit.balance(customerId, currency);
    BigDecimal exposure = balance.openBalance().add(ordered).subtract(creditBalance);
    BigDecimal ratio = customer.creditLimit().signum() == 0 ? NO_LIMIT_RATIO
        : exposure.divide(customer.creditLimit(), 4, RoundingMode.HALF_EVEN);
    return new Exposure(currency, customer.riskRating(), customer.creditLimit(), balance.openBalance(), Money.of(ordered),
        creditBalance, balance.overdueAmount(), exposure, ratio, balance.maxDaysPastDue());
  }
}
