package settle.risk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import io.camunda.client.api.response.EvaluatedDecision;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import settle.engine.EngineCommands;
import settle.history.DecisionEvaluation;
import settle.history.DecisionLineage;

/**
 * {@code dmn/risk-scorecard.dmn} on the engine: {@code riskPoints} gives points per band of each feature (every matching
 * band counts), {@code riskRating} turns their sum into LOW, MEDIUM or HIGH. The drivers are the bands that gave the
 * most points; the table, not this class, says what counts.
 */
@Component
public class RiskScorecard {

  public static final String RATING = "riskRating";
  public static final String POINTS = "riskPoints";
  /** How many bands explain a rating wherever it shows. */
  public static final int DRIVERS = 3;

  private final EngineCommands engine;
  private final DecisionLineage lineage;
  private final ObjectMapper json;

  RiskScorecard(EngineCommands engine, DecisionLineage lineage, ObjectMapper json) {
    this.engine = engine;
    this.lineage = lineage;
    this.json = json;
  }

  /** One band of one feature and the points the scorecard gives it, e.g. lateShare, "paid late 25–50% of the time", 12. */
  public record Band(String feature, String band, BigDecimal points) {}

  /**
   * {@code scorecardKey} is the deployed version's key, so a stored score says which table scored it; {@code decision}
   * is the rating decision's evaluation for the audit.
   */
  public record Scored(BigDecimal score, String rating, List<Band> bands, List<Band> drivers, long scorecardKey,
                       int scorecardVersion, DecisionEvaluation decision) {}

  public Scored score(RiskFeatures features) {
    EvaluateDecisionResponse response = engine.evaluateDecision(RATING, features.variables());
    EvaluatedDecision points = response.getEvaluatedDecisions().stream().filter(d -> d.getDecisionId().equals(POINTS))
        .findFirst().orElseThrow(() -> new IllegalStateException("the risk scorecard did not evaluate " + POINTS));
    List<Band> bands = new ArrayList<>();
    for (JsonNode row : read(points.getDecisionOutput())) {
      bands.add(new Band(row.path("feature").asText(), row.path("band").asText(), row.path("points").decimalValue()));
    }
    JsonNode answer = read(response.getDecisionOutput());
    String rating = answer.isObject() ? answer.path("rating").asText(null) : answer.asText(null);
    if (rating == null || !List.of("LOW", "MEDIUM", "HIGH").contains(rating)) {
      throw new IllegalStateException("the risk scorecard rated " + answer + " for " + features.variables()
          + "; its rating rows must cover every total with LOW, MEDIUM or HIGH");
    }
    BigDecimal score = bands.stream().map(Band::points).reduce(BigDecimal.ZERO, BigDecimal::add);
    // the most points first; a tie keeps the table's order, so the same facts always give the same drivers
    List<Band> drivers = bands.stream().sorted(Comparator.comparing(Band::points).reversed()).limit(DRIVERS).toList();
    return new Scored(score, rating, List.copyOf(bands), drivers, response.getDecisionKey(), response.getDecisionVersion(),
        lineage.of(response));
  }

  /** A band as people read it beside the rating: "Paid late 25–50% of the time". */
  public static String inWords(Band band) {
    String text = band.band();
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /** The drivers as the audit trail records them: "Paid late 25–50% of the time (12 points)". */
  public static List<String> inWords(List<Band> bands) {
    return bands.stream().map(b -> inWords(b) + " (" + b.points().stripTrailingZeros().toPlainString() + " points)").toList();
  }

  private JsonNode read(String output) {
    try {
      return json.readTree(output == null ? "null" : output);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the engine answered an output that is not JSON: " + output, e);
    }
  }

  static Map<String, Object> asMap(Band band) {
    return Map.of("feature", band.feature(), "band", band.band(), "points", band.points());
  }
}
