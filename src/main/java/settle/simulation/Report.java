package settle.simulation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;
import settle.common.Doubles;

/** The simulation's outputs: report.html (charts as inline SVG, nothing fetched), simulation.json, and the last line. */
public final class Report {

  /** A figure over the runs: the mean and its 95 % interval (Student's t; none for one run). */
  public record Interval(double mean, Double low, Double high) {
    static Interval of(List<Double> values) {
      List<Double> v = values.stream().filter(x -> x != null && !x.isNaN()).toList();
      if (v.isEmpty()) {
        return new Interval(Double.NaN, null, null);
      }
      double mean = Doubles.mean(v, x -> x, 0);
      if (v.size() < 2) {
        return new Interval(mean, null, null);
      }
      double var = Doubles.sum(v, x -> (x - mean) * (x - mean)) / (v.size() - 1);
      double half = T95[Math.min(v.size() - 1, T95.length - 1)] * Math.sqrt(var / v.size());
      return new Interval(mean, mean - half, mean + half);
    }
  }

  /** Student's t at 97.5 % by degrees of freedom (index), 1.96 beyond the table. */
  private static final double[] T95 = {Double.NaN, 12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
      2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.0, 1.96};

  /** The figures compared, in the report's order, with how each reads from a run. */
  static final Map<String, Doubles.Figure<RunFigures>> METRICS = new LinkedHashMap<>();

  static {
    METRICS.put("dso", r -> d(r.dso()));
    METRICS.put("dsoCountback", r -> d(r.dsoCountback()));
    METRICS.put("cei", r -> d(r.cei()));
    METRICS.put("lateShare", RunFigures::lateShare);
    METRICS.put("mailsPerInvoice", RunFigures::mailsPerInvoice);
    METRICS.put("callsPerInvoice", RunFigures::callsPerInvoice);
    METRICS.put("tasksPerInvoice", RunFigures::tasksPerInvoice);
    METRICS.put("collectorHours", RunFigures::collectorHours);
    METRICS.put("disputes", r -> r.disputes());
    METRICS.put("holds", r -> r.holds());
    METRICS.put("escalations", r -> r.escalations());
    METRICS.put("handedOver", r -> r.handedOver());
    METRICS.put("writtenOff", r -> r.writtenOff().doubleValue());
    METRICS.put("promiseKeptRate", r -> d(r.promiseKeptRate()));
    METRICS.put("cashCollected", r -> Doubles.sum(r.cashPerWeek(), BigDecimal::doubleValue));
  }

  private static final Map<String, String> WORDS = Map.ofEntries(
      Map.entry("dso", "DSO, standard (days)"), Map.entry("dsoCountback", "DSO, countback (days)"),
      Map.entry("cei", "Collection effectiveness (CEI, %)"), Map.entry("lateShare", "Invoices not paid by their due date"),
      Map.entry("mailsPerInvoice", "Mails to customers per invoice"), Map.entry("callsPerInvoice", "Collector calls per invoice"),
      Map.entry("tasksPerInvoice", "Tasks per invoice"), Map.entry("collectorHours", "Staff hours on tasks"),
      Map.entry("disputes", "Disputes raised"), Map.entry("holds", "Reminders held by account owners"),
      Map.entry("escalations", "Escalations to a manager"), Map.entry("handedOver", "Invoices handed to agency or legal"),
      Map.entry("writtenOff", "Written off (EUR)"), Map.entry("promiseKeptRate", "Promises kept (%)"),
      Map.entry("cashCollected", "Cash collected (EUR)"));

  private Report() {}

  private static double d(BigDecimal value) {
    return value == null ? Double.NaN : value.doubleValue();
  }

  /** Each figure over the runs; none of them can be negative, so neither can its interval (few runs make wide ones). */
  public static Map<String, Interval> summary(List<RunFigures> runs) {
    Map<String, Interval> out = new LinkedHashMap<>();
    METRICS.forEach((name, f) -> {
      Interval i = Interval.of(runs.stream().map(r -> f.of(r)).toList());
      out.put(name, i.low() == null ? i : new Interval(i.mean(), Math.max(0, i.low()), i.high()));
    });
    return out;
  }

  /** Candidate minus current, run by run (the same seed, so the same customers and draws). */
  public static Map<String, Interval> difference(List<RunFigures> baseline, List<RunFigures> candidate) {
    Map<String, Interval> out = new LinkedHashMap<>();
    METRICS.forEach((name, f) -> {
      List<Double> diffs = new ArrayList<>();
      for (int i = 0; i < Math.min(baseline.size(), candidate.size()); i++) {
        diffs.add(f.of(candidate.get(i)) - f.of(baseline.get(i)));
      }
      out.put(name, Interval.of(diffs));
    });
    return out;
  }

  /** The calibration check as printed before any what-if. */
  public static String calibrationText(Simulator.CalibrationCheck c) {
    String verdict = c.above5Percent()
        ? "ABOVE 5 %: the simulation does not reproduce the history closely enough; read any what-if with care.\n"
        : "Within 5 %.\n";
    return String.format(Locale.ROOT, "Calibration check (current policy over the history's period):%n"
            + "  DSO (mean of monthly standard DSO): history %.1f days, simulated %.1f days, error %.1f %%%n"
            + "  late share: history %.1f %%, simulated %.1f %%, error %.1f %%%n  %s",
        c.historyDso(), c.simulatedDso(), 100 * c.dsoError(), 100 * c.historyLateShare(), 100 * c.simulatedLateShare(),
        100 * c.lateShareError(), verdict);
  }

  /** The single last line for scripts. */
  public static String lastLine(Simulator.Result result) throws IOException {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("baseline", headline(result.baseline(), result.calibration() == null ? null : result.calibration().dsoError()));
    if (result.candidate() != null) {
      line.put("candidate", headline(result.candidate(), null));
    }
    return new ObjectMapper().writeValueAsString(line);
  }

  private static Map<String, Object> headline(Simulator.PolicyResult policy, Double calibrationError) {
    Map<String, Interval> s = summary(policy.runs());
    Map<String, Object> out = new LinkedHashMap<>();
    for (String name : List.of("dso", "dsoCountback", "cei", "mailsPerInvoice", "callsPerInvoice")) {
      double mean = s.get(name).mean();
      out.put(name, Double.isNaN(mean) ? null : Math.round(mean * 1000) / 1000.0);
    }
    out.put("calibrationError", calibrationError == null ? null : Math.round(calibrationError * 10000) / 10000.0);
    return out;
  }

  public static Path write(Simulator.Result result, Path folder) throws IOException {
    Files.createDirectories(folder);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("options", result.options());
    json.put("model", result.model());
    json.put("calibration", result.calibration());
    json.put("baseline", Map.of("runs", result.baseline().runs(), "summary", summary(result.baseline().runs())));
    if (result.candidate() != null) {
      json.put("candidate", Map.of("runs", result.candidate().runs(), "summary", summary(result.candidate().runs())));
      json.put("difference", difference(result.baseline().runs(), result.candidate().runs()));
    }
    json.put("seconds", result.seconds());
    json.put("engineInstances", result.instances());
    json.put("peakHeapBytes", result.peakHeapBytes());
    ObjectMapper mapper = new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(SerializationFeature.INDENT_OUTPUT);
    // paths are written as text, not as Jackson's view of a Path
    json.put("options", Map.of("customers", result.options().customers(), "days", result.options().days(),
        "seed", result.options().seed(), "runs", result.options().runs(),
        "history", String.valueOf(result.options().history()), "policy", String.valueOf(result.options().policy()),
        "compare", String.valueOf(result.options().compare())));
    Files.writeString(folder.resolve("simulation.json"), mapper.writeValueAsString(json), StandardCharsets.UTF_8);
    Files.writeString(folder.resolve("report.html"), html(result), StandardCharsets.UTF_8);
    return folder;
  }

  static String html(Simulator.Result r) {
    StringBuilder h = new StringBuilder();
    Simulator.Options o = r.options();
    RunFigures first = r.baseline().runs().getFirst();
    h.append("""
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Policy simulation</title><style>
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:980px;color:#1f2933;padding:0 1rem}
        h1{margin-bottom:.2rem} .sub{color:#52606d;margin-top:0} table{border-collapse:collapse;margin:1rem 0;width:100%}
        th,td{padding:.4rem .6rem;border-bottom:1px solid #e4e7eb;text-align:right} th:first-child,td:first-child{text-align:left}
        thead th{background:#f5f7fa} .warn{background:#fff3c4;border-left:4px solid #f0b429;padding:.6rem 1rem}
        .ok{background:#e3f9e5;border-left:4px solid #3ebd93;padding:.6rem 1rem} .note{color:#52606d;font-size:.9rem}
        .charts{display:grid;grid-template-columns:1fr;gap:1.5rem} pre{background:#f5f7fa;padding:1rem;overflow-x:auto;font-size:.85rem}
        svg text{font-size:11px;fill:#52606d}
        </style></head><body>
        <h1>Policy simulation</h1>
        """);
    h.append("<p class=\"sub\">");
    if (o.history() != null) {
      // the history's own dates are not the simulation's (its clock only moves forward): the length is what compares
      h.append(String.format(Locale.ROOT, "%d customers and %,d invoices from the payment history, its %d days run through the "
              + "real processes and tables", first.customers(), first.invoices(), java.time.temporal.ChronoUnit.DAYS.between(first.from(), first.to()) + 1));
    } else {
      h.append(String.format(Locale.ROOT, "%,d customers over %d days (%s to %s), %,d invoices per run", first.customers(),
          o.days(), settle.common.Dates.day(first.from()), settle.common.Dates.day(first.to()), first.invoices()));
    }
    h.append(String.format(Locale.ROOT, "; %d run%s from seed %d; finished in %.0f s.</p>", o.runs(), o.runs() == 1 ? "" : "s",
        o.seed(), r.seconds()));

    h.append("<h2>Calibration check</h2>");
    if (r.calibration() == null) {
      h.append("<p class=\"warn\">Not calibrated: no payment history was given, so customers follow the model's assumptions "
          + "(below). Compare the policies with each other, not with your ledger.</p>");
    } else {
      Simulator.CalibrationCheck c = r.calibration();
      h.append("<table><thead><tr><th></th><th>History</th><th>Simulated, current policy</th><th>Error</th></tr></thead><tbody>");
      h.append(String.format(Locale.ROOT, "<tr><td>DSO (mean of the months, days)</td><td>%.1f</td><td>%.1f</td><td>%.1f %%</td></tr>",
          c.historyDso(), c.simulatedDso(), 100 * c.dsoError()));
      h.append(String.format(Locale.ROOT, "<tr><td>Invoices not paid by their due date</td><td>%.1f %%</td><td>%.1f %%</td><td>%.1f %%</td></tr>",
          100 * c.historyLateShare(), 100 * c.simulatedLateShare(), 100 * c.lateShareError()));
      h.append("</tbody></table>");
      h.append(c.above5Percent()
          ? "<p class=\"warn\"><strong>The error is above 5 %.</strong> The simulation does not reproduce the history closely "
              + "enough; read the comparison below with care.</p>"
          : "<p class=\"ok\">Both errors are within 5 %: the simulation reproduces the history's DSO and late payments.</p>");
    }

    Map<String, Interval> base = summary(r.baseline().runs());
    Map<String, Interval> cand = r.candidate() == null ? null : summary(r.candidate().runs());
    Map<String, Interval> diff = r.candidate() == null ? null : difference(r.baseline().runs(), r.candidate().runs());
    h.append("<h2>").append(r.candidate() == null ? "Results" : "Current policy and candidate").append("</h2>");
    if (o.runs() > 1) {
      h.append("<p class=\"note\">Each figure is the mean over the runs with its 95 % interval in brackets.</p>");
    }
    h.append("<table><thead><tr><th></th><th>Current policy</th>");
    if (cand != null) {
      h.append("<th>Candidate policy</th><th>Difference</th>");
    }
    h.append("</tr></thead><tbody>");
    for (String name : METRICS.keySet()) {
      h.append("<tr><td>").append(WORDS.get(name)).append("</td><td>").append(cell(name, base.get(name))).append("</td>");
      if (cand != null) {
        h.append("<td>").append(cell(name, cand.get(name))).append("</td><td>").append(signed(name, diff.get(name))).append("</td>");
      }
      h.append("</tr>");
    }
    h.append("</tbody></table>");
    if (r.candidate() != null) {
      boolean same = r.baseline().runs().stream().map(RunFigures::populationFingerprint).toList()
          .equals(r.candidate().runs().stream().map(RunFigures::populationFingerprint).toList());
      h.append(same ? "<p class=\"note\">Both policies met the same customers with the same invoices and the same choices.</p>"
          : "<p class=\"warn\">The two policies did not meet the same population; the difference is not the policy's alone.</p>");
    }

    h.append("<h2>Charts</h2><div class=\"charts\">");
    h.append(charts(r.baseline().runs(), r.candidate() == null ? null : r.candidate().runs(),
        r.calibration() == null ? null : r.calibration().history().monthlyDso()));
    h.append("</div>");

    h.append("<h2>How the customers behave</h2><table><thead><tr><th></th><th>Value</th><th>Set by</th></tr></thead><tbody>");
    for (String[] row : r.parameters()) {
      h.append("<tr><td>").append(HtmlUtils.htmlEscape(row[0])).append("</td><td>").append(HtmlUtils.htmlEscape(row[1]))
          .append("</td><td>").append(row[2]).append("</td></tr>");
    }
    h.append("</tbody></table>");
    h.append("</body></html>\n");
    return h.toString();
  }

  /**
   * The report's charts as inline SVG: cash per week, DSO per month (when the period holds more than one whole month)
   * and contacts per invoice; {@code candidate} and {@code historyDso} may be null.
   */
  public static String charts(List<RunFigures> baseline, List<RunFigures> candidate, List<BigDecimal> historyDso) {
    StringBuilder h = new StringBuilder();
    Map<String, List<Double>> cash = new LinkedHashMap<>();
    cash.put("Current policy", weekly(baseline));
    if (candidate != null) {
      cash.put("Candidate policy", weekly(candidate));
    }
    h.append(lineChart("Cash collected per week (EUR)", "week", cash));
    Map<String, List<Double>> dso = new LinkedHashMap<>();
    if (historyDso != null) {
      dso.put("History", historyDso.stream().map(Report::orNaN).toList());
    }
    dso.put("Current policy", monthly(baseline));
    if (candidate != null) {
      dso.put("Candidate policy", monthly(candidate));
    }
    if (dso.values().stream().anyMatch(v -> v.size() > 1)) {
      h.append(lineChart("DSO per month (days)", "month", dso));
    }
    Map<String, Interval> base = summary(baseline);
    Map<String, double[]> contact = new LinkedHashMap<>();
    contact.put("Current policy", new double[] {base.get("mailsPerInvoice").mean(), base.get("callsPerInvoice").mean(),
        base.get("tasksPerInvoice").mean()});
    if (candidate != null) {
      Map<String, Interval> cand = summary(candidate);
      contact.put("Candidate policy", new double[] {cand.get("mailsPerInvoice").mean(), cand.get("callsPerInvoice").mean(),
          cand.get("tasksPerInvoice").mean()});
    }
    h.append(barChart("Contacts per invoice", List.of("Mails", "Calls", "Tasks"), contact));
    return h.toString();
  }

  /**
   * One figure as a page shows it: its name in words, and each column's value with its 95 % interval ("12.1 to 14.3",
   * null for a single run). The candidate's columns are null without a candidate.
   */
  public record FigureRow(String key, String name, String current, String currentInterval, String candidate,
                          String candidateInterval, String difference, String differenceInterval) {}

  /** The table of figures, in the report's order: current policy, and with a candidate, the candidate and the difference. */
  public static List<FigureRow> figureRows(List<RunFigures> baseline, List<RunFigures> candidate) {
    Map<String, Interval> base = summary(baseline);
    Map<String, Interval> cand = candidate == null ? null : summary(candidate);
    Map<String, Interval> diff = candidate == null ? null : difference(baseline, candidate);
    List<FigureRow> rows = new ArrayList<>();
    for (String name : METRICS.keySet()) {
      Interval b = base.get(name);
      Interval c = cand == null ? null : cand.get(name);
      Interval d = diff == null ? null : diff.get(name);
      rows.add(new FigureRow(name, WORDS.get(name), number(name, b.mean()), interval(name, b),
          c == null ? null : number(name, c.mean()), c == null ? null : interval(name, c),
          d == null ? null : (d.mean() > 0 ? "+" : "") + number(name, d.mean()), d == null ? null : interval(name, d)));
    }
    return rows;
  }

  private static String interval(String name, Interval i) {
    return i.low() == null ? null : number(name, i.low()) + " to " + number(name, i.high());
  }

  /** What {@link #write} left in a folder, read back: the settings and every run's figures ({@code candidate} may be null). */
  public record Stored(int customers, int days, long seed, int runs, List<RunFigures> baseline, List<RunFigures> candidate,
                       double seconds) {

    /** Whether both policies met the same customers with the same invoices (the population digests agree run by run). */
    public boolean samePopulation() {
      return candidate != null && baseline.stream().map(RunFigures::populationFingerprint).toList()
          .equals(candidate.stream().map(RunFigures::populationFingerprint).toList());
    }
  }

  public static Stored read(Path folder) throws IOException {
    ObjectMapper mapper = new ObjectMapper().findAndRegisterModules()
        .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    com.fasterxml.jackson.databind.JsonNode json = mapper.readTree(folder.resolve("simulation.json").toFile());
    com.fasterxml.jackson.databind.JavaType runs = mapper.getTypeFactory().constructCollectionType(List.class, RunFigures.class);
    com.fasterxml.jackson.databind.JsonNode options = json.path("options");
    List<RunFigures> baseline = mapper.convertValue(json.path("baseline").path("runs"), runs);
    List<RunFigures> candidate = json.has("candidate") ? mapper.convertValue(json.path("candidate").path("runs"), runs) : null;
    return new Stored(options.path("customers").asInt(), options.path("days").asInt(), options.path("seed").asLong(),
        options.path("runs").asInt(), baseline, candidate, json.path("seconds").asDouble());
  }

  private static double orNaN(BigDecimal v) {
    return v == null ? Double.NaN : v.doubleValue();
  }

  private static List<Double> weekly(List<RunFigures> runs) {
    int n = runs.getFirst().cashPerWeek().size();
    List<Double> mean = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int w = i;
      mean.add(Doubles.mean(runs, rf -> rf.cashPerWeek().get(w).doubleValue(), 0));
    }
    return mean;
  }

  private static List<Double> monthly(List<RunFigures> runs) {
    int n = runs.getFirst().monthlyDso().size();
    List<Double> mean = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int m = i;
      mean.add(Doubles.mean(runs, rf -> orNaN(rf.monthlyDso().get(m)), Double.NaN));
    }
    return mean;
  }

  private static String number(String name, double v) {
    if (Double.isNaN(v)) {
      return "–";
    }
    return switch (name) {
      case "lateShare" -> String.format(Locale.ROOT, "%.1f %%", 100 * v);
      case "writtenOff", "cashCollected" -> String.format(Locale.ROOT, "%,.0f", v);
      case "disputes", "holds", "escalations", "handedOver" -> String.format(Locale.ROOT, "%.1f", v).replaceAll("\\.0$", "");
      case "mailsPerInvoice", "callsPerInvoice", "tasksPerInvoice" -> String.format(Locale.ROOT, "%.2f", v);
      default -> String.format(Locale.ROOT, "%.1f", v);
    };
  }

  private static String cell(String name, Interval i) {
    String mean = number(name, i.mean());
    return i.low() == null ? mean : mean + " <span class=\"note\">(" + number(name, i.low()) + " to " + number(name, i.high()) + ")</span>";
  }

  private static String signed(String name, Interval i) {
    String mean = (i.mean() > 0 ? "+" : "") + number(name, i.mean());
    return i.low() == null ? mean : mean + " <span class=\"note\">(" + number(name, i.low()) + " to " + number(name, i.high()) + ")</span>";
  }

  private static final String[] COLOURS = {"#2680c2", "#f0b429", "#3ebd93", "#ba2525"};

  /** A line per series over a shared x axis (index 1..n), y from 0. */
  static String lineChart(String title, String unit, Map<String, List<Double>> series) {
    int w = 900, hgt = 260, left = 70, right = 50, top = 30, bottom = 40;
    int n = series.values().stream().mapToInt(List::size).max().orElse(0);
    double max = largest(series.values().stream().flatMap(List::stream).toList());
    max = niceCeiling(max);
    StringBuilder s = new StringBuilder();
    s.append("<figure><figcaption><strong>").append(HtmlUtils.htmlEscape(title)).append("</strong></figcaption>");
    s.append(String.format(Locale.ROOT, "<svg viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\" aria-label=\"%s\">", w, hgt,
        HtmlUtils.htmlEscape(title)));
    for (int t = 0; t <= 4; t++) {
      double v = max * t / 4;
      double y = top + (hgt - top - bottom) * (1 - (double) t / 4);
      s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#e4e7eb\"/>", left, w - right, y, y));
      // small scales (a few days, a handful of euros) need decimals, or the ticks read 0, 0, 1, 1, 1
      s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", left - 6, y + 4,
          String.format(Locale.ROOT, max >= 10 ? "%,.0f" : "%.2f", v)));
    }
    double step = n <= 1 ? 0 : (double) (w - left - right) / (n - 1);
    int every = Math.max(1, n / 12);
    for (int i = 0; i < n; i += every) {
      s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s %d</text>", left + i * step,
          hgt - bottom + 16, unit, i + 1));
    }
    int k = 0;
    for (var e : series.entrySet()) {
      StringBuilder points = new StringBuilder();
      List<Double> values = e.getValue();
      for (int i = 0; i < values.size(); i++) {
        if (!values.get(i).isNaN()) {
          points.append(String.format(Locale.ROOT, "%.1f,%.1f ", left + i * step,
              top + (hgt - top - bottom) * (1 - values.get(i) / max)));
        }
      }
      String colour = COLOURS[k % COLOURS.length];
      s.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>", colour, points));
      s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"8\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%d\" y=\"18\">%s</text>",
          left + k * 170, colour, left + k * 170 + 16, HtmlUtils.htmlEscape(e.getKey())));
      k++;
    }
    s.append("</svg></figure>");
    return s.toString();
  }

  /** The largest of the values that are numbers, or 1 when none is: the top of a chart's axis. */
  private static double largest(List<Double> values) {
    return values.stream().filter(v -> v != null && !v.isNaN()).max(Double::compare).orElse(1.0);
  }

  /** Groups of bars, one bar per series in each group. */
  static String barChart(String title, List<String> groups, Map<String, double[]> series) {
    int w = 900, hgt = 240, left = 70, right = 20, top = 30, bottom = 40;
    double max = niceCeiling(largest(series.values().stream().flatMap(a -> java.util.Arrays.stream(a).boxed()).toList()));
    StringBuilder s = new StringBuilder();
    s.append("<figure><figcaption><strong>").append(HtmlUtils.htmlEscape(title)).append("</strong></figcaption>");
    s.append(String.format(Locale.ROOT, "<svg viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\" aria-label=\"%s\">", w, hgt,
        HtmlUtils.htmlEscape(title)));
    for (int t = 0; t <= 4; t++) {
      double y = top + (hgt - top - bottom) * (1 - (double) t / 4);
      s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#e4e7eb\"/>", left, w - right, y, y));
      s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.2f</text>", left - 6, y + 4, max * t / 4));
    }
    double groupWidth = (double) (w - left - right) / groups.size();
    double barWidth = groupWidth * 0.6 / Math.max(1, series.size());
    int k = 0;
    for (var e : series.entrySet()) {
      String colour = COLOURS[k % COLOURS.length];
      for (int g = 0; g < groups.size(); g++) {
        double v = Double.isNaN(e.getValue()[g]) ? 0 : e.getValue()[g];
        double barHeight = (hgt - top - bottom) * v / max;
        double x = left + g * groupWidth + groupWidth * 0.2 + k * barWidth;
        s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>", x,
            hgt - bottom - barHeight, barWidth - 4, barHeight, colour));
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%.2f</text>", x + (barWidth - 4) / 2,
            hgt - bottom - barHeight - 4, v));
      }
      s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"8\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%d\" y=\"18\">%s</text>",
          left + k * 170, colour, left + k * 170 + 16, HtmlUtils.htmlEscape(e.getKey())));
      k++;
    }
    for (int g = 0; g < groups.size(); g++) {
      s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", left + (g + 0.5) * groupWidth,
          hgt - bottom + 18, HtmlUtils.htmlEscape(groups.get(g))));
    }
    s.append("</svg></figure>");
    return s.toString();
  }

  private static double niceCeiling(double v) {
    if (v <= 0 || Double.isNaN(v)) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * magnitude >= v) {
        return m * magnitude;
      }
    }
    return 10 * magnitude;
  }
}
