package settle.workspace.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import settle.collections.CollectionActions;
import settle.collections.CollectionActions.PromiseView;
import settle.credit.CreditExposure;
import settle.customers.CustomerDirectory;
import settle.customers.CustomerView;
import settle.disputes.DisputeView;
import settle.disputes.Disputes;
import settle.invoicing.InvoiceStatus;
import settle.invoicing.InvoiceView;
import settle.invoicing.Invoices;
import settle.orders.OrderStatus;
import settle.orders.OrderView;
import settle.orders.Orders;
import settle.payments.CustomerCredit;
import settle.risk.RiskRatings;
import settle.risk.RiskScorecard;

/** Everything a colleague needs beside a task: the customer's open items, promises, disputes, mails, terms and risk. */
@Component
class CustomerContext {

  /**
   * {@code level}: the rating every table reads; {@code computed}: the scorecard's rating, points and day in words;
   * {@code drivers}: its top bands; {@code source}: why the rating is not the computed one (an override, no history), or null.
   */
  record Risk(String level, String computed, List<String> drivers, String source, String limitInUse) {}

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
  private final RiskRatings ratings;
  private final Words words;

  CustomerContext(CustomerDirectory customers, Invoices invoices, Orders orders, Disputes disputes,
                  CollectionActions collections, CustomerCredit credit, CreditExposure creditExposure, RiskRatings ratings,
                  Words words) {
    this.ratings = ratings;
    this.words = words;
    this.creditExposure = creditExposure;
    this.credit = credit;
    this.customers = customers;
    this.invoices = invoices;
    this.orders = orders;
    this.disputes = disputes;
    this.collections = collections;
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
    // orders credit has not let through yet (in review, on hold) or that wait to be shipped and invoiced
    List<OrderView> pending = orders.ofCustomer(customerId).stream()
        .filter(o -> o.status().compareTo(OrderStatus.INVOICED) < 0 && o.status() != OrderStatus.REJECTED).toList();
    return new View(customer, pending, open, promises, customerDisputes, credit.balances(customerId),
        risk(customer));
  }

  /**
   * The rating every table reads, where it came from, the scorecard's latest score with its top drivers and date, the
   * override in force, and the share of the credit limit in use.
   */
  private Risk risk(CustomerView customer) {
    RiskRatings.RiskView view = ratings.current(customer.id());
    RiskRatings.Score score = view.computed();
    List<String> drivers = score == null ? List.of() : score.drivers().stream().map(RiskScorecard::inWords).toList();
    String computed = score == null ? "Not scored yet: the scorecard runs on the next payment, dispute, order or daily run."
        : "Risk scorecard: " + words.status(score.rating()).toLowerCase(java.util.Locale.ROOT) + ", "
            + score.score().stripTrailingZeros().toPlainString() + " points on " + settle.common.Dates.day(score.scoredOn()) + ".";
    String source = switch (view.source()) {
      case COMPUTED -> null;
      case OVERRIDE -> "Overridden by " + view.override().setByName() + " until " + settle.common.Dates.day(view.override().validUntil())
          + ": “" + view.override().reason() + "”";
      case OPENING -> "No invoice paid yet: the rating the account was opened with stands until one is.";
    };
    String inUse = null;
    if (customer.creditLimit().signum() > 0) {
      CreditExposure.Exposure exposure = creditExposure.of(customer.id());
      inUse = exposure.inUse() + (exposure.ordersNotInvoiced().signum() > 0 ? " (orders not yet invoiced included)" : "");
    }
    return new Risk(customer.riskRating(), computed, drivers, source, inUse);
  }
}
