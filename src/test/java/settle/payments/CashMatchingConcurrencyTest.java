package settle.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;
import static settle.testdata.StatementBuilder.aStatement;

import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceStatus;
import settle.invoicing.InvoiceView;
import settle.testdata.Journeys;
import settle.testdata.SettleTest;
import settle.testdata.StatementBuilder;

/**
 * Cash matching locks the customers it posts to, not the whole of cash application: statements paying different
 * customers match at the same time, and two paying the same invoice spend it once. A test connection holds an
 * invoice's row lock, so a match stops inside its transaction, holding its customer's lock, for as long as the test
 * needs; the test sees both through PostgreSQL's lock table, never by waiting a while.
 */
@SettleTest
class CashMatchingConcurrencyTest {

  /** CashApplicationLocks' first key, as pg_locks shows it (classid; objid is the customer, objsubid 2 the two-key form). */
  private static final long LOCK_NAMESPACE = 0x5e77_1e01L;

  @Autowired ApplicationContext context;
  @Autowired BankStatements statements;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired MeterRegistry registry;

  @Test
  void statementsPayingDifferentCustomersMatchWhileTheOtherIsStillInItsTransaction() throws Exception {
    Journeys journeys = new Journeys(context);
    CustomerView held = journeys.customer(aCustomer());
    CustomerView other = journeys.customer(aCustomer());
    InvoiceView heldInvoice = journeys.invoiced(anOrderFor(held.id()).worth("1200.00"));
    InvoiceView otherInvoice = journeys.invoiced(anOrderFor(other.id()).worth("800.00"));

    StatementImport first;
    try (Connection blocker = dataSource.getConnection()) {
      lockRow(blocker, heldInvoice.id());
      first = importStatement(aStatement().on(journeys.today()).credit("1200.00", held.name(), null, "Invoice " + heldInvoice.number()));
      // the first statement's match holds its customer's lock and waits inside its transaction for the invoice's row
      await("the first match inside its transaction, waiting for the invoice").atMost(Journeys.PATIENCE)
          .until(() -> customerLocks(held.id(), true) == 1 && rowLockWaiters() >= 1);

      var second = importStatement(aStatement().on(journeys.today()).credit("800.00", other.name(), null, "Invoice " + otherInvoice.number()));
      statements.awaitMatched(second, Journeys.PATIENCE);

      assertThat(journeys.invoices.get(otherInvoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
      assertThat(lineOf(second).status()).isEqualTo(LineStatus.AUTO_MATCHED);
      // the overlap: the first is still where it was, its lock held, nothing of it posted
      assertThat(customerLocks(held.id(), true)).isEqualTo(1);
      assertThat(journeys.invoices.get(heldInvoice.id()).openAmount()).isEqualByComparingTo("1200.00");
      assertThat(matchedAt(first)).isFalse();

      blocker.rollback();
      statements.awaitMatched(first, Journeys.PATIENCE);
    }
    assertThat(journeys.invoices.get(heldInvoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(lineOf(first).status()).isEqualTo(LineStatus.AUTO_MATCHED);
  }

  @Test
  void twoStatementsPayingTheSameInvoiceAtOnceSpendItOnce() throws Exception {
    Journeys journeys = new Journeys(context);
    CustomerView customer = journeys.customer(aCustomer());
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("1500.00"));
    double failedBefore = matchJobsNotCompleted();

    StatementImport first;
    StatementImport second;
    try (Connection blocker = dataSource.getConnection()) {
      lockRow(blocker, invoice.id());
      first = importStatement(aStatement().on(journeys.today()).credit("1500.00", customer.name(), null, "Invoice " + invoice.number()));
      second = importStatement(aStatement().on(journeys.today()).credit("1500.00", customer.name(), null, "Invoice " + invoice.number()));
      // both are inside their match at once: one holds the customer and waits for the invoice, the other waits for the customer
      await("one match holding the customer, the other waiting for it").atMost(Journeys.PATIENCE)
          .until(() -> customerLocks(customer.id(), true) == 1 && customerLocks(customer.id(), false) == 1 && rowLockWaiters() >= 1);
      blocker.rollback();
    }
    statements.awaitMatched(first, Journeys.PATIENCE);
    statements.awaitMatched(second, Journeys.PATIENCE);
    assertThat(matchedAt(first)).isTrue();
    assertThat(matchedAt(second)).isTrue();

    InvoiceView after = journeys.invoices.get(invoice.id());
    assertThat(after.status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(after.openAmount()).isEqualByComparingTo("0.00");
    assertThat(jdbc.queryForObject("select count(*) from payment where invoice_id = ? and reversed_at is null", Integer.class, invoice.id()))
        .isEqualTo(1);
    assertThat(jdbc.queryForObject("select sum(amount) from payment where invoice_id = ?", BigDecimal.class, invoice.id()))
        .isEqualByComparingTo("1500.00");
    List<StatementView.Line> lines = List.of(lineOf(first), lineOf(second));
    assertThat(lines).filteredOn(l -> !l.matches().isEmpty()).singleElement()
        .satisfies(l -> assertThat(l.matches()).extracting(StatementView.Match::invoiceNumber).containsExactly(invoice.number()));
    // the one that came second matched against the invoice as it was by then (paid), not as it was when it started
    assertThat(lines).filteredOn(l -> l.matches().isEmpty()).singleElement()
        .satisfies(l -> {
          assertThat(l.status()).hasToString("UNMATCHED");
          assertThat(l.unapplied()).isEqualByComparingTo("0.00");
        });
    assertThat(matchJobsNotCompleted()).as("match jobs failed or routed to a person").isEqualTo(failedBefore);
  }

  private StatementImport importStatement(StatementBuilder statement) {
    return statements.importStatement(statement.camt053(), statement.id() + ".xml", null, null, "test");
  }

  private StatementView.Line lineOf(StatementImport imported) {
    return statements.get(imported.id()).lines().getFirst();
  }

  private boolean matchedAt(StatementImport imported) {
    return Boolean.TRUE.equals(jdbc.queryForObject("select matched_at is not null from bank_statement where id = ?", Boolean.class,
        imported.id()));
  }

  private static void lockRow(Connection blocker, long invoiceId) throws Exception {
    blocker.setAutoCommit(false);
    try (PreparedStatement lock = blocker.prepareStatement("select id from invoice where id = ? for update")) {
      lock.setLong(1, invoiceId);
      lock.executeQuery().close();
    }
  }

  /** Cash-application locks on the customer, held ({@code granted}) or waited for. */
  private int customerLocks(long customerId, boolean granted) {
    return jdbc.queryForObject("""
        select count(*) from pg_locks where locktype = 'advisory' and classid::bigint = ? and objid::bigint = ? and objsubid = 2 and granted = ?""",
        Integer.class, LOCK_NAMESPACE, customerId, granted);
  }

  private int rowLockWaiters() {
    return jdbc.queryForObject("""
        select count(*) from pg_stat_activity where wait_event_type = 'Lock' and wait_event in ('transactionid', 'tuple')""", Integer.class);
  }

  private double matchJobsNotCompleted() {
    return registry.find("settle.job.handling").tag("type", CashApplication.MATCH_STATEMENT).timers().stream()
        .filter(t -> !"completed".equals(t.getId().getTag("outcome"))).mapToDouble(t -> t.count()).sum();
  }
}
