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
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import settle.common.Money;
import settle.metrics.MetricsReport.Aging;
import settle.metrics.MetricsReport.CadenceResponse;

/**
 * The report figures of docs/metrics.md, each one SQL statement over the ledger. All amounts are in the one currency
 * asked for; a period runs from {@code from} to {@code to}, both days included.
 */
@Service
public class Metrics {

  /** How far back countback DSO walks; receivables older than three years of sales count those months in full. */
  static final int COUNTBACK_MONTHS = 36;

  private final NamedParameterJdbcTemplate sql;
  private final Clock clock;
  private final int promiseGraceDays;

  Metrics(NamedParameterJdbcTemplate sql, Clock clock, @Value("${settle.collections.promise-grace-days}") int promiseGraceDays) {
    this.sql = sql;
    this.clock = clock;
    this.promiseGraceDays = promiseGraceDays;
  }

  /** Everything in the currency over the period. */
  @Transactional(readOnly = true)
  public MetricsReport report(String currency, LocalDate from, LocalDate to) {
    MetricsReport all = by(Grouping.ALL, currency, from, to).getFirst();
    return new MetricsReport(null, all.currency(), from, to, all.dso(), all.dsoCountback(), all.bestPossibleDso(), all.add(),
        all.cei(), all.aging(), all.promiseKeptRate(), all.disputeAgingDays(), all.cadenceResponse());
  }

  /** One report per group, groups in alphabetical order; the whole currency for {@link Grouping#ALL}. */
  @Transactional(readOnly = true)
  public List<MetricsReport> by(Grouping grouping, String currency, LocalDate from, LocalDate to) {
    Map<String, Aging> atEnd = grouping.splitsInvoices() ? openAt(grouping, currency, to) : Map.of();
    Map<String, LedgerTotals> totals = grouping.splitsInvoices() ? totals(grouping, currency, from, to, atEnd) : Map.of();
    Map<String, BigDecimal> countback = grouping.splitsInvoices() ? countbackDso(grouping, currency, to, atEnd) : Map.of();
    Map<String, BigDecimal> promises = promiseKeptRate(grouping, currency, from, to);
    Map<String, BigDecimal> disputes = grouping.splitsInvoices() ? disputeAgingDays(grouping, currency, to) : Map.of();
    Map<String, List<CadenceResponse>> cadence = grouping.splitsInvoices() ? cadenceResponse(grouping, currency, from, to) : Map.of();
    TreeSet<String> groups = new TreeSet<>();
    groups.addAll(totals.keySet());
    groups.addAll(promises.keySet());
    groups.addAll(disputes.keySet());
    groups.addAll(cadence.keySet());
    if (grouping == Grouping.ALL) {
      groups.add("All");
    }
    long days = ChronoUnit.DAYS.between(from, to) + 1;
    List<MetricsReport> reports = new ArrayList<>();
    for (String group : groups) {
      Aging aging = atEnd.getOrDefault(group, grouping.splitsInvoices() ? NO_AGING : null);
      LedgerTotals t = totals.get(group);
      BigDecimal dso = null, best = null, add = null, cei = null;
      if (t != null) {
        dso = days(t.receivablesAtEnd(), t.invoiced(), days);
        best = days(t.notYetDueAtEnd(), t.invoiced(), days);
        add = days(t.receivablesAtEnd().subtract(t.notYetDueAtEnd()), t.invoiced(), days);
        BigDecimal collectible = t.receivablesAtStart().add(t.invoiced());
        cei = percent(collectible.subtract(t.receivablesAtEnd()), collectible.subtract(t.notYetDueAtEnd()));
      }
      // nothing open at the end: no receivables to count back
      BigDecimal countedBack = countback.getOrDefault(group, t == null ? null : BigDecimal.ZERO.setScale(1));
      reports.add(new MetricsReport(group, currency, from, to, dso, countedBack, best, add, cei, aging,
          promises.get(group), disputes.get(group), cadence.getOrDefault(group, grouping.splitsInvoices() ? List.of() : null)));
    }
    return reports;
  }

  private static final BigDecimal ZERO = Money.of(BigDecimal.ZERO);
  private static final Aging NO_AGING = new Aging(ZERO, ZERO, ZERO, ZERO, ZERO);

  /**
   * Each invoice's open amount at the end of :d, for the invoices issued by then: its total as issued less what moved by
   * :d, from the invoice's summary (invoice_ledger, V41). Only an invoice open now or one that moved after :d can have
   * been open at :d, and both are found by a covering index; of those, only one that moved both by and after :d needs
   * its movements read.
   */
  static final String OPEN_AT = """
      with candidate as (
        select * from invoice_ledger
        where currency = :currency and issue_date <= :d and moved <> total and (last_move is null or last_move <= :d)
        union all
        select * from invoice_ledger
        where currency = :currency and issue_date <= :d and last_move > :d),
      open_at as materialized ( -- each invoice's movements read once, however often its open amount is used
        select invoice_id as id, customer_id, due_date,
               total - case when last_move is null or last_move <= :d then moved
                            when first_move > :d then 0
                            else (select sum(m.amount) from ledger_movement m
                                  where m.invoice_id = candidate.invoice_id and m.on_date <= :d) end as open
        from candidate)
      """;

  /**
   * What was open at the end of :d, per due date, for the whole currency: what is open now less what changed after :d
   * (the roll-ups of V41, kept in step with the ledger), so a month back reads a month of changes, not every invoice.
   */
  static final String OPEN_AT_BY_DUE_DATE = """
      with open_at as (
        select due_date, open from receivable_due where currency = :currency
        union all
        select due_date, moved - invoiced from receivable_day where currency = :currency and on_date > :d)
      """;

  /** Open receivables on {@code date} (at the end of that day) by days past due, per group. */
  @Transactional(readOnly = true)
  public Map<String, Aging> openAt(Grouping grouping, String currency, LocalDate date) {
    // the whole currency from the roll-ups; a split needs each invoice and its customer
    String grouped = grouping == Grouping.ALL
        ? OPEN_AT_BY_DUE_DATE + ", grouped as (select 'All' as grp, due_date, open from open_at)"
        : OPEN_AT + ", " + customerGroup(grouping)
            + ", grouped as (select g.grp, o.due_date, o.open from open_at o join customer_group g on g.id = o.customer_id)";
    Map<String, Aging> found = new HashMap<>();
    sql.query(grouped + """
        select grp,
               coalesce(sum(open) filter (where due_date >= :d), 0) as current,
               coalesce(sum(open) filter (where :d - due_date between 1 and 30), 0) as d30,
               coalesce(sum(open) filter (where :d - due_date between 31 and 60), 0) as d60,
               coalesce(sum(open) filter (where :d - due_date between 61 and 90), 0) as d90,
               coalesce(sum(open) filter (where :d - due_date > 90), 0) as older
        from grouped
        where open <> 0
        group by grp""", params(currency).addValue("d", date), rs -> {
      found.put(rs.getString("grp"), new Aging(Money.of(rs.getBigDecimal("current")), Money.of(rs.getBigDecimal("d30")),
          Money.of(rs.getBigDecimal("d60")), Money.of(rs.getBigDecimal("d90")), Money.of(rs.getBigDecimal("older"))));
    });
    return found;
  }

  /** The open amount of each invoice open on {@code date}, for the forecast: id, customer, due date, open. */
  public record OpenInvoice(long invoiceId, long customerId, LocalDate dueDate, BigDecimal open) {}

  @Transactional(readOnly = true)
  public List<OpenInvoice> openInvoicesAt(String currency, LocalDate date) {
    return sql.query(OPEN_AT + "select id, customer_id, due_date, open from open_at where open > 0 order by id",
        params(currency).addValue("d", date), (rs, i) -> new OpenInvoice(rs.getLong("id"), rs.getLong("customer_id"),
            rs.getDate("due_date").toLocalDate(), Money.of(rs.getBigDecimal("open"))));
  }

  /** Receivables at the start and end, invoiced and day-one acceptance of the period, per group. */
  private Map<String, LedgerTotals> totals(Grouping grouping, String currency, LocalDate from, LocalDate to, Map<String, Aging> atEnd) {
    Map<String, Aging> atStart = openAt(grouping, currency, from.minusDays(1));
    Map<String, BigDecimal[]> issued = new HashMap<>();
    Map<String, long[]> accepted = new HashMap<>();
    sql.query(issued(grouping) + """
        select grp, sum(total) as invoiced, sum(invoices) as n, sum(accepted) as accepted from issued
        where issue_date between :from and :to
        group by 1""", params(currency).addValue("from", from).addValue("to", to), rs -> {
      issued.put(rs.getString("grp"), new BigDecimal[] {Money.of(rs.getBigDecimal("invoiced"))});
      accepted.put(rs.getString("grp"), new long[] {rs.getLong("n"), rs.getLong("accepted")});
    });
    TreeSet<String> groups = new TreeSet<>(issued.keySet());
    groups.addAll(atStart.keySet());
    groups.addAll(atEnd.keySet());
    if (grouping == Grouping.ALL) {
      groups.add("All");
    }
    Map<String, LedgerTotals> totals = new HashMap<>();
    for (String g : groups) {
      Aging end = atEnd.getOrDefault(g, NO_AGING);
      long[] a = accepted.getOrDefault(g, new long[2]);
      totals.put(g, new LedgerTotals(atStart.getOrDefault(g, NO_AGING).total(), issued.getOrDefault(g, new BigDecimal[] {ZERO})[0],
          end.total(), end.current(), a[0], a[1]));
    }
    return totals;
  }

  /** The ledger amounts behind the ratios, for the whole currency: what the reports page shows beside them. */
  @Transactional(readOnly = true)
  public LedgerTotals totals(String currency, LocalDate from, LocalDate to) {
    return totals(Grouping.ALL, currency, from, to, openAt(Grouping.ALL, currency, to)).get("All");
  }

  /**
   * The invoices issued, as {@code issued(grp, issue_date, total, invoices, accepted)} with totals as issued and how many
   * had no dispute raised in their first 10 days: for the whole currency from the issue days of the roll-up (V41), one
   * row a day and due date; for a split, each invoice's summary (V41: its total as issued, without looking its
   * adjustments up) with its customer's group.
   */
  private static String issued(Grouping grouping) {
    return grouping == Grouping.ALL ? """
        with issued as (
          select 'All' as grp, on_date as issue_date, invoiced as total, invoices, accepted from receivable_day
          where currency = :currency and invoices > 0)
        """ : """
        with %s,
        issued as (
          select g.grp, i.issue_date, i.total, 1 as invoices,
                 case when exists (select 1 from dispute x where x.invoice_id = i.invoice_id
                                   and (x.created_at at time zone 'UTC')::date <= i.issue_date + 10) then 0 else 1 end as accepted
          from invoice_ledger i join customer_group g on g.id = i.customer_id
          where i.currency = :currency)
        """.formatted(customerGroup(grouping));
  }

  /**
   * {@code customer_group(id, grp)}: each customer's group, worked out once per customer rather than once for each of
   * their invoices (a customer's segment is a look-up of their latest dunning step).
   */
  private static String customerGroup(Grouping grouping) {
    return "customer_group as materialized (select c.id, %s as grp from customer c)".formatted(grouping.ofCustomer);
  }

  /**
   * Countback DSO, calendar months: receivables at the end are matched against each month's invoiced amount, the
   * month of {@code to} first (its days up to {@code to}), then the months before; every month fully absorbed counts
   * all its days, the last one the absorbed fraction of its days.
   */
  private Map<String, BigDecimal> countbackDso(Grouping grouping, String currency, LocalDate to, Map<String, Aging> atEnd) {
    Map<String, Map<LocalDate, BigDecimal>> sales = new HashMap<>();
    LocalDate lastMonth = to.withDayOfMonth(1);
    sql.query(issued(grouping) + """
        select grp, date_trunc('month', issue_date)::date as month, sum(total) as invoiced from issued
        where issue_date between :since and :to
        group by 1, 2""",
        params(currency).addValue("since", lastMonth.minusMonths(COUNTBACK_MONTHS - 1)).addValue("to", to), rs -> {
          sales.computeIfAbsent(rs.getString("grp"), g -> new HashMap<>())
              .put(rs.getDate("month").toLocalDate(), rs.getBigDecimal("invoiced"));
        });
    Map<String, BigDecimal> dso = new HashMap<>();
    atEnd.forEach((group, aging) -> {
      BigDecimal left = aging.total();
      BigDecimal days = BigDecimal.ZERO;
      Map<LocalDate, BigDecimal> bySales = sales.getOrDefault(group, Map.of());
      for (int back = 0; back < COUNTBACK_MONTHS && left.signum() > 0; back++) {
        LocalDate month = lastMonth.minusMonths(back);
        int monthDays = back == 0 ? to.getDayOfMonth() : month.lengthOfMonth();
        BigDecimal invoiced = bySales.getOrDefault(month, BigDecimal.ZERO);
        if (left.compareTo(invoiced) >= 0) {
          days = days.add(BigDecimal.valueOf(monthDays));
          left = left.subtract(invoiced);
        } else {
          days = days.add(left.multiply(BigDecimal.valueOf(monthDays)).divide(invoiced, 10, RoundingMode.HALF_EVEN));
          left = BigDecimal.ZERO;
        }
      }
      dso.put(group, days.setScale(1, RoundingMode.HALF_EVEN));
    });
    return dso;
  }

  /**
   * Promises whose deadline (promised date plus grace) fell in the period, up to yesterday: kept when cash — payments
   * not returned by the deadline, never credit — of at least the promised amount arrived from the day of the promise
   * to the deadline. A superseded promise is not counted; the one that replaced it is.
   */
  private Map<String, BigDecimal> promiseKeptRate(Grouping grouping, String currency, LocalDate from, LocalDate to) {
    LocalDate lastDeadline = to.isBefore(LocalDate.now(clock)) ? to : LocalDate.now(clock).minusDays(1);
    Map<String, BigDecimal> rates = new HashMap<>();
    sql.query("""
        select grp, count(*) as due, count(*) filter (where cash >= amount) as kept
        from (select %s as grp, p.amount,
                     coalesce((select sum(pm.amount) from payment pm where pm.invoice_id = p.invoice_id
                               and pm.value_date between (p.created_at at time zone 'UTC')::date and p.promised_date + :grace
                               and (pm.reversed_at is null or (pm.reversed_at at time zone 'UTC')::date > p.promised_date + :grace)), 0) as cash
              from promise_to_pay p join invoice i on i.id = p.invoice_id join customer c on c.id = i.customer_id
              where i.currency = :currency and p.status <> 'SUPERSEDED'
                and p.promised_date + :grace between :from and :to) promised
        group by grp""".formatted(grouping.ofPromise),
        params(currency).addValue("grace", promiseGraceDays).addValue("from", from).addValue("to", lastDeadline),
        rs -> {
          rates.put(rs.getString("grp"), percent(BigDecimal.valueOf(rs.getLong("kept")), BigDecimal.valueOf(rs.getLong("due"))));
        });
    return rates;
  }

  /** The average age in days, at the end of {@code to}, of the disputes open then. */
  private Map<String, BigDecimal> disputeAgingDays(Grouping grouping, String currency, LocalDate to) {
    Map<String, BigDecimal> ages = new HashMap<>();
    sql.query("""
        select %s as grp, avg(:to - (x.created_at at time zone 'UTC')::date) as age
        from dispute x join customer c on c.id = x.customer_id
        where x.currency = :currency and (x.created_at at time zone 'UTC')::date <= :to
          and (x.resolved_at is null or (x.resolved_at at time zone 'UTC')::date > :to)
        group by 1""".formatted(grouping.ofCustomer), params(currency).addValue("to", to), rs -> {
      ages.put(rs.getString("grp"), rs.getBigDecimal("age").setScale(1, RoundingMode.HALF_EVEN));
    });
    return ages;
  }

  /** Disputes raised in the period by reason and root cause: how many, and for how much. */
  public record DisputeCount(String reason, String rootCause, long disputes, BigDecimal amount) {}

  @Transactional(readOnly = true)
  public List<DisputeCount> disputesByReason(String currency, LocalDate from, LocalDate to) {
    return sql.query("""
        select reason_code, coalesce(root_cause, '') as root_cause, count(*) as n, sum(amount) as amount from dispute
        where currency = :currency and (created_at at time zone 'UTC')::date between :from and :to
        group by 1, 2 order by 3 desc, 1, 2""", params(currency).addValue("from", from).addValue("to", to),
        (rs, i) -> new DisputeCount(rs.getString(1), rs.getString(2), rs.getLong(3), Money.of(rs.getBigDecimal(4))));
  }

  /**
   * Reminder steps taken in the period, per template: the share whose invoice received cash in the 3, 7 and 14 days
   * after the step's day (a payment dated the step's day was on its way before the reminder), and the share of
   * announced steps (heads-up sent) that someone held or snoozed.
   */
  private Map<String, List<CadenceResponse>> cadenceResponse(Grouping grouping, String currency, LocalDate from, LocalDate to) {
    Map<String, List<CadenceResponse>> found = new TreeMap<>();
    sql.query("""
        select %s as grp, coalesce(s.template, lower(s.action)) as template,
               count(*) filter (where s.status = 'SENT') as sent,
               count(*) filter (where s.status = 'SENT' and paid_after <= 3) as paid3,
               count(*) filter (where s.status = 'SENT' and paid_after <= 7) as paid7,
               count(*) filter (where s.status = 'SENT' and paid_after <= 14) as paid14,
               count(*) filter (where s.heads_up and s.status not in ('PLANNED', 'SKIPPED_LATE')) as announced,
               count(*) filter (where s.heads_up and s.status in ('HELD', 'SNOOZED')) as held
        from dunning_step s join invoice i on i.id = s.invoice_id join customer c on c.id = i.customer_id
        cross join lateral (select min(pm.value_date) - s.action_date as paid_after from payment pm
                            where pm.invoice_id = s.invoice_id and pm.reversed_at is null and pm.value_date > s.action_date) paid
        where i.currency = :currency and s.action_date between :from and :to
        group by 1, 2 order by 1, 2""".formatted(grouping.ofCustomer), params(currency).addValue("from", from).addValue("to", to), rs -> {
      BigDecimal sent = BigDecimal.valueOf(rs.getLong("sent"));
      found.computeIfAbsent(rs.getString("grp"), g -> new ArrayList<>()).add(new CadenceResponse(rs.getString("template"),
          rs.getLong("sent"), percent(BigDecimal.valueOf(rs.getLong("paid3")), sent), percent(BigDecimal.valueOf(rs.getLong("paid7")), sent),
          percent(BigDecimal.valueOf(rs.getLong("paid14")), sent),
          percent(BigDecimal.valueOf(rs.getLong("held")), BigDecimal.valueOf(rs.getLong("announced")))));
    });
    return found;
  }

  /** Share of the invoices issued in the period with no dispute raised in their first 10 days, in percent. */
  public static BigDecimal dayOneAcceptance(LedgerTotals totals) {
    return percent(BigDecimal.valueOf(totals.acceptedOnDayOne()), BigDecimal.valueOf(totals.invoicesIssued()));
  }

  /** The currencies anything was ever invoiced in, the most used first. */
  @Transactional(readOnly = true)
  public List<String> currencies() {
    return sql.getJdbcTemplate().queryForList("select currency from invoice group by currency order by count(*) desc, currency", String.class);
  }

  /** The totals as issued of the invoices issued in the period, per group. */
  @Transactional(readOnly = true)
  public Map<String, BigDecimal> invoiced(Grouping grouping, String currency, LocalDate from, LocalDate to) {
    Map<String, BigDecimal> found = new HashMap<>();
    sql.query("""
        select %s as grp, sum(i.total) from invoice_as_issued i join customer c on c.id = i.customer_id
        where i.currency = :currency and i.issue_date between :from and :to group by 1""".formatted(grouping.ofCustomer),
        params(currency).addValue("from", from).addValue("to", to), rs -> {
          found.put(rs.getString(1), Money.of(rs.getBigDecimal(2)));
        });
    return found;
  }

  /** The segments the collection cadence has placed customers in. */
  @Transactional(readOnly = true)
  public List<String> segments() {
    return sql.getJdbcTemplate().queryForList("select distinct segment from dunning_step order by 1", String.class);
  }

  private static MapSqlParameterSource params(String currency) {
    return new MapSqlParameterSource("currency", currency);
  }

  /** amount ÷ invoiced × days, one decimal; null when nothing was invoiced. */
  static BigDecimal days(BigDecimal amount, BigDecimal invoiced, long days) {
    return invoiced.signum() == 0 ? null
        : amount.multiply(BigDecimal.valueOf(days)).divide(invoiced, 1, RoundingMode.HALF_EVEN);
  }

  /** part ÷ whole × 100, one decimal; null when the whole is zero. */
  static BigDecimal percent(BigDecimal part, BigDecimal whole) {
    return whole.signum() == 0 ? null : part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_EVEN);
  }
}
