package settle.workspace.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import settle.collections.CollectionActions;
import settle.customers.CustomerDirectory;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceView;
import settle.invoicing.Invoices;
import settle.staff.StaffMember;

/**
 * Who is being chased (seed 002): the customer-facing steps of the next seven days, the same data
 * the heads-up mail carries. Salespeople see their own customers; managers see everyone's.
 */
@Component
class Chasing {

  record Upcoming(long stepId, LocalDate date, String action, String sender, long customerId, String customer,
                  String accountOwner, long invoiceId, String invoiceNumber, String openAmount, LocalDate heldUntil) {}

  private final CustomerDirectory customers;
  private final Invoices invoices;
  private final CollectionActions collections;
  private final Clock clock;

  Chasing(CustomerDirectory customers, Invoices invoices, CollectionActions collections, Clock clock) {
    this.customers = customers;
    this.invoices = invoices;
    this.collections = collections;
    this.clock = clock;
  }

  List<Upcoming> nextWeekFor(StaffMember user) {
    List<CustomerView> visible = user.worksEveryCustomer() ? customers.all() : customers.ownedBy(user.email());
    Map<Long, CustomerView> byId = visible.stream().collect(Collectors.toMap(CustomerView::id, Function.identity()));
    LocalDate today = LocalDate.now(clock);
    return collections.upcoming(byId.keySet(), today, today.plusDays(7)).stream().map(step -> {
      CustomerView c = byId.get(step.customerId());
      InvoiceView invoice = invoices.get(step.invoiceId());
      return new Upcoming(step.stepId(), step.date(), step.action(), step.sender(), c.id(), c.name(), c.accountOwnerName(),
          invoice.id(), invoice.number(), invoice.openAmount() + " " + invoice.currency(), step.heldUntil());
    }).toList();
  }
}
