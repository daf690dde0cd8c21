package settle.payments.internal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import settle.audit.AuditLog;
import settle.payments.BankStatements;
import settle.payments.CashApplication;
import settle.payments.StatementImport;

/** Every line is settled one way or another: the statement is closed, once. */
@Component
public class CloseStatementWorker {

  private final JdbcTemplate jdbc;
  private final BankStatements statements;
  private final AuditLog audit;
  private final Clock clock;

  CloseStatementWorker(JdbcTemplate jdbc, BankStatements statements, AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.statements = statements;
    this.audit = audit;
    this.clock = clock;
  }

  @JobWorker(type = CashApplication.CLOSE_STATEMENT, fetchVariables = {"statementId"})
  @Transactional
  public void closeStatement(@Variable long statementId) {
    int closed = jdbc.update("update bank_statement set status = 'CLOSED', closed_at = ? where id = ? and closed_at is null",
        Timestamp.from(clock.instant()), statementId);
    if (closed == 1) {
      StatementImport summary = statements.summary(statementId, false);
      audit.record(CashApplication.ACTOR, "statement.closed", "statement:" + statementId, Map.of(
          "lines", summary.lines(), "autoPosted", summary.matched(), "matchRate", summary.matchRate()));
    }
  }
}
