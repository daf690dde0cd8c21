package settle.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import settle.common.Money;
import settle.metrics.Metrics.OpenInvoice;

/**
 * The 13-week cash forecast of docs/metrics.md. Each invoice open at the as-of date is expected to pay its undisputed
 * open amount on the dates agreed (payment plan instalments, then a promise) and the rest on its due date plus the
 * customer's usual days late; the band moves that rest to the customer's early (20th percentile) and late (80th
 * percentile) days late. Everything is read as of the date, so the back-test makes exactly the forecast that date
 * would have made.
 */
@Service
public class CashForecast {

  public static final int WEEKS = 13;
  /** Settlements of the last year say how late a customer pays. */
  static final int HISTORY_DAYS = 365;
  /**
   * How far before that year a settled invoice's earlier movements are read: an invoice with a part payment older than
   * this is left out of the history, which keeps the history one pass over the year's movements. V42's index of the
   * invoices whose movements span longer has it written in.
   */
  static final int EARLIER_MOVEMENT_DAYS = 180;
  /** Back-tests: as of 13 weeks ago (so all 13 weeks have passed), and every 4 weeks before that. */
  static final int BACKTESTS = 4;

  private final NamedParameterJdbcTemplate sql;
  private final Metrics metrics;
  private final Clock clock;

  CashForecast(NamedParameterJdbcTemplate sql, Metrics metrics, Clock clock) {
    this.sql = sql;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** The forecast as of today, back-tested at the default past dates. */
  @Transactional(readOnly = true)
  public Forecast forecast(String currency) {
    LocalDate today = LocalDate.now(clock);
    List<LocalDate> past = new ArrayList<>();
    for (int k = 0; k < BACKTESTS; k++) {
      past.add(today.minusDays(7L * WEEKS + 28L * k));
    }
    return new Forecast(weeks(currency, today), backtest(currency, past, today));
  }

  /** The 13 weeks after {@code asOf}, from what was known at the end of that day. */
  @Transactional(readOnly = true)
  public List<Forecast.Week> weeks(String currency, LocalDate asOf) {
    List<OpenInvoice> open = metrics.openInvoicesAt(currency, asOf);
    Map<Long, BigDecimal> disputed = disputedAt(currency, asOf);
    Map<Long, int[]> lateness = daysLate(currency, asOf);
    Map<Long, List<Dated>> agreed = agreedAt(currency, asOf);
    int[] usual = lateness.getOrDefault(EVERYONE, new int[3]);
    BigDecimal[][] byScenario = new BigDecimal[3][WEEKS];
    for (BigDecimal[] weeks : byScenario) {
      java.util.Arrays.fill(weeks, BigDecimal.ZERO);
    }
    LocalDate first = asOf.plusDays(1);
    for (OpenInvoice invoice : open) {
      BigDecimal left = invoice.open().subtract(disputed.getOrDefault(invoice.invoiceId(), BigDecimal.ZERO));
      for (Dated piece : agreed.getOrDefault(invoice.invoiceId(), List.of())) {
        BigDecimal paid = piece.amount().min(left.max(BigDecimal.ZERO));
        for (BigDecimal[] weeks : byScenario) {
          add(weeks, first, piece.date(), paid);
        }
        left = left.subtract(paid);
      }
      if (left.signum() <= 0) {
        continue;
      }
      int[] late = lateness.getOrDefault(invoice.customerId(), usual);
      for (int s = 0; s < 3; s++) {
        LocalDate expected = invoice.dueDate().plusDays(late[s]);
        add(byScenario[s], first, expected.isBefore(first) ? first : expected, left);
      }
    }
    List<Forecast.Week> weeks = new ArrayList<>();
    for (int w = 0; w < WEEKS; w++) {
      BigDecimal early = byScenario[0][w], usualWeek = byScenario[1][w], lateWeek = byScenario[2][w];
      weeks.add(new Forecast.Week(first.plusWeeks(w), Money.of(usualWeek), Money.of(early.min(usualWeek).min(lateWeek)),
          Money.of(early.max(usualWeek).max(lateWeek))));
    }
    return weeks;
  }

  private static void add(BigDecimal[] weeks, LocalDate first, LocalDate date, BigDecimal amount) {
    long week = ChronoUnit.DAYS.between(first, date) / 7;
    if (!date.isBefore(first) && week < WEEKS) {
      weeks[(int) week] = weeks[(int) week].add(amount);
    }
  }

  /**
   * The forecast made as of each date, compared week by week with the cash (payments, less payments returned) that
   * arrived on the invoices it covered. Only weeks that ended before {@code today} count.
   */
  @Transactional(readOnly = true)
  public Forecast.Backtest backtest(String currency, List<LocalDate> asOfDates, LocalDate today) {
    BigDecimal absoluteErrors = BigDecimal.ZERO, forecastTotal = BigDecimal.ZERO, actualTotal = BigDecimal.ZERO;
    int weeksWithCash = 0;
    for (LocalDate asOf : asOfDates) {
      List<Forecast.Week> predicted = weeks(currency, asOf);
      BigDecimal[] actual = arrived(currency, asOf);
      for (int w = 0; w < WEEKS; w++) {
        if (!predicted.get(w).weekStart().plusDays(6).isBefore(today)) {
          continue;
        }
        BigDecimal forecast = predicted.get(w).expected();
        forecastTotal = forecastTotal.add(forecast);
        actualTotal = actualTotal.add(actual[w]);
        if (actual[w].signum() != 0) {
          absoluteErrors = absoluteErrors.add(forecast.subtract(actual[w]).abs().divide(actual[w].abs(), 10, RoundingMode.HALF_EVEN));
          weeksWithCash++;
        }
      }
    }
    BigDecimal mape = weeksWithCash == 0 ? null
        : absoluteErrors.multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(weeksWithCash), 1, RoundingMode.HALF_EVEN);
    return new Forecast.Backtest(mape, Metrics.percent(forecastTotal.subtract(actualTotal), actualTotal));
  }

  /** Cash per week after {@code asOf} on the invoices open at {@code asOf}. */
  private BigDecimal[] arrived(String currency, LocalDate asOf) {
    BigDecimal[] weeks = new BigDecimal[WEEKS];
    java.util.Arrays.fill(weeks, BigDecimal.ZERO);
    LocalDate first = asOf.plusDays(1);
    sql.query(Metrics.OPEN_AT + """
        select m.on_date, sum(m.amount) as cash from ledger_movement m join open_at o on o.id = m.invoice_id
        where o.open > 0 and m.kind in ('PAYMENT', 'PAYMENT_RETURNED') and m.on_date between :first and :last
        group by 1""", params(currency, asOf).addValue("d", asOf).addValue("first", first).addValue("last", first.plusWeeks(WEEKS).minusDays(1)),
        rs -> {
          add(weeks, first, rs.getDate(1).toLocalDate(), rs.getBigDecimal(2));
        });
    return weeks;
  }

  /** What was in dispute and not resolved at the end of {@code asOf}, per invoice: left out of the forecast. */
  private Map<Long, BigDecimal> disputedAt(String currency, LocalDate asOf) {
    Map<Long, BigDecimal> disputed = new HashMap<>();
    sql.query("""
        select invoice_id, sum(amount) from dispute
        where currency = :currency and (created_at at time zone 'UTC')::date <= :asOf
          and (resolved_at is null or (resolved_at at time zone 'UTC')::date > :asOf)
        group by 1""", params(currency, asOf), rs -> {
      disputed.put(rs.getLong(1), rs.getBigDecimal(2));
    });
    return disputed;
  }

  static final long EVERYONE = -1;

  /**
   * Days late (last movement that settled the invoice − due date) at the 20th, 50th and 80th percentile, per customer
   * over their invoices settled in the year before {@code asOf}; under {@link #EVERYONE}, over all customers' invoices.
   */
  @Transactional(readOnly = true)
  Map<Long, int[]> daysLate(String currency, LocalDate asOf) {
    Map<Long, int[]> late = new HashMap<>();
    // the year's settled invoices (285,000 at a million, 21 MB) are sorted by customer in memory, not in files on disk
    sql.getJdbcTemplate().execute("set local work_mem = '64MB'");
    sql.query("""
        select customer_id,
               percentile_disc(0.2) within group (order by late) as early,
               percentile_disc(0.5) within group (order by late) as usual,
               percentile_disc(0.8) within group (order by late) as late
        from (
          -- settled, and all its movements fall in the window: the invoice's summary (invoice_ledger, V41) is the
          -- window's, read from the narrow index of V42
          select customer_id, last_move - due_date as late from invoice_ledger
          where currency = :currency and moved >= total and last_move > :since and last_move <= :asOf and first_move > :earliest
          union all
          -- it also moved after :asOf, or before the window (then its movements span more than EARLIER_MOVEMENT_DAYS,
          -- which the second line repeats for V42's index): its movements in the window
          select l.customer_id, (select max(m.on_date) - l.due_date from ledger_movement m
                                 where m.invoice_id = l.invoice_id and m.on_date > :earliest and m.on_date <= :asOf
                                 having max(m.on_date) > :since and sum(m.amount) >= l.total)
          from invoice_ledger l
          where l.currency = :currency
            and ((l.last_move > :asOf and l.first_move <= :asOf)
                 or (l.last_move - l.first_move > 180 and l.last_move > :since and l.last_move <= :asOf and l.first_move <= :earliest))
        ) settled
        where late is not null
        group by grouping sets ((customer_id), ())""", params(currency, asOf).addValue("since", asOf.minusDays(HISTORY_DAYS))
        .addValue("earliest", asOf.minusDays(HISTORY_DAYS + EARLIER_MOVEMENT_DAYS)), rs -> {
          long customer = rs.getObject(1) == null ? EVERYONE : rs.getLong(1);
          late.put(customer, new int[] {rs.getInt("early"), rs.getInt("usual"), rs.getInt("late")});
        });
    return late;
  }

  private record Dated(LocalDate date, BigDecimal amount) {}

  /**
   * What the customer agreed to pay after {@code asOf}, as known then, per invoice: the instalments of its latest
   * payment plan, else its latest promise. Cash counts against the earliest of them first.
   */
  private Map<Long, List<Dated>> agreedAt(String currency, LocalDate asOf) {
    Map<Long, List<Dated>> agreed = new HashMap<>();
    sql.query("""
        with plans as (
          select distinct on (p.invoice_id) p.id, p.invoice_id from payment_plan p join invoice i on i.id = p.invoice_id
          where i.currency = :currency and (p.created_at at time zone 'UTC')::date <= :asOf order by p.invoice_id, p.id desc),
        -- every invoice's latest promise, and only those still ahead looked up for their currency: filtered by currency
        -- first, the promises were joined to every invoice of it (a million read for 20,000 promises)
        promises as (
          select distinct on (p.invoice_id) p.invoice_id, p.promised_date, p.amount from promise_to_pay p
          where (p.created_at at time zone 'UTC')::date <= :asOf order by p.invoice_id, p.id desc)
        select plans.invoice_id, n.due_date, n.amount from plans join payment_plan_instalment n on n.plan_id = plans.id
        where n.due_date > :asOf
        union all
        select p.invoice_id, p.promised_date, p.amount from promises p join invoice i on i.id = p.invoice_id
        where i.currency = :currency and p.promised_date > :asOf and p.invoice_id not in (select invoice_id from plans)
        order by 1, 2""", params(currency, asOf), rs -> {
      agreed.computeIfAbsent(rs.getLong(1), i -> new ArrayList<>()).add(new Dated(rs.getDate(2).toLocalDate(), rs.getBigDecimal(3)));
    });
    return agreed;
  }

  private static MapSqlParameterSource params(String currency, LocalDate asOf) {
    return new MapSqlParameterSource("currency", currency).addValue("asOf", asOf);
  }
}
