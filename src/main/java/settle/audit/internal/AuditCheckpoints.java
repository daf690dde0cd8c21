package settle.audit.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import settle.audit.AuditHashes;

/**
 * Signed checkpoints of the chain's head, at a fixed interval (when the chain has grown) and at every export. Each is
 * kept in its own table and written to the application log, so a checkpoint survives someone who can rewrite the
 * database: its signature needs the key, which the database does not hold.
 */
@Component
public class AuditCheckpoints {

  private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);
  private static final long INTERVAL_LOCK = 0x5e771e_c4ec5L;

  /** A signed head: the chain's link {@code headHash} at position {@code position}, which links entry {@code entryId}. */
  public record Checkpoint(long id, Instant at, long position, long entryId, String headHash, String reason, String signature) {}

  private final JdbcTemplate jdbc;
  private final AuditChainer chainer;
  private final AuditSigningKey key;
  private final Clock clock;
  private final TransactionTemplate tx;

  AuditCheckpoints(JdbcTemplate jdbc, AuditChainer chainer, AuditSigningKey key, Clock clock, TransactionTemplate tx) {
    this.tx = tx;
    this.jdbc = jdbc;
    this.chainer = chainer;
    this.key = key;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${settle.audit.checkpoint-interval:PT15M}", initialDelayString = "${settle.audit.checkpoint-interval:PT15M}")
  void onInterval() {
    chainer.chainPending();
    // every replica has this interval: one of them looks and writes at a time, so a head gets one interval checkpoint
    tx.executeWithoutResult(status -> {
      jdbc.queryForObject("select pg_advisory_xact_lock(?)", Object.class, INTERVAL_LOCK);
      Checkpoint last = latest();
      Long head = jdbc.queryForObject("select max(seq) from audit_chain", Long.class);
      if (head != null && (last == null || last.position() < head)) {
        write("interval");
      }
    });
  }

  /** Links what is pending, then signs the head; null while the chain is empty. */
  public Checkpoint write(String reason) {
    chainer.chainPending();
    record Head(long seq, long entryId, String hash) {}
    Head head = jdbc.query("select seq, entry_id, hash from audit_chain order by seq desc limit 1",
        rs -> rs.next() ? new Head(rs.getLong(1), rs.getLong(2), rs.getString(3)) : null);
    if (head == null) {
      return null;
    }
    Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
    String signature = AuditHashes.sign(key.key(), AuditHashes.checkpointText(head.seq(), head.entryId(), head.hash(), at));
    long id = jdbc.queryForObject("""
        insert into audit_checkpoint(at, chain_seq, entry_id, head_hash, reason, signature) values (?, ?, ?, ?, ?, ?)
        returning id""", Long.class, Timestamp.from(at), head.seq(), head.entryId(), head.hash(), reason, signature);
    log.info("Audit checkpoint {} ({}) at {}: position {}, entry {}, head {}, signature {}", id, reason, at, head.seq(),
        head.entryId(), head.hash(), signature);
    return new Checkpoint(id, at, head.seq(), head.entryId(), head.hash(), reason, signature);
  }

  public List<Checkpoint> all() {
    return jdbc.query(SELECT + " order by id", this::checkpoint);
  }

  public Checkpoint latest() {
    List<Checkpoint> last = jdbc.query(SELECT + " order by id desc limit 1", this::checkpoint);
    return last.isEmpty() ? null : last.getFirst();
  }

  private static final String SELECT = "select id, at, chain_seq, entry_id, head_hash, reason, signature from audit_checkpoint";

  private Checkpoint checkpoint(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Checkpoint(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getLong(3), rs.getLong(4), rs.getString(5),
        rs.getString(6), rs.getString(7));
  }

  public boolean genuine(Checkpoint c) {
    return AuditHashes.signedBy(key.key(), AuditHashes.checkpointText(c.position(), c.entryId(), c.headHash(), c.at()), c.signature());
  }
}
