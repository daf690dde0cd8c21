package settle.metrics;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import settle.testdata.SettleTest;

/**
 * The forecast's days late read from the invoices' summaries and V42's indexes equal the plain definition of
 * docs/metrics.md computed from the ledger's movements themselves, at dates before, inside and after a generated HUF
 * history, after each way the ledger is written: invoices and their payments and credit memos in shuffled order,
 * payments the bank returned, due dates moved and payments taken back out.
 */
@SettleTest
class DaysLateTest {

  static final String CURRENCY = "HUF";
  static final LocalDate MIDDLE = parse("2024-06-30");

  @Autowired JdbcTemplate jdbc;
  @Autowired CashForecast forecast;

  /** The definition, straight from the movements: percentiles of the invoices settled in the year before the date. */
  static final String PLAIN = """
      with settled as (
        select i.customer_id, max(m.on_date) - i.due_date as late
        from invoice_as_issued i join ledger_movement m on m.invoice_id = i.id
        where i.currency = ? and m.on_date > ?::date - 545 and m.on_date <= ?::date
        group by i.id, i.customer_id, i.due_date, i.total
        having max(m.on_date) > ?::date - 365 and sum(m.amount) >= i.total)
      select customer_id, percentile_disc(0.2) within group (order by late), percentile_disc(0.5) within group (order by late),
             percentile_disc(0.8) within group (order by late)
      from settled group by grouping sets ((customer_id), ())""";

  @Test
  void daysLateFromTheSummariesEqualThePlainDefinitionHoweverTheLedgerWasWritten() {
    Random random = new Random(42);
    LedgerRows rows = new LedgerRows(jdbc);
    List<long[]> invoices = new ArrayList<>(); // id, due epoch day, cents
    List<Runnable> postings = new ArrayList<>();
    for (int k = 0; k < 12; k++) {
      long customer = rows.customer("Days late HUF " + k, "Olga");
      for (int n = 0; n < 15; n++) {
        LocalDate issued = MIDDLE.minusDays(700).plusDays(random.nextInt(800));
        LocalDate due = issued.plusDays(30);
        long cents = 10_000 + random.nextInt(90_000);
        long id = rows.invoice(customer, CURRENCY, money(cents), issued, due);
        invoices.add(new long[] {id, due.toEpochDay(), cents});
        LocalDate settles = due.plusDays(k - 3 + random.nextInt(12));
        switch (random.nextInt(6)) {
          case 0 -> postings.add(() -> rows.payment(id, money(cents), settles));
          case 1 -> { // a part long before (sometimes more than 180 days before the year), the rest when it settles
            LocalDate part = issued.plusDays(1 + random.nextInt(5));
            LocalDate rest = settles.plusDays(random.nextInt(400));
            postings.add(() -> rows.payment(id, money(cents / 2), part));
            postings.add(() -> rows.payment(id, money(cents - cents / 2), rest));
          }
          case 2 -> { // a credit memo for a tenth after a dispute, the rest paid
            LocalDate raised = issued.plusDays(5);
            postings.add(() -> {
              long dispute = rows.dispute(id, money(cents / 10), raised, raised.plusDays(10));
              rows.creditMemo(id, dispute, money(cents / 10), raised.plusDays(10));
            });
            postings.add(() -> rows.payment(id, money(cents - cents / 10), settles));
          }
          case 3 -> postings.add(() -> rows.payment(id, money(cents / 3), settles)); // part paid, never settled
          case 4 -> { } // never paid
          default -> postings.add(() -> rows.payment(id, money(cents), settles.plusDays(random.nextInt(60))));
        }
      }
    }
    List<LocalDate> dates = new ArrayList<>();
    for (int d = -400; d <= 300; d += 50) {
      dates.add(MIDDLE.plusDays(d));
    }
    assertThat(assertSameAsPlain(dates, "invoices only")).as("nothing settled yet").isZero();

    Collections.shuffle(postings, random);
    postings.forEach(Runnable::run);
    assertThat(assertSameAsPlain(dates, "after the payments and credit memos in shuffled order")).isGreaterThan(40);

    // the bank returns some payments after the day they settled their invoice; some are paid again later
    List<Long> paid = jdbc.queryForList("""
        select p.id from payment p join invoice i on i.id = p.invoice_id where i.currency = ? and p.reversed_at is null
        order by p.id""", Long.class, CURRENCY);
    for (int n = 0; n < paid.size(); n += 4) {
      long payment = paid.get(n);
      Map<String, Object> p = jdbc.queryForMap("select invoice_id, amount, value_date from payment where id = ?", payment);
      long invoice = (Long) p.get("invoice_id");
      LocalDate returned = ((java.sql.Date) p.get("value_date")).toLocalDate().plusDays(3 + random.nextInt(90));
      jdbc.update("update payment set reversed_at = ? where id = ?", returned.atTime(9, 0).atOffset(ZoneOffset.UTC), payment);
      jdbc.update("update invoice set open_amount = open_amount + ?, status = 'PARTIALLY_PAID' where id = ?", p.get("amount"), invoice);
      if (n % 8 == 0) {
        rows.payment(invoice, ((BigDecimal) p.get("amount")).toPlainString(), returned.plusDays(20));
      }
    }
    assertThat(assertSameAsPlain(dates, "after payments returned by the bank")).isGreaterThan(40);

    // due dates moved, and payments taken back out as booked in error
    for (int n = 0; n < invoices.size(); n += 7) {
      jdbc.update("update invoice set due_date = due_date + ? where id = ?", 5 + n % 20, invoices.get(n)[0]);
    }
    List<Long> toDelete = jdbc.queryForList("""
        select p.id from payment p join invoice i on i.id = p.invoice_id where i.currency = ? and p.reversed_at is null
        order by p.id desc limit 10""", Long.class, CURRENCY);
    for (long payment : toDelete) {
      Map<String, Object> p = jdbc.queryForMap("select invoice_id, amount from payment where id = ?", payment);
      jdbc.update("delete from payment where id = ?", payment);
      jdbc.update("update invoice set open_amount = open_amount + ?, status = 'PARTIALLY_PAID' where id = ?", p.get("amount"),
          p.get("invoice_id"));
    }
    assertThat(assertSameAsPlain(dates, "after due dates moved and payments deleted")).isGreaterThan(40);
  }

  /** How many customers' figures were compared over the dates (the currency-wide ones besides). */
  private int assertSameAsPlain(List<LocalDate> dates, String when) {
    int compared = 0;
    for (LocalDate asOf : dates) {
      Map<Long, List<Integer>> plain = new TreeMap<>();
      jdbc.query(PLAIN, rs -> {
        plain.put(rs.getObject(1) == null ? CashForecast.EVERYONE : rs.getLong(1), List.of(rs.getInt(2), rs.getInt(3), rs.getInt(4)));
      }, CURRENCY, asOf, asOf, asOf);
      Map<Long, List<Integer>> fast = new TreeMap<>();
      forecast.daysLate(CURRENCY, asOf).forEach((customer, late) -> fast.put(customer, List.of(late[0], late[1], late[2])));
      assertThat(fast).as("days late as of %s, %s", asOf, when).isEqualTo(plain);
      compared += plain.size() - (plain.containsKey(CashForecast.EVERYONE) ? 1 : 0);
    }
    return compared;
  }

  private static String money(long cents) {
    return BigDecimal.valueOf(cents, 2).toPlainString();
  }
}
