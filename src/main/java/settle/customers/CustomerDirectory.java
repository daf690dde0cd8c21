package settle.customers;

import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import settle.audit.AuditLog;
import settle.common.InvalidRequestException;
import settle.common.Money;
import settle.common.NotFoundException;
import settle.customers.internal.Customer;
import settle.customers.internal.CustomerRepository;
import settle.engine.EngineOutbox;

@Service
public class CustomerDirectory {

  /** Tells every collection loop waiting for this customer's AP contact to be fixed that it was; keyed by customer id. */
  public static final String AP_CONTACT_UPDATED = "ap-contact-updated";

  private final CustomerRepository customers;
  private final AuditLog audit;
  private final EngineOutbox outbox;
  private final java.time.Clock clock;

  CustomerDirectory(CustomerRepository customers, AuditLog audit, EngineOutbox outbox, java.time.Clock clock) {
    this.customers = customers;
    this.audit = audit;
    this.outbox = outbox;
    this.clock = clock;
  }

  @Transactional
  public CustomerView open(NewCustomer request, String actor) {
    try {
      Currency.getInstance(request.currency());
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("currency", request.currency() + " is not an ISO 4217 currency");
    }
    java.time.LocalDate today = java.time.LocalDate.now(clock);
    if (request.customerSince() != null && request.customerSince().isAfter(today)) {
      throw new InvalidRequestException("customerSince", "customerSince cannot be in the future");
    }
    String timeZone = request.timeZone() == null || request.timeZone().isBlank() ? "Europe/Berlin" : request.timeZone().strip();
    try {
      java.time.ZoneId.of(timeZone);
    } catch (java.time.DateTimeException e) {
      throw new InvalidRequestException("timeZone", timeZone + " is not a time zone such as Europe/Berlin");
    }
    Customer c = customers.save(new Customer(request.name().strip(), request.apEmail().strip(),
        request.accountOwnerName().strip(), request.accountOwnerEmail().strip(), Money.of(request.creditLimit()),
        request.currency(), request.riskRating() == null ? "MEDIUM" : request.riskRating(),
        request.customerSince() == null ? today : request.customerSince(), blankToNull(request.apContactName()),
        blankToNull(request.apContactPhone()), blankToNull(request.street()), blankToNull(request.postcode()),
        blankToNull(request.city()), request.country() == null ? "DE" : request.country(), blankToNull(request.vatId()),
        timeZone, blankToNull(request.apLanguage()), clock.instant()));
    CustomerView view = c.view();
    audit.record(actor, "customer.opened", "customer:" + c.getId(), Map.of("customer", view));
    return view;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /**
   * Corrects the AP contact. Collection loops paused because the old one was wrong resume; the message
   * lives for no time, so a loop that starts waiting later is not resumed by an earlier fix.
   */
  @Transactional
  public CustomerView changeApContact(long id, ApContactChange change, String actor) {
    Customer customer = customers.findById(id).orElseThrow(() -> new NotFoundException("Customer", id));
    String before = customer.view().apEmail();
    String after = change.apEmail().strip();
    customer.changeApEmail(after);
    audit.record(actor, "customer.ap-contact-changed", "customer:" + id, Map.of("from", before, "to", after));
    outbox.publishMessage(AP_CONTACT_UPDATED, String.valueOf(id), Map.of("apEmail", after), java.time.Duration.ZERO);
    return customer.view();
  }

  /** Sets the credit limit, audited on the customer with the reason and what it was before. */
  @Transactional
  public CustomerView changeCreditLimit(long id, java.math.BigDecimal limit, String reason, String actor) {
    Customer customer = customers.findById(id).orElseThrow(() -> new NotFoundException("Customer", id));
    java.math.BigDecimal before = customer.view().creditLimit();
    customer.changeCreditLimit(Money.of(limit));
    audit.record(actor, "customer.credit-limit-changed", "customer:" + id, Map.of("from", before, "to", Money.of(limit),
        "currency", customer.view().currency(), "reason", reason));
    return customer.view();
  }

  /**
   * Sets the risk rating every decision reads: risk's computed rating, or a person's override while it lasts. The caller
   * audits the change with its reasons; true when the rating changed.
   */
  @Transactional
  public boolean rate(long id, String rating) {
    return customers.rate(id, rating) > 0;
  }

  @Transactional(readOnly = true)
  public Optional<CustomerView> find(long id) {
    return customers.findById(id).map(Customer::view);
  }

  public CustomerView get(long id) {
    return find(id).orElseThrow(() -> new NotFoundException("Customer", id));
  }

  @Transactional(readOnly = true)
  public List<CustomerView> ownedBy(String accountOwnerEmail) {
    return customers.findByAccountOwnerEmailIgnoreCase(accountOwnerEmail).stream().map(Customer::view).toList();
  }

  /** These customers by id, in one query (a page naming many tasks' customers at once). */
  @Transactional(readOnly = true)
  public Map<Long, CustomerView> get(java.util.Collection<Long> ids) {
    return ids.isEmpty() ? Map.of() : customers.findAllById(ids).stream().map(Customer::view)
        .collect(java.util.stream.Collectors.toMap(CustomerView::id, v -> v));
  }

  @Transactional(readOnly = true)
  public List<CustomerView> all() {
    return customers.findAll(org.springframework.data.domain.Sort.by("name")).stream().map(Customer::view).toList();
  }
}
