package settle.workspace.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import settle.collections.CollectionActions;
import settle.collections.CollectionActions.PromiseView;
import settle.common.Money;
import settle.credit.CreditExposure;
import settle.customers.CustomerDirectory;
import settle.customers.CustomerView;
import settle.disputes.DisputeView;
import settle.disputes.Disputes;
import settle.invoicing.CustomerBalance;
import settle.invoicing.InvoiceStatus;
import settle.invoicing.InvoiceView;
import settle.invoicing.Invoices;
import settle.orders.OrderStatus;
import settle.orders.OrderView;
import settle.orders.Orders;
import settle.payments.CustomerCredit;

/** Everything a colleague needs beside a task: the customer's open items, promises, disputes, mails, terms and risk. */
@Component
class CustomerContext {

  record Risk(String level, List<String> drivers) {}

  /** {@code credit}: what the company holds for the customer, one entry per currency. */
  record View(CustomerView customer, List<OrderView> pendingOrders, List<InvoiceView> openInvoices, List<PromiseView> promises,
              List<DisputeView> disputes, List<CustomerCredit.Balance> credit, Risk risk) {}

  private final CustomerDirectory customers;
  private final Invoices invoices;
  private final Orders orders;
  private final Disputes disputes;
  private final CollectionActions collections;
  private final CustomerCredit credit;
  private final CreditExposure creditExposure;
  private final Clock clock;

  CustomerContext(CustomerDirectory customers, Invoices invoices, Orders orders, Disputes disputes,
                  CollectionActions collections, CustomerCredit credit, CreditExposure creditExposure, Clock clock) {
    this.creditExposure = creditExposure;
    this.credit = credit;
    this.customers = customers;
    this.invoices = invoices;
    this.orders = orders;
    this.disputes = disputes;
    this.collections = collections;
    this.clock = clock;
  }

  /** The customer a task's subject ({@code invoice:7}, {@code order:3}, {@code dispute:2}) is about, if any. */
  Long customerOf(String subject) {
    if (subject == null || !subject.contains(":")) {
      return null;
    }
    String[] parts = subject.split(":", 2);
    long id;
    try {
      id = Long.parseLong(parts[1]);
    } catch (NumberFormatException e) {
      return null;
    }
    return switch (parts[0]) {
      case "customer" -> id;
      case "invoice" -> invoices.get(id).customerId();
      case "order" -> orders.get(id).customerId();
      case "dispute" -> disputes.get(id).customerId();
      default -> null;
    };
  }

  String customerName(long customerId) {
    return customers.get(customerId).name();
  }

  View of(long customerId) {
    CustomerView customer = customers.get(customerId);
    List<InvoiceView> open = invoices.find(customerId, null).stream().filter(i -> i.status() != InvoiceStatus.PAID).toList();
    List<PromiseView> promises = collections.promises(open.stream().map(InvoiceView::id).toList());
    List<DisputeView> customerDisputes = disputes.ofCustomer(customerId);
    CustomerBalance balance = invoices.balance(customerId, customer.currency());
    // orders credit has not let through yet (in review, on hold) or that wait to be shipped and invoiced
    List<OrderView> pending = orders.ofCustomer(customerId).stream()
        .filter(o -> o.status().compareTo(OrderStatus.INVOICED) < 0 && o.status() != OrderStatus.REJECTED).toList();
    return new View(customer, pending, open, promises, customerDisputes, credit.balances(customerId),
        risk(customer, balance, disputes.disputesLast12Months(customerId)));
  }

  /** The risk rating, with the facts a collector weighs it by. */
  private Risk risk(CustomerView customer, CustomerBalance balance, int disputesLastYear) {
    List<String> drivers = new ArrayList<>();
    drivers.add("Risk rating " + customer.riskRating());
    if (customer.creditLimit().signum() > 0) {
      CreditExposure.Exposure exposure = creditExposure.of(customer.id());
      drivers.add(exposure.inUse() + (exposure.ordersNotInvoiced().signum() > 0 ? " (orders not yet invoiced included)" : ""));
    }
    if (balance.overdueAmount().signum() > 0) {
      drivers.add(Money.format(balance.overdueAmount(), customer.currency()) + " overdue, oldest " + balance.maxDaysPastDue() + " days");
    } else {
      drivers.add("Nothing overdue");
    }
    drivers.add(plural(disputesLastYear, "dispute") + " in the last 12 months");
    Period tenure = Period.between(customer.customerSince(), LocalDate.now(clock));
    drivers.add("Customer for " + (tenure.getYears() > 0 ? plural(tenure.getYears(), "year") : plural(tenure.getMonths(), "month")));
    return new Risk(customer.riskRating(), drivers);
  }

  private static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
