package settle.portal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import settle.audit.AuditLog;
import settle.common.InvalidRequestException;
import settle.common.SignedLinks;
import settle.customers.CustomerDirectory;
import settle.customers.CustomerView;

/**
 * Who a portal link speaks for. A link is good while it is intact, unexpired, names the AP contact on file and was
 * issued after the contact's last revocation. An intact link that only ran out is {@link Status#EXPIRED}, so the
 * contact can ask for a fresh one; anything else is {@link Status#INVALID} and shows nothing (a 404).
 */
@Service
public class PortalAccess {

  public enum Status { VALID, EXPIRED, INVALID }

  public record Access(Status status, PortalContact contact) {

    static final Access INVALID = new Access(Status.INVALID, null);
  }

  private final SignedLinks links;
  private final CustomerDirectory customers;
  private final JdbcTemplate jdbc;
  private final AuditLog audit;
  private final Clock clock;

  PortalAccess(SignedLinks links, CustomerDirectory customers, JdbcTemplate jdbc, AuditLog audit, Clock clock) {
    this.links = links;
    this.customers = customers;
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  public Access check(String token) {
    // a portal page asks more than once per request (its language, then its contact): the link is checked once
    var request = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
    if (request == null) {
      return checkNow(token);
    }
    String key = PortalAccess.class.getName() + ":" + token;
    if (request.getAttribute(key, org.springframework.web.context.request.RequestAttributes.SCOPE_REQUEST) instanceof Access known) {
      return known;
    }
    Access access = checkNow(token);
    request.setAttribute(key, access, org.springframework.web.context.request.RequestAttributes.SCOPE_REQUEST);
    return access;
  }

  private Access checkNow(String token) {
    Optional<SignedLinks.Signed> signed = links.open(PortalLinks.PURPOSE, token);
    if (signed.isEmpty()) {
      return Access.INVALID;
    }
    String[] fields = signed.get().payload().split(":");
    if (fields.length != 3) {
      return Access.INVALID;
    }
    long customerId;
    Instant issued;
    try {
      customerId = Long.parseLong(fields[0]);
      issued = Instant.ofEpochMilli(Long.parseLong(fields[1]));
    } catch (NumberFormatException e) {
      return Access.INVALID;
    }
    Optional<CustomerView> customer = customers.find(customerId);
    // a link for a contact no longer on file speaks for no one
    if (customer.isEmpty() || !PortalLinks.contactKey(customer.get().apEmail()).equals(fields[2])) {
      return Access.INVALID;
    }
    String email = customer.get().apEmail();
    Timestamp revoked = jdbc.queryForObject("select max(revoked_at) from portal_link_revocation where customer_id = ?"
        + " and lower(contact_email) = lower(?)", Timestamp.class, customerId, email);
    if (revoked != null && !issued.isAfter(revoked.toInstant())) {
      return Access.INVALID;
    }
    PortalContact contact = new PortalContact(customerId, email);
    return signed.get().expires().isBefore(LocalDate.now(clock)) ? new Access(Status.EXPIRED, contact) : new Access(Status.VALID, contact);
  }

  /** The contact a link speaks for, if it is good now. */
  public Optional<PortalContact> contact(String token) {
    Access access = check(token);
    return access.status() == Status.VALID ? Optional.of(access.contact()) : Optional.empty();
  }

  /**
   * Links mailed before links were per contact named one invoice (purpose "portal", 90 days). While intact, unexpired
   * and issued before any revocation of the customer's links, they lead to that invoice in the account.
   */
  public Optional<Long> legacyInvoice(String token) {
    Optional<Long> invoiceId = links.verify("portal", token, LocalDate.now(clock)).flatMap(PortalAccess::number);
    if (invoiceId.isEmpty()) {
      return Optional.empty();
    }
    Boolean revoked = jdbc.queryForObject("select exists(select 1 from invoice i join portal_link_revocation r on r.customer_id = i.customer_id"
        + " where i.id = ?)", Boolean.class, invoiceId.get());
    return Boolean.TRUE.equals(revoked) ? Optional.empty() : invoiceId;
  }

  private static Optional<Long> number(String text) {
    try {
      return Optional.of(Long.parseLong(text));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  public record Revocation(long customerId, String contactEmail, Instant revokedAt, String revokedBy, String reason) {}

  /** Every link issued so far to the customer's AP contact on file stops working; links issued later work. */
  @Transactional
  public Revocation revoke(long customerId, String reason, String actor) {
    CustomerView customer = customers.get(customerId);
    if (reason == null || reason.isBlank()) {
      throw new InvalidRequestException("reason", "Say why the links are revoked");
    }
    if (reason.strip().length() > 500) {
      throw new InvalidRequestException("reason", "The reason must be at most 500 characters");
    }
    Instant now = clock.instant();
    jdbc.update("insert into portal_link_revocation(customer_id, contact_email, revoked_at, revoked_by, reason) values (?, ?, ?, ?, ?)",
        customerId, customer.apEmail(), Timestamp.from(now), actor, reason.strip());
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("contact", customer.apEmail());
    details.put("reason", reason.strip());
    audit.record(actor, "portal.links-revoked", "customer:" + customerId, details);
    return new Revocation(customerId, customer.apEmail(), now, actor, reason.strip());
  }
}
