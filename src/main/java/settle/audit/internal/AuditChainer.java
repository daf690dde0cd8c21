package settle.audit.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import settle.audit.AuditHashes;

/**
 * Links committed entries into the chain, in id order after the head, one chainer at a time (an advisory lock that
 * only chainers take, held for one batch, never by an audited transaction). Sound because the chain's order is the
 * order in which this links them, recorded by position: an entry committed late with a lower id is simply linked
 * later; every committed entry carries a pending mark from its own transaction, so none is missed; the unique entry id
 * on the chain links none twice; and a link, once written, cannot be changed by the application's role.
 */
@Component
public class AuditChainer {

  private static final long CHAINER_LOCK = 0x5e771e_c4a1bL;
  private static final int BATCH = 5_000;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;

  AuditChainer(JdbcTemplate jdbc, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.tx = tx;
  }

  @Scheduled(fixedDelayString = "${settle.audit.chain-ms:500}")
  void onSchedule() {
    chainPending();
  }

  /** Links every entry committed so far; returns how many it linked. */
  public int chainPending() {
    int total = 0;
    int linked;
    do {
      linked = tx.execute(status -> linkBatch());
      total += linked;
    } while (linked == BATCH);
    return total;
  }

  private int linkBatch() {
    jdbc.queryForList("select pg_advisory_xact_lock(?)", CHAINER_LOCK);
    record Head(long seq, String hash) {}
    Head head = jdbc.query("select seq, hash from audit_chain order by seq desc limit 1",
        rs -> rs.next() ? new Head(rs.getLong(1), rs.getString(2)) : new Head(0, ""));
    List<Object[]> links = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    long seq = head.seq();
    String prev = head.hash();
    for (var row : jdbc.queryForList("""
        select e.id, e.at, e.actor, e.action, e.subject, e.details::text as details
        from audit_pending p join audit_entry e on e.id = p.entry_id order by e.id limit ?""", BATCH)) {
      long id = ((Number) row.get("id")).longValue();
      String hash = AuditHashes.link(prev, ((Timestamp) row.get("at")).toInstant(), (String) row.get("actor"),
          (String) row.get("action"), (String) row.get("subject"), (String) row.get("details"));
      links.add(new Object[] {++seq, id, prev, hash});
      ids.add(id);
      prev = hash;
    }
    if (!links.isEmpty()) {
      jdbc.batchUpdate("insert into audit_chain(seq, entry_id, prev_hash, hash) values (?, ?, ?, ?)", links);
      jdbc.update("delete from audit_pending where entry_id = any(?)", (Object) ids.toArray(Long[]::new));
    }
    return links.size();
  }
}
