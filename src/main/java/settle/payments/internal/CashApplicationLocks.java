package settle.payments.internal;

import java.util.Collection;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who may spend a customer's open invoices now: one statement match or one cash applier's posting per customer at a
 * time, until its transaction ends. Customers' locks are taken in ascending order, so two transactions that each
 * need several never wait for each other in a ring. The locks are PostgreSQL's, so they hold across replicas.
 */
final class CashApplicationLocks {

  /** The first key of every such lock; the second is the customer's id (ids are far below 2^31). */
  private static final int NAMESPACE = 0x5e77_1e01;

  private CashApplicationLocks() {}

  static void lockCustomers(JdbcTemplate jdbc, Collection<Long> customerIds) {
    for (long customerId : new TreeSet<>(customerIds)) {
      jdbc.queryForObject("select pg_advisory_xact_lock(?, ?)", Object.class, NAMESPACE, Math.toIntExact(customerId));
    }
  }
}
