package settle.observability.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Outbox depth and lag, and open tasks per candidate group, as gauges. A scrape only reads the last values: they are
 * refreshed by one query every {@code settle.observability.backlog-refresh} (5 s), however often Prometheus asks and
 * however many replicas there are.
 *
 * <p>Lag is the age of the oldest unsent row. The mail outbox stamps a mail with business time, so in embedded mode,
 * after the demo clock was moved ahead, a mail's lag reads 0 until real time catches up.
 */
@Component
class BacklogGauges {

  static final String OUTBOX_DEPTH = "settle.outbox.depth";
  static final String OUTBOX_LAG = "settle.outbox.lag";
  static final String TASKS_OPEN = "settle.tasks.open";

  private static final String QUERY = """
      select 'outbox' as kind, 'engine' as name, count(*) as count,
             coalesce(extract(epoch from greatest(now() - min(created_at), interval '0')), 0) as lag
        from engine_outbox where sent_at is null
      union all
      select 'outbox', 'mail', count(*), coalesce(extract(epoch from greatest(now() - min(created_at), interval '0')), 0)
        from mail_outbox where sent_at is null
      union all
      select 'tasks', grp, count(*), 0
        from task, unnest(string_to_array(candidate_groups, ',')) as grp
       where status = 'OPEN' and grp <> '' group by grp""";

  private final JdbcTemplate jdbc;
  private final MeterRegistry registry;
  private final Map<String, AtomicLong> depth = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> lagMillis = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> openTasks = new ConcurrentHashMap<>();

  BacklogGauges(JdbcTemplate jdbc, MeterRegistry registry) {
    this.jdbc = jdbc;
    this.registry = registry;
    for (String outbox : new String[] {"engine", "mail"}) {
      Gauge.builder(OUTBOX_DEPTH, depth.computeIfAbsent(outbox, o -> new AtomicLong()), AtomicLong::get)
          .description("Rows waiting in the outbox (sent_at is null)").tag("outbox", outbox).register(registry);
      Gauge.builder(OUTBOX_LAG, lagMillis.computeIfAbsent(outbox, o -> new AtomicLong()), millis -> millis.get() / 1000.0)
          .description("Age of the oldest row waiting in the outbox").baseUnit("seconds").tag("outbox", outbox).register(registry);
    }
  }

  @Scheduled(fixedDelayString = "${settle.observability.backlog-refresh:5s}")
  void refresh() {
    Map<String, Long> tasks = new HashMap<>();
    jdbc.query(QUERY, rs -> {
      String name = rs.getString("name");
      if ("outbox".equals(rs.getString("kind"))) {
        depth.get(name).set(rs.getLong("count"));
        lagMillis.get(name).set(Math.round(rs.getDouble("lag") * 1000));
      } else {
        tasks.put(name, rs.getLong("count"));
      }
    });
    // a group seen once stays, at 0 when its inbox is empty, so a dashboard shows the drop rather than a gap
    tasks.keySet().forEach(group -> openTasks.computeIfAbsent(group, g -> {
      AtomicLong count = new AtomicLong();
      Gauge.builder(TASKS_OPEN, count, AtomicLong::get).description("Open tasks, by candidate group")
          .tag("group", g).register(registry);
      return count;
    }));
    openTasks.forEach((group, count) -> count.set(tasks.getOrDefault(group, 0L)));
  }
}
