package settle.payments.internal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.springframework.stereotype.Component;
import settle.payments.CashApplication;

/** Puts the line and the engine's candidates, with scores, into the cash applier's task. */
@Component
public class DescribeStatementLineWorker {

  private final ManualApplication manual;

  DescribeStatementLineWorker(ManualApplication manual) {
    this.manual = manual;
  }

  @JobWorker(type = CashApplication.DESCRIBE_STATEMENT_LINE, fetchVariables = {"lineId"})
  public ManualApplication.LineForApplier describeStatementLine(@Variable long lineId) {
    return manual.describe(lineId);
  }
}
