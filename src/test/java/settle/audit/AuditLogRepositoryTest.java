package settle.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import settle.testdata.SettleTest;

/** The audit tables on PostgreSQL, as the application's database role sees them: read and insert, nothing else. */
@SettleTest
class AuditLogRepositoryTest {

  @Autowired AuditLog audit;
  @Autowired JdbcTemplate jdbc;

  @Test
  void entriesComeBackInOrderWithTheirDetails() {
    String subject = "customer:" + UUID.randomUUID().toString().substring(0, 8);
    audit.record("alice", "customer.opened", subject, Map.of("limit", 1000));
    audit.record("bob", "customer.limit-changed", subject, Map.of("from", 1000, "to", 2000));

    assertThat(audit.trail(subject)).extracting(AuditEntry::actor, AuditEntry::action)
        .containsExactly(Tuple.tuple("alice", "customer.opened"), Tuple.tuple("bob", "customer.limit-changed"));
    assertThat(audit.trail(subject).get(1).details()).containsEntry("to", 2000);
  }

  @Test
  void theApplicationsDatabaseRoleCannotUpdateDeleteTruncateOrSwitchOffTheGuard() {
    String subject = "order:" + UUID.randomUUID().toString().substring(0, 8);
    audit.record("alice", "order.placed", subject, Map.of());
    long id = audit.trail(subject).getFirst().id();

    for (String sql : new String[] {
        "update audit_entry set actor = 'mallory' where id = " + id,
        "delete from audit_entry where id = " + id,
        "truncate audit_entry",
        "alter table audit_entry disable trigger audit_entry_no_update_or_delete",
        "set session_replication_role = replica",
        "update audit_chain set hash = 'x' where entry_id = " + id,
        "delete from audit_checkpoint",
        "truncate audit_chain"}) {
      assertThatThrownBy(() -> jdbc.execute(sql)).as(sql).isInstanceOf(DataAccessException.class)
          .satisfies(e -> assertThat(((DataAccessException) e).getMostSpecificCause().getMessage()).as(sql)
              .containsAnyOf("permission denied", "must be owner"));
    }
    assertThat(audit.trail(subject)).extracting(AuditEntry::actor).containsExactly("alice");
  }
}
