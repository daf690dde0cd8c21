package settle.engine.internal;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import settle.engine.EngineCommands;

/**
 * Carries committed outbox rows to the engine, oldest first. Rows are locked with SKIP LOCKED so
 * replicas share the work; a message keeps its outbox id as message id, so the engine drops a
 * duplicate if a crash makes us send it twice.
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

  record Row(long id, String command, String processId, String messageName, String correlationKey,
             String variables, Long ttlSeconds) {}

  @Scheduled(fixedDelayString = "${settle.engine-outbox.poll-ms:200}")
  void relay() {
    Integer sent;
    do {
      sent = tx.execute(status -> relayBatch());
    } while (sent != null && sent > 0);
  }

  private int relayBatch() {
    List<Row> rows = jdbc.query("""
            select id, command, process_id, message_name, correlation_key, variables::text, ttl_seconds
            from engine_outbox where sent_at is null order by id limit 32 for update skip locked""",
        (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), (Long) rs.getObject(7)));
    int sent = 0;
    for (Row row : rows) {
      try {
        send(row);
        jdbc.update("update engine_outbox set sent_at = now(), attempts = attempts + 1, last_error = null where id = ?", row.id());
        sent++;
      } catch (RuntimeException e) {
        log.warn("Engine outbox row {} not delivered: {}", row.id(), e.getMessage());
        jdbc.update("update engine_outbox set attempts = attempts + 1, last_error = ? where id = ?", String.valueOf(e.getMessage()), row.id());
        return 0; // the engine is away or refuses; keep the order and try again on the next tick
      }
    }
    return sent;
  }

  private void send(Row row) {
    switch (row.command()) {
      case "START_PROCESS" -> engine.call(c -> c.newCreateInstanceCommand()
          .bpmnProcessId(row.processId()).latestVersion().variables(row.variables())
          .requestTimeout(REQUEST_TIMEOUT).send().join());
      case "PUBLISH_MESSAGE" -> engine.call(c -> c.newPublishMessageCommand()
          .messageName(row.messageName()).correlationKey(row.correlationKey())
          .messageId("outbox-" + row.id()).timeToLive(Duration.ofSeconds(row.ttlSeconds()))
          .variables(row.variables()).requestTimeout(REQUEST_TIMEOUT).send().join());
      default -> throw new IllegalStateException("Unknown outbox command " + row.command());
    }
  }
}
