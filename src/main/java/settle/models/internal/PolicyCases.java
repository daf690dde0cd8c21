package settle.models.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import settle.policy.DecisionCases;
import settle.policy.DecisionEvaluator;
import settle.policy.DecisionTable;

/**
 * An edited table's policy cases ({@code dmn/tests/<table>.csv}, or the edited CSV uploaded with it), run by the
 * build's own case runner on the in-process DMN engine: the edit is never deployed to be tested.
 */
@Component
class PolicyCases {

  private final TableEngine engine;

  PolicyCases(TableEngine engine) {
    this.engine = engine;
  }

  ImpactPreview.Cases run(DecisionTable table, TableEngine.Parsed parsed, byte[] editedCases) {
    String file = DecisionCases.casesFileFor(table.fileName());
    String csv;
    if (editedCases != null && editedCases.length > 0) {
      csv = new String(editedCases, StandardCharsets.UTF_8);
    } else {
      ClassPathResource inTheJar = new ClassPathResource(file);
      if (!inTheJar.exists()) {
        return new ImpactPreview.Cases(0, List.of());
      }
      try (var in = inTheJar.getInputStream()) {
        csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    List<String> outputNames = table.outputs().stream().map(DecisionTable.Output::name).toList();
    DecisionEvaluator inProcess = (t, variables) -> {
      TableEngine.Answer answer = engine.traced(parsed, t.decisionId(), outputNames, variables);
      return new DecisionEvaluator.Evaluation(answer.ruleId(),
          answer.ruleId() == null ? 0 : t.rule(answer.ruleId()).map(DecisionTable.Rule::row).orElse(0),
          answer.outputs() == null ? Map.of() : answer.outputs());
    };
    DecisionCases.Report report = DecisionCases.parse(table, file, csv).run(inProcess);
    return new ImpactPreview.Cases(report.passed(), report.failed().stream().map(DecisionCases.Failure::message).toList());
  }
}
