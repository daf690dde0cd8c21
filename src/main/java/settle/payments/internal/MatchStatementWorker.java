package settle.payments.internal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.springframework.stereotype.Component;
import settle.payments.CashApplication;

/** Matches a statement's credit lines and posts what the engine is sure of; hands on short pays and exceptions. */
@Component
public class MatchStatementWorker {

  private final StatementMatching matching;

  MatchStatementWorker(StatementMatching matching) {
    this.matching = matching;
  }

  @JobWorker(type = CashApplication.MATCH_STATEMENT, fetchVariables = {"statementId"})
  public StatementMatching.Outcome matchStatement(@Variable long statementId) {
    return matching.match(statementId);
  }
}
