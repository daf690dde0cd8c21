package settle.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import settle.testdata.Api;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import settle.audit.internal.AuditChainer;
import settle.audit.internal.AuditCheckpoints;
import settle.audit.internal.AuditVerification;
import settle.audit.internal.AuditVerification.CheckpointFinding;

/**
 * Someone who holds the database's owner role (not the application's) rewrites the trail, and verification still
 * tells: an altered entry, the newest entries cut off, an entry rewritten with every later link recomputed. A context
 * of its own, because these tests damage the chain on purpose (each repairs it afterwards).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "settle.demo-data=false")
class AuditTamperEvidenceTest {

  @Autowired AuditLog audit;
  @Autowired AuditCheckpoints checkpoints;
  @Autowired AuditChainer chainer;
  @Autowired AuditVerification verification;
  @Autowired Environment env;
  @LocalServerPort int port;

  private JdbcTemplate ownerWithoutGuards() {
    JdbcTemplate owner = new JdbcTemplate(new DriverManagerDataSource(env.getRequiredProperty("spring.datasource.url"),
        env.getRequiredProperty("spring.flyway.user"), env.getProperty("spring.flyway.password", "")));
    for (String table : List.of("audit_entry", "audit_chain")) {
      owner.execute("alter table " + table + " disable trigger user");
    }
    return owner;
  }

  private void restoreGuards(JdbcTemplate owner) {
    for (String table : List.of("audit_entry", "audit_chain")) {
      owner.execute("alter table " + table + " enable trigger user");
    }
  }

  /** Entries, linked into the chain (the chainer links within a second; a forger changing a row before then is not caught). */
  private void record(String subject, int n) {
    for (int i = 0; i < n; i++) {
      audit.record("alice", "invoice.noted", subject, Map.of("n", i));
    }
    chainer.chainPending();
  }

  @Test
  void anUntouchedTrailVerifiesAgainstItsCheckpoint() {
    record("invoice:untouched", 3);
    checkpoints.write("test");
    var result = verification.verify();
    assertThat(result.intact()).as(result.summary()).isTrue();
    assertThat(result.checkpoints()).extracting(CheckpointFinding::finding).containsOnly("HOLDS");
  }

  @Test
  void anEntryAlteredWithoutRecomputingTheLinksIsNamed() {
    record("invoice:altered", 3);
    long id = audit.trail("invoice:altered").get(1).id();
    JdbcTemplate owner = ownerWithoutGuards();
    String original = owner.queryForObject("select details::text from audit_entry where id = ?", String.class, id);
    try {
      owner.update("update audit_entry set details = '{\"n\": 99}' where id = ?", id);
      var result = verification.verify();
      assertThat(result.intact()).isFalse();
      assertThat(result.firstBrokenEntry()).isEqualTo(id);
      assertThat(result.brokenBecause()).contains("content no longer matches");
    } finally {
      owner.update("update audit_entry set details = ?::jsonb where id = ?", original, id);
      restoreGuards(owner);
    }
    assertThat(verification.verify().intact()).isTrue();
  }

  @Test
  void deletingTheNewestEntriesAsTheOwnerIsReportedAgainstTheLastCheckpoint() {
    record("invoice:truncated", 4);
    var signed = checkpoints.write("test");
    JdbcTemplate owner = ownerWithoutGuards();
    // the owner removes the last two entries and their links: the walk alone finds a shorter, consistent chain
    var entries = owner.queryForList("select * from audit_entry where id > ? - 2 and id <= ? order by id", signed.entryId(), signed.entryId());
    var links = owner.queryForList("select * from audit_chain where seq > ? order by seq", signed.position() - 2);
    try {
      owner.update("delete from audit_chain where seq > ?", signed.position() - 2);
      owner.update("delete from audit_entry where id > ? - 2 and id <= ?", signed.entryId(), signed.entryId());
      var result = verification.verify();
      assertThat(result.intact()).as(result.summary()).isFalse();
      assertThat(result.firstBrokenEntry()).isNull();
      assertThat(result.checkpoints()).filteredOn(f -> f.checkpoint() == signed.id()).singleElement()
          .satisfies(f -> {
            assertThat(f.finding()).isEqualTo("NOT_REACHED");
            assertThat(f.explanation()).contains("signed position " + signed.position())
                .contains("chain now ends at position " + (signed.position() - 2));
          });
      assertThat(result.summary()).contains("the newest entries were removed");
      var answer = new Api(port).as("audrey").get("/api/audit/verification").body();
      assertThat(answer.get("intact").asBoolean()).isFalse();
      assertThat(answer.get("checkpoints").findValuesAsText("finding")).contains("NOT_REACHED");
      assertThat(answer.get("summary").asText()).contains("checkpoint " + signed.id() + ": it signed position " + signed.position());
    } finally {
      for (var e : entries) {
        owner.update("insert into audit_entry(id, at, actor, action, subject, details) values (?, ?, ?, ?, ?, ?::jsonb)",
            e.get("id"), e.get("at"), e.get("actor"), e.get("action"), e.get("subject"), e.get("details").toString());
      }
      for (var l : links) {
        owner.update("insert into audit_chain(seq, entry_id, prev_hash, hash) values (?, ?, ?, ?)",
            l.get("seq"), l.get("entry_id"), l.get("prev_hash"), l.get("hash"));
      }
      restoreGuards(owner);
    }
    assertThat(verification.verify().intact()).isTrue();
  }

  @Test
  void anEntryRewrittenWithEveryLaterLinkRecomputedIsReportedByTheCheckpoint() {
    record("invoice:rewritten", 3);
    long id = audit.trail("invoice:rewritten").getFirst().id();
    var signed = checkpoints.write("test");
    JdbcTemplate owner = ownerWithoutGuards();
    var original = owner.queryForList("select * from audit_chain where entry_id >= ? order by seq", id);
    String originalDetails = owner.queryForObject("select details::text from audit_entry where id = ?", String.class, id);
    try {
      owner.update("update audit_entry set details = '{\"n\": 99}' where id = ?", id);
      rehashFrom(owner, id);
      var result = verification.verify();
      assertThat(result.firstBrokenEntry()).as("the recomputed links are consistent").isNull();
      assertThat(result.intact()).isFalse();
      assertThat(result.checkpoints()).filteredOn(f -> f.checkpoint() == signed.id()).singleElement()
          .satisfies(f -> assertThat(f.finding()).isEqualTo("REWRITTEN"));
    } finally {
      owner.update("update audit_entry set details = ?::jsonb where id = ?", originalDetails, id);
      for (var l : original) {
        owner.update("update audit_chain set prev_hash = ?, hash = ? where seq = ?", l.get("prev_hash"), l.get("hash"), l.get("seq"));
      }
      restoreGuards(owner);
    }
    assertThat(verification.verify().intact()).isTrue();
  }

  /** What a forger with the owner role does: recompute every link from the altered entry on. */
  private static void rehashFrom(JdbcTemplate owner, long entryId) {
    var rows = owner.queryForList("""
        select c.seq, c.prev_hash, e.at, e.actor, e.action, e.subject, e.details::text as details
        from audit_chain c join audit_entry e on e.id = c.entry_id where c.entry_id >= ? order by c.seq""", entryId);
    String prev = (String) rows.getFirst().get("prev_hash");
    for (var r : rows) {
      String hash = AuditHashes.link(prev, ((Timestamp) r.get("at")).toInstant(), (String) r.get("actor"),
          (String) r.get("action"), (String) r.get("subject"), (String) r.get("details"));
      owner.update("update audit_chain set prev_hash = ?, hash = ? where seq = ?", prev, hash, r.get("seq"));
      prev = hash;
    }
  }
}
