package settle.credit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import settle.audit.AuditLog;
import settle.common.ConflictException;
import settle.common.Money;
import settle.customers.CustomerDirectory;
import settle.customers.CustomerView;
import settle.engine.EngineOutbox;
import settle.staff.StaffDirectory;
import settle.staff.StaffMember;

/**
 * Credit reviews (bpmn/credit-review.bpmn): asking for one, the facts dmn/credit-limit-policy.dmn decides on, the
 * review as recorded, and applying the limit it settled on. Each review is keyed by its process instance, so a job
 * the engine hands over twice records and applies it once. The customer's limit history is the applied reviews.
 */
@Service
public class CreditReviews {

  public static final String PROCESS_ID = "credit-review";
  public static final String REVIEW_REQUESTED = "credit-review-requested";

  private final JdbcTemplate jdbc;
  private final CustomerDirectory customers;
  private final CreditExposure exposure;
  private final StaffDirectory staff;
  private final EngineOutbox engine;
  private final AuditLog audit;
  private final Clock clock;

  CreditReviews(JdbcTemplate jdbc, CustomerDirectory customers, CreditExposure exposure, StaffDirectory staff,
                EngineOutbox engine, AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.customers = customers;
    this.exposure = exposure;
    this.staff = staff;
    this.engine = engine;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Asks for a review of the customer. One runs per customer at a time (the message's correlation key); a request while
   * one runs is not kept (it lives for no time), since that review reads the same facts. {@code requestedBy} is the
   * person who asked, or null when Settle itself did; a person who asked may not approve the outcome.
   */
  @Transactional
  public void request(long customerId, String because, String requestedBy) {
    CustomerView customer = customers.get(customerId);
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("customerId", customer.id());
    variables.put("requestedBecause", because);
    variables.put("requestedBy", requestedBy);
    engine.publishMessage(REVIEW_REQUESTED, String.valueOf(customerId), variables, Duration.ZERO);
  }

  /** The monthly sweep: every customer's review, asked once for this sweep however often its job runs. */
  @Transactional
  public int requestEveryReview(long sweepKey) {
    List<Long> ids = jdbc.queryForList("select id from customer order by id", Long.class);
    int inserted = jdbc.update("insert into credit_review_sweep(sweep_key, swept_at, customers) values (?, ?, ?)"
        + " on conflict (sweep_key) do nothing", sweepKey, Timestamp.from(clock.instant()), ids.size());
    if (inserted == 0) {
      return 0;
    }
    ids.forEach(id -> request(id, "Monthly review", null));
    return ids.size();
  }

  /** What dmn/credit-limit-policy.dmn decides on, as of today; the names are the table's inputs. */
  public record Facts(String riskRating, String previousRating, int onTimeInRow, int lateOver30DaysLast12Months,
                      BigDecimal limitUtilisation, long tenureMonths, BigDecimal creditLimit, String currency,
                      String customerName, String accountOwnerUser) {}

  @Transactional(readOnly = true)
  public Facts facts(long customerId) {
    CustomerView customer = customers.get(customerId);
    LocalDate today = LocalDate.now(clock);
    // paid invoices, latest settled first; an invoice counts as settled on the day its last movement brought it to zero
    List<Boolean> onTime = jdbc.query("""
            select i.due_date, (select max(m.on_date) from ledger_movement m where m.invoice_id = i.id) as settled_on
            from invoice i where i.customer_id = ? and i.status = 'PAID' order by settled_on desc nulls last, i.id desc""",
        (rs, n) -> rs.getDate("settled_on") == null || !rs.getDate("settled_on").toLocalDate().isAfter(rs.getDate("due_date").toLocalDate()),
        customerId);
    int inRow = 0;
    while (inRow < onTime.size() && onTime.get(inRow)) {
      inRow++;
    }
    // seriously late within a year: paid more than 30 days after the due date, or open more than 30 days past it. A
    // payment a few days late is everyday AR (four in ten invoices in real histories); counting those cut nearly every
    // customer at each monthly review
    Integer late = jdbc.queryForObject("""
            select count(*) from invoice i
            where i.customer_id = ? and i.due_date >= ? and (
              (i.status = 'PAID' and (select max(m.on_date) from ledger_movement m where m.invoice_id = i.id) > i.due_date + 30)
              or (i.status <> 'PAID' and i.open_amount > 0 and i.due_date + 30 < ?))""",
        Integer.class, customerId, today.minusMonths(12), today);
    // the rating the limit was last judged at: the last review's, or, never reviewed, the one in force at the first
    // score (settle.risk: the scorecard's once the customer has paid an invoice, else the one typed in at opening; a
    // first score is no news); the current rating would make a first review see no change, so a worse one was never cut
    String previous = jdbc.query("""
            select coalesce(
              (select risk_rating from credit_review where customer_id = ? order by reviewed_at desc, review_key desc limit 1),
              (select case when coalesce((features->>'settledCount')::int, 0) > 0 then rating else opening_rating end
               from customer_risk_score where customer_id = ? order by id limit 1))""",
        (rs, n) -> rs.getString(1), customerId, customerId).stream().filter(java.util.Objects::nonNull).findFirst()
        .orElse(customer.riskRating());
    String owner = staff.all().stream().filter(s -> s.email().equalsIgnoreCase(customer.accountOwnerEmail()))
        .map(StaffMember::username).findFirst().orElse(customer.accountOwnerEmail().toLowerCase(java.util.Locale.ROOT));
    return new Facts(customer.riskRating(), previous, inRow, late == null ? 0 : late, exposure.of(customerId).ratio(),
        ChronoUnit.MONTHS.between(customer.customerSince(), today), customer.creditLimit(), customer.currency(),
        customer.name(), owner);
  }

  /** A review as recorded; {@code status} KEPT, PROPOSED, APPLIED, REFUSED or WITHDRAWN. */
  public record Review(long reviewKey, long customerId, Instant reviewedAt, String riskRating, String action,
                       BigDecimal currentLimit, BigDecimal proposedLimit, String currency, String reason,
                       String requestedBecause, String status, String decidedBy, Instant appliedAt) {

    /** "10,000.00 EUR → 12,000.00 EUR", for lists and tasks. */
    public String change() {
      return currentLimitText() + " → " + proposedLimitText();
    }

    /** "10,000.00 EUR": the limit before the review, for prose ("from … to …"). */
    public String currentLimitText() {
      return Money.format(currentLimit, currency);
    }

    public String proposedLimitText() {
      return Money.format(proposedLimit, currency);
    }
  }

  /**
   * Records the review the policy decided; a KEEP is closed at once. The new limit is the current one times the
   * table's factor, in whole units of the currency. Recorded once per review: a second call returns the first record.
   */
  @Transactional
  public Review record(long reviewKey, long customerId, String action, BigDecimal factor, String reason, String requestedBecause) {
    CustomerView customer = customers.get(customerId);
    BigDecimal proposed = customer.creditLimit().multiply(factor).setScale(0, RoundingMode.HALF_UP).max(BigDecimal.ZERO);
    int inserted = jdbc.update("""
            insert into credit_review(review_key, customer_id, reviewed_at, risk_rating, action, current_limit, proposed_limit,
                                      currency, reason, requested_because, status)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (review_key) do nothing""",
        reviewKey, customerId, Timestamp.from(clock.instant()), customer.riskRating(), action, customer.creditLimit(),
        proposed, customer.currency(), reason, requestedBecause == null ? "Asked for" : requestedBecause,
        "KEEP".equals(action) ? "KEPT" : "PROPOSED");
    Review review = review(reviewKey).orElseThrow();
    if (inserted == 1) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("action", action);
      details.put("currentLimit", review.currentLimit());
      details.put("proposedLimit", review.proposedLimit());
      details.put("currency", review.currency());
      details.put("reason", reason);
      details.put("riskRating", review.riskRating());
      details.put("requestedBecause", review.requestedBecause());
      audit.record("system:" + PROCESS_ID, "credit.review-decided", "customer:" + customerId, details);
    }
    return review;
  }

  /**
   * Sets the customer's limit to the review's, once: a second call (a job handed over again) finds the review applied
   * and changes nothing. {@code decidedBy} is the finance manager who approved it or upheld it, null when policy alone did.
   */
  @Transactional
  public Review apply(long reviewKey, String decidedBy) {
    Review review = review(reviewKey).orElseThrow(() -> new ConflictException("Credit review " + reviewKey + " was never recorded"));
    int applied = jdbc.update("update credit_review set status = 'APPLIED', decided_by = ?, applied_at = ?"
        + " where review_key = ? and status = 'PROPOSED'", decidedBy, Timestamp.from(clock.instant()), reviewKey);
    if (applied == 1) {
      String actor = decidedBy == null ? "system:" + PROCESS_ID : decidedBy;
      customers.changeCreditLimit(review.customerId(), review.proposedLimit(),
          ("RAISE".equals(review.action()) ? "Credit review raised the limit: " : "Credit review cut the limit: ") + review.reason(), actor);
    }
    return review(reviewKey).orElseThrow();
  }

  /** Closes a review without changing the limit (REFUSED or WITHDRAWN), once, audited with who decided and why. */
  @Transactional
  public Review close(long reviewKey, String status, String decidedBy, String notes) {
    int closed = jdbc.update("update credit_review set status = ?, decided_by = ? where review_key = ? and status = 'PROPOSED'",
        status, decidedBy, reviewKey);
    Review review = review(reviewKey).orElseThrow();
    if (closed == 1) {
      audit.record(decidedBy == null ? "system:" + PROCESS_ID : decidedBy, "credit.review-" + status.toLowerCase(java.util.Locale.ROOT),
          "customer:" + review.customerId(), Map.of("change", review.change(), "reason", review.reason(),
              "notes", notes == null ? "" : notes));
    }
    return review;
  }

  public Optional<Review> review(long reviewKey) {
    return jdbc.query("select * from credit_review where review_key = ?", this::row, reviewKey).stream().findFirst();
  }

  /** The customer's reviews that changed the limit, newest first: their limit history. */
  public List<Review> limitHistory(long customerId) {
    return jdbc.query("select * from credit_review where customer_id = ? and status = 'APPLIED' order by applied_at desc,"
        + " review_key desc limit 20", this::row, customerId);
  }

  private Review row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    Timestamp applied = rs.getTimestamp("applied_at");
    return new Review(rs.getLong("review_key"), rs.getLong("customer_id"), rs.getTimestamp("reviewed_at").toInstant(),
        rs.getString("risk_rating"), rs.getString("action"), Money.of(rs.getBigDecimal("current_limit")),
        Money.of(rs.getBigDecimal("proposed_limit")), rs.getString("currency"), rs.getString("reason"),
        rs.getString("requested_because"), rs.getString("status"), rs.getString("decided_by"),
        applied == null ? null : applied.toInstant());
  }
}
