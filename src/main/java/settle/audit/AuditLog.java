package settle.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes and reads the trail. Each entry's hash covers the previous hash and the entry itself,
 * so removing or altering a line breaks every hash after it.
 */
@Component
public class AuditLog {

  private static final long CHAIN_LOCK = 0x5e771e_a0d17L;
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
    String detailsJson = toJson(details);
    jdbc.queryForObject("select pg_advisory_xact_lock(?)", Object.class, CHAIN_LOCK);
    String prev = jdbc.query("select hash from audit_entry order by id desc limit 1",
        rs -> rs.next() ? rs.getString(1) : "");
    String canonical = jdbc.queryForObject("select (?::jsonb)::text", String.class, detailsJson);
    jdbc.update("insert into audit_entry(at, actor, action, subject, details, prev_hash, hash) values (?, ?, ?, ?, ?::jsonb, ?, ?)",
        Timestamp.from(at), actor, action, subject, canonical, prev, hash(prev, at, actor, action, subject, canonical));
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

  /** Entries whose details hold {@code name} with this value (as text), oldest first: what was recorded about one mail or task. */
  public List<AuditEntry> withDetail(String name, String value) {
    return jdbc.query("select id, at, actor, action, subject, details::text from audit_entry where details ->> ? = ? order by id",
        this::entry, name, value);
  }

  public boolean hasDecision(String elementInstanceKey) {
    return Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from audit_entry where action like 'decision.%'"
        + " and details ->> 'elementInstanceKey' = ?)", Boolean.class, elementInstanceKey));
  }

  /** Recomputes the chain; returns the id of the first entry that does not match, or null if all do. */
  @Transactional(readOnly = true)
  public Long firstBrokenEntry() {
    return jdbc.query("select id, at, actor, action, subject, details::text, prev_hash, hash from audit_entry order by id", rs -> {
      String prev = "";
      while (rs.next()) {
        Instant at = rs.getTimestamp(2).toInstant();
        String expected = hash(prev, at, rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6));
        if (!prev.equals(rs.getString(7)) || !expected.equals(rs.getString(8))) {
          return rs.getLong(1);
        }
        prev = rs.getString(8);
      }
      return null;
    });
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

  private static String hash(String prev, Instant at, String actor, String action, String subject, String details) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      String text = String.join("\u001f", prev, at.toString(), actor, action, subject, details);
      return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
