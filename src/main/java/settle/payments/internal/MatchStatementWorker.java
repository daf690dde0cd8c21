package settle.payments.internal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.stereotype.Component;
import settle.payments.CashApplication;

/** Matches a statement's credit lines and posts what the engine is sure of; hands on short pays and exceptions. */
@Component
public class MatchStatementWorker {

  private final StatementMatching matching;

  MatchStatementWorker(StatementMatching matching) {
    this.matching = matching;
  }

  public record Matched(List<Long> shortPays, List<Long> exceptions, int matched, BigDecimal matchRate) {}

  @JobWorker(type = CashApplication.MATCH_STATEMENT, fetchVariables = {"statementId"})
  public Matched matchStatement(@Variable long statementId) {
    StatementMatching.Outcome outcome = matching.match(statementId);
    return new Matched(outcome.shortPays(), outcome.exceptions(), outcome.matched(), outcome.matchRate());
  }
}
