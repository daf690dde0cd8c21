package settle.risk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import settle.audit.AuditLog;
import settle.common.ForbiddenException;
import settle.common.InvalidRequestException;
import settle.credit.CreditExposure;
import settle.customers.CustomerDirectory;
import settle.customers.CustomerView;
import settle.staff.StaffMember;

/**
 * Each customer's risk rating: computed by the scorecard from their ledger, stored with its date and the features it read,
 * and written to the customer as the rating every table reads. A person's override wins until it expires; a customer who
 * has not yet paid an invoice keeps the rating the account was opened with (the scorecard has nothing to go on), while
 * the computed value shows beside it.
 */
@Service
public class RiskRatings {

  public static final String ACTOR = "system:risk-scorecard";
  /**
   * Few enough to leave the connection pool and the engine's requests in flight to the day's other work: a changed
   * rating holds a second connection while the credit review hears of it.
   */
  private static final int RESCORING_AT_ONCE = 3;

  private static final TypeReference<List<RiskScorecard.Band>> BANDS = new TypeReference<>() {};
  private static final TypeReference<Map<String, Object>> FEATURES = new TypeReference<>() {};

  private final LedgerFacts ledger;
  private final RiskScorecard scorecard;
  private final CustomerDirectory customers;
  private final CreditExposure exposure;
  private final JdbcTemplate jdbc;
  private final AuditLog audit;
  private final ObjectMapper json;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final org.springframework.context.ApplicationEventPublisher events;

  RiskRatings(LedgerFacts ledger, RiskScorecard scorecard, CustomerDirectory customers, CreditExposure exposure,
              JdbcTemplate jdbc, AuditLog audit, ObjectMapper json,
              PlatformTransactionManager transactions, Clock clock, org.springframework.context.ApplicationEventPublisher events) {
    this.ledger = ledger;
    this.scorecard = scorecard;
    this.customers = customers;
    this.exposure = exposure;
    this.jdbc = jdbc;
    this.audit = audit;
    this.json = json;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
    this.events = events;
  }

  /** Where the rating every table reads comes from. */
  public enum Source { COMPUTED, OVERRIDE, OPENING }

  /** A stored score: what the scorecard said on {@code scoredOn}, from which features. */
  public record Score(LocalDate scoredOn, Instant scoredAt, BigDecimal score, String rating, List<RiskScorecard.Band> drivers,
                      Map<String, Object> features, String openingRating) {

    /** Whether the customer had paid any invoice: only then does the computed rating stand on its own. */
    public boolean hasHistory() {
      return features.get("settledCount") instanceof Number n && n.intValue() > 0;
    }
  }

  public record Override(String rating, String reason, LocalDate validUntil, String setBy, String setByName, Instant setAt) {}

  /**
   * The rating every table reads now ({@code rating}), where it comes from, the latest computed score (null until the
   * customer was first scored) and the override in force (null when none).
   */
  public record RiskView(long customerId, String rating, Source source, Score computed, Override override) {}

  /** What a person sends to override a customer's rating. */
  public record RatingOverride(String rating, String reason, LocalDate validUntil) {}

  /** The features as the scorecard reads them today, from the ledger: nothing is stored. */
  public RiskFeatures features(CustomerView customer) {
    LocalDate today = LocalDate.now(clock);
    // as of the close of today: what happened today (a payment, a dispute) counts at once
    LocalDate asOf = today.plusDays(1);
    BigDecimal ratio = exposure.of(customer.id()).ratio();
    return RiskFeatures.asOf(asOf, ledger.of(customer.id()), ledger.brokenPromises(customer.id(), today.minusDays(365)),
        ratio.doubleValue(), customer.customerSince());
  }

  /**
   * Scores the customer and applies the rating that wins, outside any caller's transaction (after a payment or dispute
   * commits, settle.risk.internal.RescoreOnActivity): the scorecard is an engine call. The same features with the same
   * scorecard on the same day write no second row, so running it twice is harmless. A changed rating is audited with
   * its drivers.
   */
  public RiskView rescore(long customerId) {
    CustomerView customer = customers.get(customerId);
    RiskFeatures features = features(customer);
    // the engine is asked before anything is written: if it is away, the caller's payment or dispute still commits
    RiskScorecard.Scored scored = scorecard.score(features);
    Map<String, Object> variables = features.variables();
    String fingerprint = sha256(json(variables) + "|" + scored.scorecardKey());
    return transaction.execute(status -> {
      jdbc.queryForObject("select pg_advisory_xact_lock(hashtext(?))", Object.class, "risk-score:" + customerId);
      Optional<Score> latest = latest(customerId);
      LocalDate today = LocalDate.now(clock);
      String opening = latest.map(Score::openingRating).orElse(customer.riskRating());
      boolean same = jdbc.query("select scored_on, fingerprint from customer_risk_score where customer_id = ? order by id desc limit 1",
          rs -> rs.next() && rs.getDate(1).toLocalDate().equals(today) && rs.getString(2).equals(fingerprint), customerId);
      if (!same) {
        jdbc.update("""
            insert into customer_risk_score(customer_id, scored_on, scored_at, features, score, rating, bands, drivers,
                                            scorecard_key, fingerprint, opening_rating)
            values (?, ?, ?, ?::jsonb, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?)""", customerId, Date.valueOf(today),
            Timestamp.from(clock.instant()), json(variables), scored.score(), scored.rating(), json(scored.bands()),
            json(scored.drivers()), scored.scorecardKey(), fingerprint, opening);
      }
      return apply(customer, scored);
    });
  }

  /**
   * Every customer, each in its own transaction, a few at once (each waits mostly for the engine's answer); one that
   * fails is logged and left for the next run.
   */
  public int rescoreAll() {
    java.util.concurrent.atomic.AtomicInteger scored = new java.util.concurrent.atomic.AtomicInteger();
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(RESCORING_AT_ONCE, Thread.ofVirtual().factory())) {
      for (Long id : jdbc.queryForList("select id from customer order by id", Long.class)) {
        pool.execute(() -> {
          try {
            rescore(id);
            scored.incrementAndGet();
          } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(RiskRatings.class).warn("Could not score customer {}: {}", id, e.getMessage());
          }
        });
      }
    }
    return scored.get();
  }

  /**
   * A credit analyst's or finance manager's rating with a reason, until a day; never the account owner's for their own
   * customer (four eyes). Audited; the rating applies at once.
   */
  public RiskView override(long customerId, RatingOverride request, StaffMember by) {
    CustomerView customer = customers.get(customerId);
    if (request.rating() == null || !List.of("LOW", "MEDIUM", "HIGH").contains(request.rating())) {
      throw new InvalidRequestException("rating", "rating must be LOW, MEDIUM or HIGH");
    }
    if (request.reason() == null || request.reason().isBlank()) {
      throw new InvalidRequestException("reason", "Say why the rating is overridden: the account owner and the audit trail read it");
    }
    if (request.reason().strip().length() > 500) {
      throw new InvalidRequestException("reason", "reason must be at most 500 characters");
    }
    LocalDate today = LocalDate.now(clock);
    if (request.validUntil() == null || !request.validUntil().isAfter(today)) {
      throw new InvalidRequestException("validUntil", "validUntil must be a day after today (" + today + ")");
    }
    if (by.email().equalsIgnoreCase(customer.accountOwnerEmail())) {
      throw new ForbiddenException(customer.name() + " is " + by.displayName()
          + "'s own customer; another credit analyst or finance manager must override its rating");
    }
    return transaction.execute(status -> {
      RiskView before = view(customer);
      jdbc.update("""
          insert into customer_risk_override(customer_id, rating, reason, valid_until, set_by, set_by_name, set_at)
          values (?, ?, ?, ?, ?, ?, ?)""", customerId, request.rating(), request.reason().strip(), Date.valueOf(request.validUntil()),
          by.email(), by.displayName(), Timestamp.from(clock.instant()));
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("rating", request.rating());
      details.put("reason", request.reason().strip());
      details.put("validUntil", request.validUntil().toString());
      details.put("computedRating", before.computed() == null ? null : before.computed().rating());
      audit.record(by.username(), "customer.risk-rating-overridden", "customer:" + customerId, details);
      return rescore(customerId);
    });
  }

  public RiskView current(long customerId) {
    return view(customers.get(customerId));
  }

  private RiskView view(CustomerView customer) {
    Optional<Score> computed = latest(customer.id());
    Optional<Override> override = activeOverride(customer.id());
    Source source = override.isPresent() ? Source.OVERRIDE
        : computed.isPresent() && computed.get().hasHistory() ? Source.COMPUTED : Source.OPENING;
    return new RiskView(customer.id(), customer.riskRating(), source, computed.orElse(null), override.orElse(null));
  }

  /** Writes the rating that wins to the customer; a change is audited with what it came from and its drivers. */
  private RiskView apply(CustomerView customer, RiskScorecard.Scored scored) {
    Score computed = latest(customer.id()).orElseThrow();
    Optional<Override> override = activeOverride(customer.id());
    Source source = override.isPresent() ? Source.OVERRIDE : computed.hasHistory() ? Source.COMPUTED : Source.OPENING;
    String rating = switch (source) {
      case OVERRIDE -> override.get().rating();
      case COMPUTED -> computed.rating();
      case OPENING -> computed.openingRating();
    };
    if (customers.rate(customer.id(), rating)) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("from", customer.riskRating());
      details.put("to", rating);
      details.put("because", switch (source) {
        case OVERRIDE -> "override by " + override.get().setByName() + " until " + settle.common.Dates.day(override.get().validUntil()) + ": "
            + override.get().reason();
        case COMPUTED -> "the risk scorecard's rating";
        case OPENING -> "no invoice paid yet: the rating the account was opened with";
      });
      details.put("computedRating", computed.rating());
      details.put("score", computed.score());
      details.put("drivers", RiskScorecard.inWords(computed.drivers()));
      details.put("decision", scored.decision().asDetails());
      audit.record(ACTOR, "customer.risk-rating-changed", "customer:" + customer.id(), details);
      // the first score only replaces the rating typed in when the account was opened (or the demo's): no news for the
      // credit limit; a later change is, and the credit review hears of it
      if (jdbc.queryForObject("select count(*) > 1 from customer_risk_score where customer_id = ?", Boolean.class, customer.id())) {
        events.publishEvent(new settle.customers.RiskRatingChanged(customer.id(), customer.riskRating(), rating));
      }
    }
    return new RiskView(customer.id(), rating, source, computed, override.orElse(null));
  }

  private Optional<Score> latest(long customerId) {
    return jdbc.query("""
        select scored_on, scored_at, score, rating, drivers, features, opening_rating from customer_risk_score
        where customer_id = ? order by id desc limit 1""", (rs, n) -> score(rs), customerId).stream().findFirst();
  }

  private Optional<Override> activeOverride(long customerId) {
    return jdbc.query("""
        select rating, reason, valid_until, set_by, set_by_name, set_at from customer_risk_override
        where customer_id = ? order by id desc limit 1""", (rs, n) -> new Override(rs.getString(1), rs.getString(2),
        rs.getDate(3).toLocalDate(), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()), customerId).stream()
        // the latest override is the one in force, through its last day
        .filter(o -> !o.validUntil().isBefore(LocalDate.now(clock))).findFirst();
  }

  private Score score(ResultSet rs) throws SQLException {
    try {
      return new Score(rs.getDate(1).toLocalDate(), rs.getTimestamp(2).toInstant(), rs.getBigDecimal(3), rs.getString(4),
          json.readValue(rs.getString(5), BANDS), json.readValue(rs.getString(6), FEATURES), rs.getString(7));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String json(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
