package settle.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Messages and job completions for the engine, written in the caller's transaction and relayed
 * afterwards, so a domain change and what the engine must hear of it are committed together or not
 * at all, even if the engine is away or the application stops in between. Processes start from
 * message start events too, so a start is a message like any other and is never doubled.
 */
@Component
public class EngineOutbox {

  /** How long the engine buffers a message that arrives while the process is busy elsewhere. */
  public static final Duration MESSAGE_TTL = Duration.ofDays(7);

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  EngineOutbox(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void publishMessage(String messageName, String correlationKey, Map<String, ?> variables) {
    publishMessage(messageName, correlationKey, variables, MESSAGE_TTL);
  }

  /** With its own time to live; {@code Duration.ZERO} reaches only processes waiting for it when it arrives. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void publishMessage(String messageName, String correlationKey, Map<String, ?> variables, Duration ttl) {
    jdbc.update("insert into engine_outbox(message_name, correlation_key, variables, ttl_seconds) values (?, ?, ?::jsonb, ?)",
        messageName, correlationKey, toJson(variables), ttl.toSeconds());
  }

  /**
   * Completes a job (a person's task) once the caller commits. Delivered at least once; a job the
   * engine no longer knows was completed by an earlier attempt or left behind by its process.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void completeJob(long jobKey, Map<String, ?> variables) {
    jdbc.update("insert into engine_outbox(job_key, variables) values (?, ?::jsonb)", jobKey, toJson(variables));
  }

  private String toJson(Map<String, ?> variables) {
    try {
      return json.writeValueAsString(variables);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Variables cannot be written as JSON", e);
    }
  }
}
