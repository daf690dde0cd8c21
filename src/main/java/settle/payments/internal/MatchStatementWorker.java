package settle.payments.internal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.exception.CamundaError;
import java.util.Map;
import org.springframework.stereotype.Component;
import settle.invoicing.AmountExceedsOpenException;
import settle.payments.CashApplication;

/**
 * Matches a statement's credit lines and posts what the engine is sure of; hands on short pays and exceptions.
 * An invoice paid or credited while the statement was being matched has less open than the match meant to post:
 * nothing is posted and the model routes the reason to a cash applier (BPMN error {@code amount-exceeds-open}).
 */
@Component
public class MatchStatementWorker {

  private final StatementMatching matching;

  MatchStatementWorker(StatementMatching matching) {
    this.matching = matching;
  }

  @JobWorker(type = CashApplication.MATCH_STATEMENT, fetchVariables = {"statementId"})
  public StatementMatching.Outcome matchStatement(@Variable long statementId) {
    try {
      return matching.match(statementId);
    } catch (AmountExceedsOpenException e) {
      throw CamundaError.bpmnError(AmountExceedsOpenException.CODE, e.getMessage(), Map.of("postingProblem", e.getMessage()));
    }
  }
}
