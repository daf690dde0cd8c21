package settle.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes and reads the trail. An entry is inserted without waiting for any other transaction: it gets its id, and a
 * pending mark in the same transaction. After it commits, the chainer links it to the chain (each link a hash over the
 * previous link and the entry), so removing or altering a line breaks every link after it; signed checkpoints of the
 * chain's head catch a truncated chain or one rewritten with recomputed links.
 */
@Component
public class AuditLog {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final Clock clock;

  AuditLog(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  /** Records an entry in the caller's transaction, so it commits with the change it describes. */
  @Transactional
  public void record(String actor, String action, String subject, Map<String, ?> details) {
    Objects.requireNonNull(actor);
    Objects.requireNonNull(action);
    Objects.requireNonNull(subject);
    Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
    jdbc.update("""
        with entry as (insert into audit_entry(at, actor, action, subject, details) values (?, ?, ?, ?, ?::jsonb) returning id)
        insert into audit_pending(entry_id) select id from entry""",
        Timestamp.from(at), actor, action, subject, toJson(details));
  }

  public List<AuditEntry> trail(String subject) {
    return jdbc.query("select id, at, actor, action, subject, details::text from audit_entry where subject = ? order by id",
        this::entry, subject);
  }

  /** The newest entries about any of these subjects, newest first: a customer's whole story. */
  public List<AuditEntry> latest(java.util.Collection<String> subjects, long beforeId, int limit) {
    return jdbc.query("select id, at, actor, action, subject, details::text from audit_entry where subject = any(?) and id < ?"
        + " order by id desc limit ?", this::entry, subjects.toArray(String[]::new), beforeId, limit);
  }

  /**
   * The newest entries matching every criterion given (null leaves it open): about any of these subjects, by this actor,
   * of actions starting with this text, at or after {@code from} and before {@code to}.
   */
  public List<AuditEntry> search(java.util.Collection<String> subjects, String actor, String action, Instant from, Instant to,
                                 int limit) {
    String[] any = subjects == null ? null : subjects.toArray(String[]::new);
    return jdbc.query("""
        select id, at, actor, action, subject, details::text from audit_entry
        where (?::text[] is null or subject = any(?::text[])) and (?::text is null or actor = ?)
          and (?::text is null or action like ? || '%') and (?::timestamptz is null or at >= ?)
          and (?::timestamptz is null or at < ?)
        order by id desc limit ?""", this::entry,
        any, any, actor, actor, action, action, ts(from), ts(from), ts(to), ts(to), limit);
  }

  private static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  /** Entries whose details hold {@code name} with this value (as text), oldest first: what was recorded about one mail or task. */
  public List<AuditEntry> withDetail(String name, String value) {
    return jdbc.query("select id, at, actor, action, subject, details::text from audit_entry where details ->> ? = ? order by id",
        this::entry, name, value);
  }

  public boolean hasDecision(String elementInstanceKey) {
    return Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from audit_entry where action like 'decision.%'"
        + " and details ->> 'elementInstanceKey' = ?)", Boolean.class, elementInstanceKey));
  }

  private AuditEntry entry(ResultSet rs, int row) throws SQLException {
    try {
      return new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
          rs.getString(5), json.readValue(rs.getString(6), MAP));
    } catch (JsonProcessingException e) {
      throw new SQLException("Unreadable audit details", e);
    }
  }

  private String toJson(Map<String, ?> details) {
    try {
      return json.writeValueAsString(details == null ? Map.of() : details);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Audit details cannot be written as JSON", e);
    }
  }
}
