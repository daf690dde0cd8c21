package settle.engine.internal;

import java.time.Duration;
import java.util.List;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import settle.engine.EngineCommands;

/**
 * Carries committed outbox rows to the engine. Rows are locked with SKIP LOCKED so replicas share the
 * work. A message keeps its outbox id as message id, so a resend after a lost answer is refused as a
 * duplicate, which counts as sent; a job completion resent after a lost answer finds no job, which
 * counts as done too. A row that fails waits with growing back-off and holds up no other row.
 */
@Component
class EngineOutboxRelay {

  private static final Logger log = LoggerFactory.getLogger(EngineOutboxRelay.class);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final EngineCommands engine;

  EngineOutboxRelay(JdbcTemplate jdbc, TransactionTemplate tx, EngineCommands engine) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.engine = engine;
  }

  record Row(long id, String messageName, String correlationKey, String variables, long ttlSeconds, Long jobKey) {}

  @Scheduled(fixedDelayString = "${settle.engine-outbox.poll-ms:200}")
  void relay() {
    Integer sent;
    do {
      sent = tx.execute(status -> relayBatch());
    } while (sent != null && sent > 0);
  }

  private int relayBatch() {
    List<Row> rows = jdbc.query("""
            select id, message_name, correlation_key, variables::text, ttl_seconds, job_key
            from engine_outbox where sent_at is null and next_attempt_at <= now()
            order by id limit 32 for update skip locked""",
        (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
            rs.getObject(6, Long.class)));
    for (Row row : rows) {
      try {
        send(row);
        markSent(row);
      } catch (ClientStatusException e) {
        if (e.getStatusCode() == Status.Code.ALREADY_EXISTS
            || (row.jobKey() != null && e.getStatusCode() == Status.Code.NOT_FOUND)) {
          markSent(row); // an earlier attempt reached the engine and its answer was lost, or the job's process moved on
        } else {
          retryLater(row, e);
        }
      } catch (RuntimeException e) {
        retryLater(row, e);
      }
    }
    return rows.size();
  }

  private void markSent(Row row) {
    jdbc.update("update engine_outbox set sent_at = now(), attempts = attempts + 1, last_error = null where id = ?", row.id());
  }

  private void retryLater(Row row, RuntimeException e) {
    log.warn("Engine outbox row {} not delivered, will retry: {}", row.id(), e.getMessage());
    jdbc.update("update engine_outbox set attempts = attempts + 1, last_error = ?,"
        + " next_attempt_at = now() + least(power(2, attempts), 300) * interval '1 second' where id = ?",
        String.valueOf(e.getMessage()), row.id());
  }

  private void send(Row row) {
    if (row.jobKey() != null) {
      engine.call(c -> c.newCompleteCommand(row.jobKey()).variables(row.variables()).requestTimeout(REQUEST_TIMEOUT).send().join());
      return;
    }
    engine.call(c -> c.newPublishMessageCommand()
        .messageName(row.messageName()).correlationKey(row.correlationKey())
        .messageId("outbox-" + row.id()).timeToLive(Duration.ofSeconds(row.ttlSeconds()))
        .variables(row.variables()).requestTimeout(REQUEST_TIMEOUT).send().join());
  }
}
