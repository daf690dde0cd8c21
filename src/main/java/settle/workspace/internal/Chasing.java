package settle.workspace.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import settle.collections.CollectionActions;
import settle.common.Money;
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

  /**
   * One step on the page. {@code sendsAt} is the moment it goes out (ISO 8601 in the API), {@code timeZone} the AP
   * contact's zone, {@code sendsAtLocal} that moment in words where the customer is; {@code action} is the cadence
   * table's code, {@code what} the step in words.
   */
  record Upcoming(long stepId, LocalDate date, Instant sendsAt, String timeZone, String sendsAtLocal, String action, String what,
                  String sender, long customerId, String customer, String accountOwner, long invoiceId, String invoiceNumber, String openAmount,
                  LocalDate heldUntil) {}

  private static final DateTimeFormatter IN_WORDS = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);

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
      return new Upcoming(step.stepId(), step.date(), step.sendAt(), c.zone().getId(), inWords(step.sendAt(), c.zone()),
          step.action(), step.label(), step.sender(), c.id(), c.name(), c.accountOwnerName(), invoice.id(), invoice.number(),
          Money.format(invoice.openAmount(), invoice.currency()), step.heldUntil());
    }).toList();
  }

  /** "Monday 28 December 2026, 09:00 Berlin time": the city of the zone reads better than its id. */
  static String inWords(Instant at, ZoneId zone) {
    String id = zone.getId();
    String place = id.contains("/") ? id.substring(id.lastIndexOf('/') + 1).replace('_', ' ') : id;
    return IN_WORDS.format(at.atZone(zone)) + " " + place + " time";
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
    // seven days, today the first: the shortest hold the page offers (7 days) then covers every step it lists
    return collections.upcoming(customersById.keySet(), today, today.plusDays(6));
  }
}
