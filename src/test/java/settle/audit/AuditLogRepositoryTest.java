package settle.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import settle.testdata.SettleTest;

/** The audit table on PostgreSQL: insert-only, hash-chained, tamper-evident. */
@SettleTest
class AuditLogRepositoryTest {

  @Autowired AuditLog audit;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate tx;

  @Test
  void entriesComeBackInOrderWithTheirDetailsAndTheChainVerifies() {
    String subject = "customer:" + UUID.randomUUID().toString().substring(0, 8);
    audit.record("alice", "customer.opened", subject, Map.of("limit", 1000));
    audit.record("bob", "customer.limit-changed", subject, Map.of("from", 1000, "to", 2000));

    assertThat(audit.trail(subject)).extracting(AuditEntry::actor, AuditEntry::action)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("alice", "customer.opened"),
            org.assertj.core.groups.Tuple.tuple("bob", "customer.limit-changed"));
    assertThat(audit.trail(subject).get(1).details()).containsEntry("to", 2000);
    assertThat(audit.firstBrokenEntry()).isNull();
  }

  @Test
  void theDatabaseRefusesToUpdateOrDeleteAnEntry() {
    String subject = "order:" + UUID.randomUUID().toString().substring(0, 8);
    audit.record("alice", "order.placed", subject, Map.of());
    long id = audit.trail(subject).getFirst().id();

    assertThatThrownBy(() -> jdbc.update("update audit_entry set actor = 'mallory' where id = ?", id))
        .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("delete from audit_entry where id = ?", id))
        .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
    assertThat(audit.trail(subject)).extracting(AuditEntry::actor).containsExactly("alice");
  }

  @Test
  void anAlteredEntryBreaksTheChainAtThatEntry() {
    String subject = "invoice:" + UUID.randomUUID().toString().substring(0, 8);
    audit.record("alice", "invoice.issued", subject, Map.of("total", 100));
    long id = audit.trail(subject).getFirst().id();

    // Only a superuser who switches the guard off can alter a row; verification still notices.
    tx.executeWithoutResult(status -> {
      jdbc.execute("alter table audit_entry disable trigger audit_entry_no_update_or_delete");
      jdbc.update("update audit_entry set details = '{\"total\": 1}' where id = ?", id);
      assertThat(audit.firstBrokenEntry()).isEqualTo(id);
      status.setRollbackOnly();
    });
    assertThat(audit.firstBrokenEntry()).isNull();
  }
}
