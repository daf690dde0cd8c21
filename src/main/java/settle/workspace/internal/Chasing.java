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
    Map<Long, CustomerView> byId = visibleTo(user);
    List<CollectionActions.UpcomingStep> steps = upcoming(byId);
    Map<Long, InvoiceView> invoicesById = invoices.get(steps.stream().map(CollectionActions.UpcomingStep::invoiceId).toList());
    return steps.stream().map(step -> {
      CustomerView c = byId.get(step.customerId());
      InvoiceView invoice = invoicesById.get(step.invoiceId());
      return new Upcoming(step.stepId(), step.date(), step.action(), step.sender(), c.id(), c.name(), c.accountOwnerName(),
          invoice.id(), invoice.number(), invoice.openAmount() + " " + invoice.currency(), step.heldUntil());
    }).toList();
  }

  /** Whether the invoice is on this person's page: the same rule decides who may hold it from there. */
  boolean isChasedForNextWeek(StaffMember user, long invoiceId) {
    return upcoming(visibleTo(user)).stream().anyMatch(step -> step.invoiceId() == invoiceId);
  }

  private Map<Long, CustomerView> visibleTo(StaffMember user) {
    List<CustomerView> visible = user.worksEveryCustomer() ? customers.all() : customers.ownedBy(user.email());
    return visible.stream().collect(Collectors.toMap(CustomerView::id, Function.identity()));
  }

  private List<CollectionActions.UpcomingStep> upcoming(Map<Long, CustomerView> customersById) {
    LocalDate today = LocalDate.now(clock);
    return collections.upcoming(customersById.keySet(), today, today.plusDays(7));
  }
}
