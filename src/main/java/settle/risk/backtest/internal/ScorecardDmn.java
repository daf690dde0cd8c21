package settle.risk.backtest.internal;

import java.math.BigDecimal;
import java.util.List;

/**
 * Writes a fitted scorecard as the DMN 1.3 file {@code dmn/risk-scorecard.dmn} is: decision {@code riskPoints}
 * (COLLECT, one rule per band of each feature, answering the feature, the band in words and its points) required by
 * {@code riskRating} (FIRST, on {@code sum(riskPoints.points)}, answering LOW, MEDIUM or HIGH), with diagram shapes so
 * it opens in the Modeler.
 */
public final class ScorecardDmn {

  private ScorecardDmn() {
  }

  /** {@code fittedOn} says in words what the cards were fitted on, for the reviewer. */
  public static String write(Scorecard card, String fittedOn) {
    List<String> features = card.features();
    StringBuilder xml = new StringBuilder();
    xml.append("""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" \
        xmlns:dmndi="https://www.omg.org/spec/DMN/20191111/DMNDI/" xmlns:dc="http://www.omg.org/spec/DMN/20180521/DC/" \
        xmlns:di="http://www.omg.org/spec/DMN/20180521/DI/" xmlns:modeler="http://camunda.org/schema/modeler/1.0" \
        id="risk-scorecard" name="Risk scorecard" namespace="http://settle.dev/dmn" \
        modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.8.0">
          <decision id="riskPoints" name="Risk points">
        """);
    xml.append("    <description>").append(escape("Points for the band of each feature a customer falls in; the"
        + " higher the sum, the likelier a late payment. Every row that matches counts. " + fittedOn))
        .append("</description>\n");
    xml.append("    <decisionTable id=\"riskPoints-table\" hitPolicy=\"COLLECT\">\n");
    for (String feature : features) {
      xml.append("      <input id=\"").append(feature).append("\" label=\"").append(escape(FeatureWords.label(feature)).replace("\"", "&quot;"))
          .append("\">\n        <inputExpression id=\"").append(feature)
          .append("-expression\" typeRef=\"number\"><text>").append(feature).append("</text></inputExpression>\n")
          .append("      </input>\n");
    }
    xml.append("""
              <output id="feature" label="Feature" name="feature" typeRef="string" />
              <output id="band" label="Band" name="band" typeRef="string" />
              <output id="points" label="Points" name="points" typeRef="number" />
        """);
    for (Scorecard.Characteristic c : card.characteristics()) {
      for (int b = 0; b < c.bands().size(); b++) {
        Scorecard.Band band = c.bands().get(b);
        String rule = c.feature() + "-" + (b + 1);
        xml.append("      <rule id=\"").append(rule).append("\">\n");
        for (int f = 0; f < features.size(); f++) {
          String test = features.get(f).equals(c.feature()) ? test(band) : "-";
          xml.append("        <inputEntry id=\"").append(rule).append("-in-").append(f + 1).append("\"><text>")
              .append(escape(test)).append("</text></inputEntry>\n");
        }
        output(xml, rule, 1, "\"" + c.feature() + "\"");
        output(xml, rule, 2, "\"" + band.words() + "\"");
        output(xml, rule, 3, Integer.toString(band.points()));
        xml.append("      </rule>\n");
      }
    }
    xml.append("""
            </decisionTable>
          </decision>
          <decision id="riskRating" name="Risk rating">
        """);
    xml.append("    <description>").append(escape("The rating from the summed points: HIGH from " + card.highFrom()
        + " points, where two in three such invoices were paid late; MEDIUM from " + card.mediumFrom()
        + " points, one in three. The first matching row wins.")).append("</description>\n");
    xml.append("""
            <informationRequirement id="riskRating-requires-riskPoints">
              <requiredDecision href="#riskPoints" />
            </informationRequirement>
            <decisionTable id="riskRating-table" hitPolicy="FIRST">
              <input id="score" label="Score">
                <inputExpression id="score-expression" typeRef="number"><text>sum(riskPoints.points)</text></inputExpression>
              </input>
              <output id="rating" label="Rating" name="rating" typeRef="string">
                <outputValues id="rating-values"><text>"LOW","MEDIUM","HIGH"</text></outputValues>
              </output>
        """);
    rating(xml, "high", "&gt;= " + card.highFrom(), "HIGH");
    rating(xml, "medium", "&gt;= " + card.mediumFrom(), "MEDIUM");
    rating(xml, "low", "-", "LOW");
    xml.append("""
            </decisionTable>
          </decision>
          <dmndi:DMNDI>
            <dmndi:DMNDiagram id="risk-scorecard-diagram">
              <dmndi:DMNShape id="riskRating-shape" dmnElementRef="riskRating">
                <dc:Bounds height="80" width="180" x="160" y="100" />
              </dmndi:DMNShape>
              <dmndi:DMNEdge id="riskRating-requires-riskPoints-edge" dmnElementRef="riskRating-requires-riskPoints">
                <di:waypoint x="250" y="260" />
                <di:waypoint x="250" y="180" />
              </dmndi:DMNEdge>
              <dmndi:DMNShape id="riskPoints-shape" dmnElementRef="riskPoints">
                <dc:Bounds height="80" width="180" x="160" y="260" />
              </dmndi:DMNShape>
            </dmndi:DMNDiagram>
          </dmndi:DMNDI>
        </definitions>
        """);
    return xml.toString();
  }

  /** A band as a unary test: {@code < 0.2}, {@code [0.2..0.5[} or {@code >= 0.5}. */
  static String test(Scorecard.Band band) {
    if (band.from() == null && band.below() == null) {
      return "-";
    }
    if (band.from() == null) {
      return "< " + number(band.below());
    }
    if (band.below() == null) {
      return ">= " + number(band.from());
    }
    return "[" + number(band.from()) + ".." + number(band.below()) + "[";
  }

  private static void output(StringBuilder xml, String rule, int n, String value) {
    xml.append("        <outputEntry id=\"").append(rule).append("-out-").append(n).append("\"><text>")
        .append(escape(value)).append("</text></outputEntry>\n");
  }

  private static void rating(StringBuilder xml, String rule, String test, String rating) {
    xml.append("      <rule id=\"rating-").append(rule).append("\">\n")
        .append("        <inputEntry id=\"rating-").append(rule).append("-in-1\"><text>").append(test)
        .append("</text></inputEntry>\n")
        .append("        <outputEntry id=\"rating-").append(rule).append("-out-1\"><text>\"").append(rating)
        .append("\"</text></outputEntry>\n      </rule>\n");
  }

  private static String number(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
