package settle.risk;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import settle.audit.AuditLog;
import settle.common.InvalidRequestException;
import settle.common.Money;
import settle.credit.CreditExposure;
import settle.customers.CustomerDirectory;
import settle.customers.CustomerView;
import settle.engine.EngineCommands;
import settle.history.DecisionLineage;
import settle.orders.PaymentTerms;

/**
 * The credit check sales asks before a deal: the same credit decision an order gets (dmn/credit-decision.dmn) with the
 * deal counted in the exposure, and the rating with its drivers from the risk scorecard. Only the question and its answer
 * are written, to the audit trail.
 */
@Service
public class CreditChecks {

  /** A zero limit: any deal is far beyond it, as the order's credit check sees it. */
  private static final BigDecimal NO_LIMIT_RATIO = BigDecimal.valueOf(999);

  private final CustomerDirectory customers;
  private final CreditExposure exposure;
  private final RiskRatings ratings;
  private final RiskScorecard scorecard;
  private final EngineCommands engine;
  private final DecisionLineage lineage;
  private final AuditLog audit;
  private final ObjectMapper json;
  private final Clock clock;

  CreditChecks(CustomerDirectory customers, CreditExposure exposure, RiskRatings ratings, RiskScorecard scorecard,
               EngineCommands engine, DecisionLineage lineage, AuditLog audit, ObjectMapper json, Clock clock) {
    this.customers = customers;
    this.exposure = exposure;
    this.ratings = ratings;
    this.scorecard = scorecard;
    this.engine = engine;
    this.lineage = lineage;
    this.audit = audit;
    this.json = json;
    this.clock = clock;
  }

  /**
   * Not one transaction: the scorecard and the credit decision are the engine's to answer, and the one write, the
   * audit entry, is a transaction of its own once the answer is in.
   */
  public CreditCheck.Answer check(CreditCheck.Request request, String actor) {
    if ((request.customerId() == null) == (request.prospect() == null)) {
      throw new InvalidRequestException("customerId", "Give either customerId (an existing customer) or prospect (a new one), not "
          + (request.customerId() == null ? "neither" : "both"));
    }
    PaymentTerms.parse(request.paymentTerms()).orElseThrow(() -> new InvalidRequestException("paymentTerms",
        "'" + request.paymentTerms() + "' is not a payment term such as NET30 or 2/10 NET30"));
    BigDecimal amount = Money.of(request.amount());
    String name;
    String subject;
    BigDecimal limit;
    BigDecimal owed;
    int maxDaysPastDue;
    String rating;
    String source;
    RiskScorecard.Scored scored;
    if (request.customerId() != null) {
      CustomerView customer = customers.find(request.customerId()).orElseThrow(() -> new InvalidRequestException("customerId",
          "Customer " + request.customerId() + " does not exist"));
      if (!customer.currency().equals(request.currency())) {
        throw new InvalidRequestException("currency", customer.name() + " is invoiced in " + customer.currency() + ", not "
            + request.currency());
      }
      CreditExposure.Exposure e = exposure.of(customer.id());
      name = customer.name();
      subject = "customer:" + customer.id();
      limit = e.creditLimit();
      owed = e.exposure();
      maxDaysPastDue = e.maxDaysPastDue();
      // the rating every decision reads (an override, or the opening one before any payment) and the scorecard's today
      RiskRatings.RiskView view = ratings.current(customer.id());
      rating = customer.riskRating();
      source = view.source().name();
      scored = scorecard.score(ratings.features(customer));
    } else {
      CreditCheck.Prospect prospect = request.prospect();
      name = prospect.name().strip();
      subject = "prospect:" + name;
      limit = Money.of(prospect.creditLimit());
      owed = Money.of(BigDecimal.ZERO);
      maxDaysPastDue = 0;
      LocalDate today = LocalDate.now(clock);
      // a prospect has no history: the scorecard rates what it knows, the deal against the limit it would have
      scored = scorecard.score(RiskFeatures.asOf(today.plusDays(1), List.of(), 0, ratio(amount, limit).doubleValue(), today));
      rating = scored.rating();
      source = RiskRatings.Source.COMPUTED.name();
    }
    BigDecimal after = owed.add(amount);
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("riskRating", rating);
    inputs.put("exposureRatio", ratio(after, limit));
    inputs.put("maxDaysPastDue", maxDaysPastDue);
    inputs.put("orderAmount", amount);
    var response = engine.evaluateDecision("credit-decision", inputs);
    Map<?, ?> output = read(response.getDecisionOutput());
    String decision = String.valueOf(output.get("decision"));
    String reason = String.valueOf(output.get("reason"));
    List<CreditCheck.Driver> drivers = scored.drivers().stream()
        .map(b -> new CreditCheck.Driver(b.feature(), RiskScorecard.inWords(b), b.points())).toList();
    CreditCheck.Answer answer = new CreditCheck.Answer(name, decision, reason, limit, Money.of(limit.subtract(owed)),
        request.currency(), Money.of(after), rating, source, scored.rating(), scored.score(), drivers);

    Map<String, Object> details = new LinkedHashMap<>();
    details.put("customer", name);
    details.put("amount", amount);
    details.put("currency", request.currency());
    details.put("paymentTerms", request.paymentTerms());
    if (request.prospect() != null) {
      details.put("country", request.prospect().country());
      details.put("expectedMonthlyVolume", request.prospect().expectedMonthlyVolume());
      details.put("creditLimit", limit);
    }
    details.put("answer", decision);
    details.put("reason", reason);
    details.put("limitHeadroom", answer.limitHeadroom());
    details.put("rating", rating);
    details.put("drivers", RiskScorecard.inWords(scored.drivers()));
    details.put("decision", lineage.of(response).asDetails());
    audit.record(actor, "credit-check.answered", subject, details);
    return answer;
  }

  private static BigDecimal ratio(BigDecimal owed, BigDecimal limit) {
    return limit.signum() == 0 ? NO_LIMIT_RATIO : owed.divide(limit, 4, RoundingMode.HALF_EVEN);
  }

  private Map<?, ?> read(String output) {
    try {
      return json.readValue(output, Map.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("the credit decision answered " + output, e);
    }
  }
}
