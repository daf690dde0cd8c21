package settle.metrics.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import settle.metrics.CashForecast;
import settle.metrics.Forecast;
import settle.metrics.Grouping;
import settle.metrics.Metrics;

@RestController
class MetricsController {

  private final Metrics metrics;
  private final CashForecast forecast;
  private final Clock clock;

  MetricsController(Metrics metrics, CashForecast forecast, Clock clock) {
    this.metrics = metrics;
    this.forecast = forecast;
    this.clock = clock;
  }

  /** The figures of one currency over a period; with {@code by}, one set of figures per group. */
  @GetMapping("/api/metrics")
  Object metrics(@RequestParam(required = false) String currency, @RequestParam(required = false) String from,
                 @RequestParam(required = false) String to, @RequestParam(required = false) String by) {
    MetricsParameters p = MetricsParameters.parse(currency, from, to, by, clock);
    if (p.by() == Grouping.ALL) {
      return metrics.report(p.currency(), p.from(), p.to());
    }
    return new Split(p.currency(), p.from(), p.to(), p.by().name().toLowerCase(java.util.Locale.ROOT),
        metrics.by(p.by(), p.currency(), p.from(), p.to()));
  }

  record Split(String currency, java.time.LocalDate from, java.time.LocalDate to, String by, List<settle.metrics.MetricsReport> groups) {}

  @GetMapping("/api/forecast")
  Forecast forecast(@RequestParam(required = false) String currency) {
    return forecast.forecast(MetricsParameters.currency(currency));
  }

  @ExceptionHandler(MetricsParameters.BadParameter.class)
  ProblemDetail badParameter(MetricsParameters.BadParameter e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Invalid parameter");
    problem.setProperty("errors", List.of(Map.of("field", e.parameter, "message", e.getMessage())));
    return problem;
  }
}
