package settle.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import settle.history.InstanceSummary;
import settle.history.ProcessInstances;
import settle.invoicing.Invoices;
import settle.testdata.LedgerBalance;

/**
 * Embedded mode's demo company, loaded as `./mvnw spring-boot:run` loads it (embedded PostgreSQL, the in-memory
 * engine): about 150 customers and 15 months of history from a fixed seed, every open invoice with its collection
 * loop running, and what a real AR team finds on a Monday morning.
 */
@SpringBootTest(properties = {"settle.demo-data=true", "settle.demo.seed=20261130"})
class DemoCompanyTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired DemoData demo;
  @Autowired Invoices invoices;
  @Autowired ProcessInstances instances;
  @Autowired Clock clock;

  private long count(String sql) {
    return jdbc.queryForObject(sql, Long.class);
  }

  @Test
  void theDemoCompanyHasAFullBookInEveryStateWithItsOpenInvoicesInLiveCollection() throws Exception {
    assertThat(count("select count(*) from customer")).isEqualTo(DemoBook.CUSTOMERS);
    assertThat(jdbc.queryForList("select distinct risk_rating from customer", String.class)).containsExactlyInAnyOrder("LOW", "MEDIUM", "HIGH");
    assertThat(jdbc.queryForList("select distinct currency from customer", String.class)).contains("EUR", "GBP", "USD", "CHF", "SEK");
    assertThat(count("select count(*) from customer where ap_contact_name is null or ap_contact_phone is null or street is null"
        + " or city is null or (vat_id is null and country <> 'US')")).isZero();
    assertThat(count("select count(*) from invoice")).isGreaterThan(1500);
    assertThat(jdbc.queryForObject("select min(issue_date) from invoice", LocalDate.class))
        .isBefore(LocalDate.now(clock).minusMonths(DemoBook.MONTHS - 1));

    // every fate an invoice can have
    assertThat(jdbc.queryForList("select distinct status from invoice", String.class)).contains("OPEN", "PARTIALLY_PAID", "PAID");
    assertThat(count("select count(*) from invoice i where status = 'PAID' and exists (select 1 from payment p where p.invoice_id = i.id"
        + " and p.value_date > i.due_date + 14)")).as("paid late").isPositive();
    assertThat(count("select count(*) from invoice i where status = 'PAID' and not exists (select 1 from payment p where p.invoice_id = i.id"
        + " and p.value_date > i.due_date)")).as("paid on time").isPositive();
    assertThat(count("select count(*) from invoice_write_off where reason like 'Early-payment%'")).isPositive();
    assertThat(jdbc.queryForList("select distinct outcome from dispute where status = 'RESOLVED'", String.class))
        .containsExactlyInAnyOrder("CREDIT_MEMO", "REJECTED");
    assertThat(count("select count(distinct reason_code) from dispute")).isGreaterThanOrEqualTo(4);
    assertThat(count("select count(*) from credit_note")).isPositive();
    assertThat(jdbc.queryForList("select distinct status from promise_to_pay", String.class)).contains("KEPT", "BROKEN", "ACTIVE");
    assertThat(count("select count(*) from payment_plan")).isPositive();
    assertThat(count("select count(*) from collection_hold")).isPositive();
    assertThat(count("select count(*) from customer_credit_entry where kind = 'UNAPPLIED_CASH'")).isPositive();
    assertThat(jdbc.queryForList("select distinct status from dunning_step", String.class)).contains("SENT", "CALL_TASK", "ESCALATION_TASK");
    // the last weeks' statements, posted and closed, besides this morning's
    assertThat(count("select count(*) from bank_statement where status = 'CLOSED'")).isGreaterThanOrEqualTo(2);
    assertThat(count("select count(*) from bank_statement_match m join payment p on p.id = m.payment_id"
        + " and p.invoice_id = m.invoice_id and p.amount = m.amount")).isEqualTo(count("select count(*) from bank_statement_match"));
    await("this morning's disputes, the bank statement and the credit hold").atMost(Duration.ofMinutes(5)).untilAsserted(() -> {
      assertThat(count("select count(*) from dispute where status <> 'RESOLVED'")).isPositive();
      assertThat(count("select count(*) from bank_statement_line where status = 'AUTO_MATCHED'")).isPositive();
      assertThat(count("select count(*) from sales_order where status = 'ON_HOLD'")).isPositive();
      assertThat(count("select count(*) from task where status = 'OPEN' and task_type = 'collector-call'")).isPositive();
      assertThat(count("select count(*) from task where status = 'OPEN' and task_type = 'investigate-dispute'")).isPositive();
    });

    // the aging chart has something in every bucket
    LocalDate today = LocalDate.now(clock);
    assertThat(invoices.aging(today, "EUR")).allSatisfy(bucket -> assertThat(bucket.invoices()).as(bucket.bucket()).isPositive());

    // every open invoice has its collection loop running in the engine; this morning's orders are fulfilled and its
    // statement applied in the background, so an invoice's loop may still be starting, or just ended with its payment
    assertThat(count("select count(*) from invoice where status <> 'PAID'")).isGreaterThan(100);
    await("every open invoice's collection loop").atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
      for (long id : jdbc.queryForList("select id from invoice where status <> 'PAID'", Long.class)) {
        List<InstanceSummary> loops = instances.about("invoice:" + id).stream()
            .filter(i -> i.bpmnProcessId().equals("invoice-collection")).toList();
        assertThat(loops).as("collection of invoice " + id).anySatisfy(i -> assertThat(i.state()).isEqualTo("ACTIVE"));
      }
    });

    // a loop between two steps waits for its next one, planned by the tables and the planner a live turn uses
    List<Long> planned = jdbc.queryForList("select invoice_id from dunning_step where status = 'PLANNED' and plan_key like 'resumed:%'",
        Long.class);
    assertThat(planned).hasSizeGreaterThan(100);
    assertThat(count("select count(distinct subject) from audit_entry where action = 'decision.next-collection-action'"
        + " and subject in (" + planned.stream().map(id -> "'invoice:" + id + "'").collect(java.util.stream.Collectors.joining(",")) + ")"))
        .isEqualTo(planned.size());

    LedgerBalance.assertBalanced(jdbc);
  }

  @Test
  void theSameSeedGivesTheSameBookAndTheDatabaseHoldsIt() {
    LocalDate today = LocalDate.now(clock);
    DemoBook book = DemoBook.generate(20261130, today);
    assertThat(DemoBook.generate(20261130, today)).isEqualTo(book);
    assertThat(DemoBook.generate(7, today)).isNotEqualTo(book);

    assertThat(jdbc.queryForList("select name from customer order by id", String.class))
        .isEqualTo(book.customers().stream().map(DemoBook.Customer::name).toList());
    Map<String, BigDecimal> totals = book.sales().stream().collect(Collectors.groupingBy(
        s -> book.customers().get(s.customerNo() - 1).currency(),
        Collectors.reducing(BigDecimal.ZERO, DemoBook.Sale::total, BigDecimal::add)));
    // the four orders placed this morning are not part of the history
    Map<String, BigDecimal> written = jdbc.query("select currency, sum(total) from invoice where order_id in"
            + " (select id from sales_order where created_at < current_date) group by currency", rs -> {
          Map<String, BigDecimal> m = new java.util.HashMap<>();
          while (rs.next()) {
            m.put(rs.getString(1), rs.getBigDecimal(2).setScale(2));
          }
          return m;
        });
    assertThat(written).isEqualTo(totals);
  }

  @Test
  void startingAgainOnTheSameDatabaseDoesNotLoadTwice() throws Exception {
    long customers = count("select count(*) from customer");
    long invoiceCount = count("select count(*) from invoice where order_id in (select id from sales_order where created_at < current_date)");
    demo.run(new DefaultApplicationArguments());
    assertThat(count("select count(*) from customer")).isEqualTo(customers);
    assertThat(count("select count(*) from invoice where order_id in (select id from sales_order where created_at < current_date)"))
        .isEqualTo(invoiceCount);
  }
}
