package settle.metrics.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import settle.common.Money;
import settle.metrics.CashForecast;
import settle.metrics.Forecast;
import settle.metrics.Grouping;
import settle.metrics.LedgerTotals;
import settle.metrics.Metrics;
import settle.metrics.MetricsReport;

/**
 * The reports page: each figure month by month over a chosen run of months, for one currency and all customers or
 * one segment, with charts, the cash forecast beside its back-tested error, and the months as CSV.
 */
@Controller
class ReportsPage {

  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

  private final Metrics metrics;
  private final CashForecast forecast;
  private final Clock clock;
  private final ObjectMapper json;

  ReportsPage(Metrics metrics, CashForecast forecast, Clock clock, ObjectMapper json) {
    this.metrics = metrics;
    this.forecast = forecast;
    this.clock = clock;
    this.json = json;
  }

  /** The filters as chosen, with the defaults filled in: the last 12 months, the most used currency, all segments. */
  public record Filters(String currency, YearMonth from, YearMonth to, String segment) {
    public String query() {
      return "currency=" + currency + "&from=" + from + "&to=" + to + (segment.isEmpty() ? "" : "&segment="
          + java.net.URLEncoder.encode(segment, StandardCharsets.UTF_8));
    }
  }

  /** One month's figures, written for people. */
  public record Month(String month, YearMonth yearMonth, String invoiced, String receivables, BigDecimal dso, BigDecimal dsoCountback,
               BigDecimal bestPossibleDso, BigDecimal add, BigDecimal cei, BigDecimal promiseKeptRate, BigDecimal disputeAgingDays,
               BigDecimal dayOneAcceptance, MetricsReport.Aging aging, BigDecimal invoicedAmount, BigDecimal receivablesAmount) {}

  public record Owner(String name, String open, BigDecimal dso, BigDecimal add, BigDecimal cei) {}

  public record Disputes(String reason, String rootCause, long disputes, String amount) {}

  public record Week(String from, String expected, String low, String high) {}

  /** PRICING_ERROR as people write it: "Pricing error". */
  private static String words(String code) {
    String text = code.toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  @GetMapping("/reports")
  String reports(@RequestParam(required = false) String currency, @RequestParam(required = false) String from,
                 @RequestParam(required = false) String to, @RequestParam(required = false) String segment, Model model)
      throws JsonProcessingException {
    Filters filters = filters(currency, from, to, segment);
    List<Month> months = months(filters);
    model.addAttribute("filters", filters);
    model.addAttribute("currencies", currencies(filters.currency()));
    model.addAttribute("segments", metrics.segments());
    model.addAttribute("months", months);
    model.addAttribute("monthChoices", monthChoices());
    LocalDate start = filters.from().atDay(1), end = last(filters.to());
    MetricsReport period = segmentReport(filters, start, end);
    model.addAttribute("period", period);
    model.addAttribute("periodName", MONTH.format(filters.from()) + " to " + MONTH.format(filters.to()));
    model.addAttribute("cadence", period == null ? List.of() : period.cadenceResponse());
    String currencyShown = filters.currency();
    model.addAttribute("owners", !filters.segment().isEmpty() ? List.of() : metrics.by(Grouping.OWNER, currencyShown, start, end).stream()
        .map(o -> new Owner(o.group(), Money.format(o.aging().total(), currencyShown), o.dso(), o.add(), o.cei())).toList());
    model.addAttribute("disputes", metrics.disputesByReason(currencyShown, start, end).stream()
        .map(d -> new Disputes(words(d.reason()), d.rootCause().isEmpty() ? "not yet known" : d.rootCause(), d.disputes(),
            Money.format(d.amount(), currencyShown))).toList());
    Forecast cash = forecast.forecast(currencyShown);
    model.addAttribute("backtest", cash.backtest());
    model.addAttribute("weeks", cash.weeks().stream().map(w -> new Week(settle.common.Dates.day(w.weekStart()), Money.format(w.expected(), currencyShown), Money.format(w.low(), currencyShown),
        Money.format(w.high(), currencyShown))).toList());
    model.addAttribute("monthChart", json.writeValueAsString(Map.of(
        "labels", months.stream().map(Month::month).toList(),
        "dso", months.stream().map(Month::dso).toList(),
        "countback", months.stream().map(Month::dsoCountback).toList(),
        "best", months.stream().map(Month::bestPossibleDso).toList(),
        "cei", months.stream().map(Month::cei).toList(),
        "promises", months.stream().map(Month::promiseKeptRate).toList())));
    model.addAttribute("forecastChart", json.writeValueAsString(Map.of(
        "labels", cash.weeks().stream().map(w -> w.weekStart().format(DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH))).toList(),
        "expected", cash.weeks().stream().map(Forecast.Week::expected).toList(),
        "low", cash.weeks().stream().map(Forecast.Week::low).toList(),
        "high", cash.weeks().stream().map(Forecast.Week::high).toList(),
        "currency", filters.currency())));
    return "pages/reports";
  }

  /** The months of the page as CSV, one row per month, amounts as plain numbers with the currency in its own column. */
  @GetMapping("/reports.csv")
  ResponseEntity<String> csv(@RequestParam(required = false) String currency, @RequestParam(required = false) String from,
                             @RequestParam(required = false) String to, @RequestParam(required = false) String segment) {
    Filters filters = filters(currency, from, to, segment);
    StringBuilder csv = new StringBuilder("month,currency,segment,invoiced,receivables,dso,countback_dso,best_possible_dso,add,cei,"
        + "promise_kept_percent,dispute_aging_days,day_one_acceptance_percent,current,1-30,31-60,61-90,90+\n");
    for (Month m : months(filters)) {
      MetricsReport.Aging a = m.aging();
      csv.append(String.join(",", m.yearMonth().toString(), filters.currency(), csvText(filters.segment().isEmpty() ? "All" : filters.segment()),
          plain(m.invoicedAmount()), plain(m.receivablesAmount()), plain(m.dso()), plain(m.dsoCountback()), plain(m.bestPossibleDso()),
          plain(m.add()), plain(m.cei()), plain(m.promiseKeptRate()), plain(m.disputeAgingDays()), plain(m.dayOneAcceptance()),
          plain(a.current()), plain(a.days1To30()), plain(a.days31To60()), plain(a.days61To90()), plain(a.over90()))).append('\n');
    }
    String name = "receivables-report-" + filters.currency() + "-" + filters.from() + "-to-" + filters.to() + ".csv";
    return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(csv.toString());
  }

  private List<Month> months(Filters filters) {
    List<Month> months = new ArrayList<>();
    for (YearMonth m = filters.from(); !m.isAfter(filters.to()); m = m.plusMonths(1)) {
      LocalDate start = m.atDay(1), end = last(m);
      MetricsReport r = segmentReport(filters, start, end);
      LedgerTotals totals = metrics.totals(filters.currency(), start, end);
      BigDecimal invoiced = r == null ? null : invoicedOf(filters, start, end, totals);
      BigDecimal open = r == null ? BigDecimal.ZERO : r.aging().total();
      MetricsReport.Aging aging = r == null ? new MetricsReport.Aging(Money.of(BigDecimal.ZERO), Money.of(BigDecimal.ZERO),
          Money.of(BigDecimal.ZERO), Money.of(BigDecimal.ZERO), Money.of(BigDecimal.ZERO)) : r.aging();
      months.add(new Month(MONTH.format(m), m, invoiced == null ? "–" : Money.format(invoiced, filters.currency()),
          Money.format(open, filters.currency()), r == null ? null : r.dso(), r == null ? null : r.dsoCountback(),
          r == null ? null : r.bestPossibleDso(), r == null ? null : r.add(), r == null ? null : r.cei(),
          r == null ? null : r.promiseKeptRate(), r == null ? null : r.disputeAgingDays(),
          filters.segment().isEmpty() ? Metrics.dayOneAcceptance(totals) : null, aging, invoiced, open));
    }
    return months;
  }

  /** Invoiced in the month: for one segment, worked back from its DSO (receivables ÷ DSO × days) is imprecise, so read it. */
  private BigDecimal invoicedOf(Filters filters, LocalDate start, LocalDate end, LedgerTotals all) {
    return filters.segment().isEmpty() ? all.invoiced() : metrics.invoiced(Grouping.SEGMENT, filters.currency(), start, end)
        .getOrDefault(filters.segment(), Money.of(BigDecimal.ZERO));
  }

  /** The figures of the whole currency, or of the one segment chosen; null if the segment has nothing in the period. */
  private MetricsReport segmentReport(Filters filters, LocalDate start, LocalDate end) {
    if (filters.segment().isEmpty()) {
      return metrics.report(filters.currency(), start, end);
    }
    return metrics.by(Grouping.SEGMENT, filters.currency(), start, end).stream()
        .filter(r -> r.group().equals(filters.segment())).findFirst().orElse(null);
  }

  private Filters filters(String currency, String from, String to, String segment) {
    YearMonth thisMonth = YearMonth.now(clock);
    YearMonth end = month(to, thisMonth);
    YearMonth start = month(from, end.minusMonths(11));
    if (start.isAfter(end)) {
      throw new ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST,
          "The report starts (" + MONTH.format(start) + ") after it ends (" + MONTH.format(end) + "): choose the months again");
    }
    if (start.plusMonths(36).isBefore(end)) {
      throw new ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST, "A report covers at most three years");
    }
    String chosen = currency == null || currency.isBlank() ? currencies("").getFirst() : MetricsParameters.currency(currency);
    return new Filters(chosen, start, end, segment == null ? "" : segment.strip());
  }

  private List<String> currencies(String chosen) {
    List<String> known = new ArrayList<>(metrics.currencies());
    if (known.isEmpty()) {
      known.add("EUR");
    }
    if (!chosen.isEmpty() && !known.contains(chosen)) {
      known.add(chosen);
    }
    return known;
  }

  private static YearMonth month(String text, YearMonth otherwise) {
    if (text == null || text.isBlank()) {
      return otherwise;
    }
    try {
      return YearMonth.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST,
          "“" + text + "” is not a month; choose one from the list");
    }
  }

  /** The last 36 months, newest first, for the month pickers. */
  private Map<String, String> monthChoices() {
    Map<String, String> choices = new LinkedHashMap<>();
    YearMonth m = YearMonth.now(clock);
    for (int i = 0; i < 36; i++, m = m.minusMonths(1)) {
      choices.put(m.toString(), MONTH.format(m));
    }
    return choices;
  }

  private LocalDate last(YearMonth month) {
    LocalDate today = LocalDate.now(clock);
    return month.equals(YearMonth.from(today)) ? today : month.atEndOfMonth();
  }

  private static String plain(BigDecimal value) {
    return value == null ? "" : value.toPlainString();
  }

  private static String csvText(String text) {
    return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }
}
