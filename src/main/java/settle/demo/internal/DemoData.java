package settle.demo.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import settle.customers.CustomerDirectory;
import settle.customers.CustomerView;
import settle.customers.NewCustomer;
import settle.orders.NewOrder;
import settle.orders.OrderStatus;
import settle.orders.OrderView;
import settle.orders.Orders;

/**
 * Loads a small book of business on start: four customers, one order each, so the first look shows
 * an approved and invoiced order, one waiting for a credit analyst and one on credit hold.
 */
@Component
@ConditionalOnProperty(name = "settle.demo-data", havingValue = "true")
@Order(100)
class DemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private final CustomerDirectory customers;
  private final Orders orders;

  private final Clock clock;

  DemoData(CustomerDirectory customers, Orders orders, Clock clock) {
    this.customers = customers;
    this.orders = orders;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!customers.all().isEmpty()) {
      return;
    }
    LocalDate today = LocalDate.now(clock);
    CustomerView acme = open("Acme Retail GmbH", "ap@acme-retail.example", "Dana Whitfield", "dana.whitfield@northwind.example", "50000", "EUR", "LOW", today.minusYears(6));
    CustomerView borealis = open("Borealis Foods AB", "invoices@borealis-foods.example", "Sam Okafor", "sam.okafor@northwind.example", "20000", "EUR", "MEDIUM", today.minusMonths(2));
    CustomerView cobalt = open("Cobalt Logistics Ltd", "payables@cobalt-logistics.example", "Dana Whitfield", "dana.whitfield@northwind.example", "10000", "EUR", "HIGH", today.minusYears(1));
    CustomerView delta = open("Delta Clinics SA", "ap@delta-clinics.example", "Lee Moreau", "lee.moreau@northwind.example", "30000", "EUR", "LOW", today.minusMonths(8));

    OrderView approved = order(acme, "Shelving units", "40", "300.00", "5", "NET30", "PO-ACME-1001");
    order(borealis, "Cold-chain sensors", "110", "200.00", "0", "NET45", "PO-7734");
    order(cobalt, "Pallet racking", "30", "300.00", "0", "NET30", null);
    OrderView early = order(delta, "Sterile supply carts", "8", "600.00", "0", "2/10 NET30", "DC-2291");
    Thread.ofVirtual().name("demo-fulfilment").start(() -> fulfilWhenApproved(List.of(approved.id(), early.id())));
  }

  /** Operations ships the approved demo orders, so their invoices go out a moment after start. */
  private void fulfilWhenApproved(List<Long> orderIds) {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    for (long id : orderIds) {
      while (Instant.now().isBefore(deadline)) {
        if (orders.get(id).status() == OrderStatus.APPROVED) {
          orders.fulfil(id, "system:demo-data");
          break;
        }
        try {
          Thread.sleep(250);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
    log.info("Demo orders {} fulfilled", orderIds);
  }

  private CustomerView open(String name, String ap, String owner, String ownerEmail, String limit, String currency, String risk,
                            LocalDate since) {
    return customers.open(new NewCustomer(name, ap, owner, ownerEmail, new BigDecimal(limit), currency, risk, since), "system:demo-data");
  }

  private OrderView order(CustomerView customer, String item, String qty, String price, String discount, String terms, String po) {
    return orders.place(new NewOrder(customer.id(), List.of(new NewOrder.Line(item, new BigDecimal(qty), new BigDecimal(price))),
        new BigDecimal(discount), terms, po), "system:demo-data");
  }
}
