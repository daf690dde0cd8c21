package settle.audit.internal;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import settle.audit.AuditHashes;
import settle.audit.internal.AuditCheckpoints.Checkpoint;

/**
 * Walks the whole chain and holds it against the signed checkpoints. The walk finds the first entry whose link no
 * longer matches (an entry altered or removed, a position skipped). The checkpoints find what a walk cannot: a chain
 * cut short (a checkpoint's position is no longer reached) and a chain rewritten with recomputed links (the head
 * recomputed at a checkpoint's position is not the head it signed).
 */
@Component
public class AuditVerification {

  /** What a checkpoint says about the chain today: HOLDS, NOT_REACHED, REWRITTEN or NOT_GENUINE (bad signature). */
  public record CheckpointFinding(long checkpoint, Instant at, long position, long entryId, String finding, String explanation) {}

  public record Result(boolean intact, long entriesLinked, Long firstBrokenEntry, String brokenBecause,
                       long entriesNotLinked, Checkpoint lastCheckpoint, List<CheckpointFinding> checkpoints, String summary) {}

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final AuditChainer chainer;
  private final AuditCheckpoints checkpoints;

  AuditVerification(JdbcTemplate jdbc, TransactionTemplate tx, AuditChainer chainer, AuditCheckpoints checkpoints) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.chainer = chainer;
    this.checkpoints = checkpoints;
  }

  public Result verify() {
    chainer.chainPending();
    List<Checkpoint> signed = checkpoints.all();
    Map<Long, String> wanted = new HashMap<>();
    signed.forEach(c -> wanted.put(c.position(), null));
    Walk walk = tx.execute(status -> walk(wanted));
    long notLinked = jdbc.queryForObject("""
        select count(*) from audit_entry e where not exists (select 1 from audit_chain c where c.entry_id = e.id)
          and not exists (select 1 from audit_pending p where p.entry_id = e.id)""", Long.class);

    List<CheckpointFinding> findings = new ArrayList<>();
    long lastHolding = 0;
    for (Checkpoint c : signed) {
      String finding;
      String why;
      if (!checkpoints.genuine(c)) {
        finding = "NOT_GENUINE";
        why = "its signature does not match: it was altered or not written by Settle";
      } else if (c.position() > walk.lastPosition) {
        finding = "NOT_REACHED";
        why = "it signed position " + c.position() + " (entry " + c.entryId() + "), but the chain now ends at position "
            + walk.lastPosition + ": the newest entries were removed";
      } else if (!c.headHash().equals(wanted.get(c.position())) || c.entryId() != walk.entryAt.getOrDefault(c.position(), -1L)) {
        finding = "REWRITTEN";
        why = "the chain recomputed from today's entries does not reach the head it signed at position " + c.position()
            + ": an entry at positions " + (lastHolding + 1) + " to " + c.position() + " was changed and the links recomputed";
      } else {
        finding = "HOLDS";
        why = "the chain still reaches the head it signed";
        lastHolding = Math.max(lastHolding, c.position());
      }
      findings.add(new CheckpointFinding(c.id(), c.at(), c.position(), c.entryId(), finding, why));
    }
    boolean checkpointsHold = findings.stream().allMatch(f -> f.finding().equals("HOLDS"));
    boolean intact = walk.firstBroken == null && notLinked == 0 && checkpointsHold;
    Checkpoint last = signed.isEmpty() ? null : signed.getLast();
    return new Result(intact, walk.lastPosition, walk.firstBroken, walk.because, notLinked, last, findings,
        summary(intact, walk, notLinked, findings));
  }

  private static String summary(boolean intact, Walk walk, long notLinked, List<CheckpointFinding> findings) {
    if (intact) {
      return "Intact: " + walk.lastPosition + " entries linked, " + findings.size() + " signed checkpoints still hold.";
    }
    List<String> problems = new ArrayList<>();
    if (walk.firstBroken != null) {
      problems.add("entry " + walk.firstBroken + " no longer matches (" + walk.because + ")");
    }
    if (notLinked > 0) {
      problems.add(notLinked + " entries are not on the chain");
    }
    findings.stream().filter(f -> !f.finding().equals("HOLDS"))
        .forEach(f -> problems.add("checkpoint " + f.checkpoint() + ": " + f.explanation()));
    return "Not intact: " + String.join("; ", problems) + ".";
  }

  private static final class Walk {
    long lastPosition;
    Long firstBroken;
    String because;
    final Map<Long, Long> entryAt = new HashMap<>();
  }

  /** Reads the chain in order (a cursor, not the whole table in memory) and recomputes every link. */
  private Walk walk(Map<Long, String> headsWanted) {
    Walk walk = new Walk();
    String[] stored = {""};
    String[] recomputed = {""};
    jdbc.query(con -> {
      PreparedStatement ps = con.prepareStatement("""
          select c.seq, c.entry_id, c.prev_hash, c.hash, e.id, e.at, e.actor, e.action, e.subject, e.details::text
          from audit_chain c left join audit_entry e on e.id = c.entry_id order by c.seq""");
      ps.setFetchSize(2_000);
      return ps;
    }, rs -> {
      long seq = rs.getLong(1);
      long entryId = rs.getLong(2);
      boolean present = rs.getObject(5) != null;
      String link = present ? AuditHashes.link(stored[0], rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getString(8),
          rs.getString(9), rs.getString(10)) : null;
      if (walk.firstBroken == null) {
        String problem = seq != walk.lastPosition + 1 ? "positions " + (walk.lastPosition + 1) + " to " + (seq - 1) + " are missing"
            : !present ? "the entry was removed"
            : !stored[0].equals(rs.getString(3)) ? "its link does not follow the previous one"
            : !link.equals(rs.getString(4)) ? "its content no longer matches its link" : null;
        if (problem != null) {
          walk.firstBroken = entryId;
          walk.because = problem;
        }
      }
      recomputed[0] = present ? AuditHashes.link(recomputed[0], rs.getTimestamp(6).toInstant(), rs.getString(7),
          rs.getString(8), rs.getString(9), rs.getString(10)) : "missing";
      if (headsWanted.containsKey(seq)) {
        headsWanted.put(seq, recomputed[0]);
        walk.entryAt.put(seq, entryId);
      }
      stored[0] = rs.getString(4);
      walk.lastPosition = seq;
    });
    return walk;
  }
}
