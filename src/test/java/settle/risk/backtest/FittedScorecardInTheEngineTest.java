package settle.risk.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.EvaluateDecisionResponse;
import io.camunda.zeebe.client.api.response.EvaluatedDecision;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import settle.risk.InvoiceFact;
import settle.risk.InvoiceHistoryCsv;
import settle.risk.RiskFeatures;
import settle.risk.backtest.internal.Backtest;
import settle.risk.backtest.internal.Scorecard;

/** The scorecard the back-test writes as DMN answers in the engine exactly what the fitted scorecard computes. */
class FittedScorecardInTheEngineTest {

  static final Path SHARED_HISTORY = Path.of("..", "shared", "datasets", "ar-invoices-2012-2013h1.csv");
  static final LocalDate SPLIT = LocalDate.of(2013, 1, 1);

  private ZeebeTestEngine engine;
  private ZeebeClient client;

  @BeforeEach
  void engine() {
    engine = EngineFactory.create();
    engine.start();
    client = engine.createClient();
  }

  @AfterEach
  void stop() {
    client.close();
    engine.stop();
  }

  @Test
  void theWrittenTableRatesAndPointsCustomersAsTheJavaScorecardDoes(@TempDir Path dir) throws Exception {
    Path dmn = dir.resolve("risk-scorecard.dmn");
    int status = RiskBacktest.run(new String[] {"backtest-risk", "--history", SHARED_HISTORY.toString(),
        "--split", SPLIT.toString(), "--dmn-out", dmn.toString()}, new PrintStream(new ByteArrayOutputStream()),
        System.err);
    assertThat(status).isZero();
    String xml = Files.readString(dmn);
    assertThat(xml).contains("id=\"risk-scorecard\"", "hitPolicy=\"COLLECT\"", "<text>sum(riskPoints.points)</text>",
        "dmnElementRef=\"riskPoints\"", "dmnElementRef=\"riskRating\"");
    client.newDeployResourceCommand().addResourceBytes(xml.getBytes(StandardCharsets.UTF_8), "risk-scorecard.dmn")
        .send().join();

    List<InvoiceFact> history;
    try (var in = Files.newBufferedReader(SHARED_HISTORY)) {
      history = InvoiceHistoryCsv.read(in);
    }
    Scorecard card = Backtest.run(history, SPLIT).scorecard();
    Map<String, List<InvoiceFact>> byCustomer = history.stream()
        .collect(Collectors.groupingBy(InvoiceFact::customerId, LinkedHashMap::new, Collectors.toList()));

    // the first customer of each rating on the history's last day, and a customer with no history at all
    LocalDate day = LocalDate.of(2013, 6, 1);
    Map<String, RiskFeatures> chosen = new LinkedHashMap<>();
    byCustomer.forEach((customer, invoices) -> {
      RiskFeatures features = RiskFeatures.asOf(day, invoices);
      String rating = card.rating(card.score(features));
      if (chosen.keySet().stream().noneMatch(k -> k.startsWith(rating))) {
        chosen.put(rating + " " + customer, features);
      }
    });
    chosen.put("new customer", RiskFeatures.asOf(day, List.of()));
    assertThat(chosen.keySet()).anyMatch(k -> k.startsWith("LOW")).anyMatch(k -> k.startsWith("MEDIUM"))
        .anyMatch(k -> k.startsWith("HIGH"));

    ObjectMapper json = new ObjectMapper();
    for (Map.Entry<String, RiskFeatures> entry : chosen.entrySet()) {
      RiskFeatures features = entry.getValue();
      EvaluateDecisionResponse answer = client.newEvaluateDecisionCommand().decisionId("riskRating")
          .variables(features.variables()).send().join();
      EvaluatedDecision points = answer.getEvaluatedDecisions().stream()
          .filter(d -> d.getDecisionId().equals("riskPoints")).findFirst().orElseThrow();

      Map<String, Integer> enginePoints = new HashMap<>();
      for (JsonNode row : json.readTree(points.getDecisionOutput())) {
        enginePoints.put(row.get("feature").asText(), row.get("points").intValue());
      }
      Map<String, Integer> javaPoints = new HashMap<>();
      card.bands(features).forEach((feature, band) -> javaPoints.put(feature, band.points()));
      assertThat(enginePoints).as(entry.getKey()).isEqualTo(javaPoints);
      assertThat(json.readTree(answer.getDecisionOutput()).asText()).as(entry.getKey())
          .isEqualTo(card.rating(card.score(features)));
    }
  }

  @Test
  void eachBandIsOneRuleNamingItsFeatureAndItsBandInWords(@TempDir Path dir) throws Exception {
    Path dmn = dir.resolve("card.dmn");
    RiskBacktest.run(new String[] {"--history", SHARED_HISTORY.toString(), "--split", SPLIT.toString(),
        "--dmn-out", dmn.toString()}, new PrintStream(new ByteArrayOutputStream()), System.err);
    List<InvoiceFact> history;
    try (var in = Files.newBufferedReader(SHARED_HISTORY)) {
      history = InvoiceHistoryCsv.read(in);
    }
    Scorecard card = Backtest.run(history, SPLIT).scorecard();
    String xml = Files.readString(dmn);

    List<String> expected = new ArrayList<>();
    card.characteristics().forEach(c -> c.bands().forEach(b -> expected.add("\"" + c.feature() + "\"")));
    assertThat(xml.split("<rule id=\"").length - 1).isEqualTo(expected.size() + 3); // + the three ratings
    assertThat(xml).contains("<text>\"" + card.characteristics().getFirst().feature() + "\"</text>");
    card.characteristics().forEach(c -> c.bands().forEach(b -> assertThat(xml).contains("<text>\"" + b.words() + "\"</text>")));
  }
}
