package settle.collections;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import settle.audit.AuditLog;
import settle.collections.internal.CollectionChecks;
import settle.collections.internal.CollectionSteps;
import settle.engine.EngineCommands;
import settle.history.DecisionLineage;

/**
 * Starts the collection loop of an invoice that was already open when Settle took it over (the demo company's open
 * book, an import of a running ledger) where a turn comes to rest: waiting for the heads-up, for the step's day, or for
 * a later re-check. It reads the invoice, asks the same two tables and plans through the same planner as a turn in the
 * engine does, each decision audited as the turn would audit it, and then starts the instance at that wait. A turn
 * from the start costs some forty engine records and seven round trips to workers; this costs four requests.
 */
@Component
public class CollectionLoops {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
  private static final String SEGMENTATION = "customer-segmentation";

  private final CollectionChecks checks;
  private final CollectionSteps steps;
  private final EngineCommands engine;
  private final DecisionLineage lineage;
  private final AuditLog audit;
  private final ObjectMapper json;

  CollectionLoops(CollectionChecks checks, CollectionSteps steps, EngineCommands engine, DecisionLineage lineage, AuditLog audit,
                  ObjectMapper json) {
    this.checks = checks;
    this.steps = steps;
    this.engine = engine;
    this.lineage = lineage;
    this.audit = audit;
    this.json = json;
  }

  /**
   * Starts the loop of an open invoice whose steps before {@code stage} were taken. A step whose day had passed is
   * skipped, as a turn would; a loop with nothing to wait for (the invoice settled meanwhile) starts from the beginning
   * and ends there. Not retried: a second start would run a second loop.
   */
  public long startAtRest(long invoiceId, Long orderId, int stage) {
    return startAtRest(invoiceId, orderId, stage, new Answers());
  }

  /**
   * The tables' answers within one batch of starts made at one moment: a question asked again with the same inputs (the
   * same customer's segmentation for each of its open invoices) gets the evaluation already made, which each loop audits
   * as its own. The tables are deterministic, so this only spares the engine repeated work.
   */
  public static final class Answers {
    private final Map<String, java.util.concurrent.CompletableFuture<Evaluated>> asked = new java.util.concurrent.ConcurrentHashMap<>();

    Evaluated ask(String decisionId, Map<String, Object> inputs, java.util.function.Supplier<Evaluated> evaluate) {
      var mine = new java.util.concurrent.CompletableFuture<Evaluated>();
      var earlier = asked.putIfAbsent(decisionId + inputs, mine);
      if (earlier != null) {
        return earlier.join();
      }
      try {
        mine.complete(evaluate.get());
      } catch (RuntimeException e) {
        // a failed question fails the loops already waiting for it; a loop that asks later asks the engine again
        asked.remove(decisionId + inputs, mine);
        mine.completeExceptionally(e);
        throw e;
      }
      return mine.join();
    }
  }

  /** As {@link #startAtRest(long, Long, int)}, sharing the tables' answers with the other starts of the batch. */
  public long startAtRest(long invoiceId, Long orderId, int stage, Answers answers) {
    CollectionChecks.Assessment facts = checks.assess(invoiceId);
    Map<String, Object> variables = new HashMap<>(json.convertValue(facts, MAP));
    variables.put("invoiceId", invoiceId);
    variables.put("orderId", orderId);
    String startAt = null;
    if (!"PAID".equals(facts.invoiceStatus())) {
      String subject = "invoice:" + invoiceId;
      Map<String, Object> segmentation = decide(SEGMENTATION, Map.of("riskRating", facts.riskRating(),
          "customerOpenBalance", facts.customerOpenBalance(), "tenureDays", facts.tenureDays(),
          "disputesLast12Months", facts.disputesLast12Months()), subject, answers).output();
      variables.put("segmentation", segmentation);
      CollectionSteps.Plan plan;
      do {
        Decided next = decide(InvoiceCollection.NEXT_COLLECTION_ACTION,
            Map.of("segmentation", segmentation, "stage", stage, "openAmount", facts.openAmount()), subject, answers);
        Map<String, Object> n = next.output();
        plan = steps.plan(invoiceId, stage, String.valueOf(segmentation.get("segment")), String.valueOf(segmentation.get("tone")),
            new CollectionSteps.NextAction(String.valueOf(n.get("action")), ((Number) n.get("dueOffset")).intValue(),
                (String) n.get("template"), String.valueOf(n.get("channel")), String.valueOf(n.get("sender")),
                Boolean.TRUE.equals(n.get("headsUp")), Boolean.TRUE.equals(n.get("skipIfLate"))),
            "resumed:" + invoiceId + ":" + stage, next.evaluationKey());
        variables.put("nextAction", n);
        stage = plan.stage();
      } while ("SKIPPED".equals(plan.plannedOutcome()));
      variables.put("stage", stage);
      variables.put("plannedOutcome", plan.plannedOutcome());
      variables.put("actionAt", plan.actionAt());
      variables.put("headsUpAt", plan.headsUpAt());
      startAt = switch (plan.plannedOutcome()) {
        case "HEADS_UP" -> "heads-up-due";
        case "ACT" -> "action-due";
        default -> "recheck-later";
      };
    }
    String element = startAt;
    return engine.call(client -> {
      var command = client.newCreateInstanceCommand().bpmnProcessId(InvoiceCollection.PROCESS_ID).latestVersion().variables(variables);
      if (element != null) {
        command = command.startBeforeElement(element);
      }
      return command.requestTimeout(Duration.ofMinutes(1)).send().join().getProcessInstanceKey();
    });
  }

  private record Decided(Map<String, Object> output, long evaluationKey) {}

  private record Evaluated(Map<String, Object> output, settle.history.DecisionEvaluation evaluation) {}

  /** Asks the table (or takes the batch's answer to the same question) and audits it as the turn's audit task does. */
  private Decided decide(String decisionId, Map<String, Object> inputs, String subject, Answers answers) {
    Evaluated answer = answers.ask(decisionId, inputs, () -> {
      EvaluateDecisionResponse response = engine.evaluateDecision(decisionId, inputs);
      try {
        // shared by the batch's loops on their own threads: read only
        return new Evaluated(java.util.Collections.unmodifiableMap(json.readValue(response.getDecisionOutput(), MAP)), lineage.of(response));
      } catch (Exception e) {
        throw new IllegalStateException(decisionId + " answered " + response.getDecisionOutput(), e);
      }
    });
    Map<String, Object> output = answer.output();
    var evaluation = answer.evaluation();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("decision", evaluation.asDetails());
    details.put("inputs", inputs);
    details.put("output", output);
    details.put("process", InvoiceCollection.PROCESS_ID);
    audit.record("system:" + decisionId, "decision." + decisionId, subject, details);
    return new Decided(output, evaluation.evaluationKey());
  }
}
