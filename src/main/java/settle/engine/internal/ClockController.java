package settle.engine.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import settle.common.InvalidRequestException;
import settle.engine.DemoClock;
import settle.engine.DemoTime;

@RestController
@RequestMapping("/api/clock")
@Validated
class ClockController {

  private final Clock clock;
  private final DemoTime demoTime;

  ClockController(Clock clock, DemoTime demoTime) {
    this.clock = clock;
    this.demoTime = demoTime;
  }

  record BusinessTime(LocalDate date, Instant instant, boolean demo) {}

  record Advance(@Min(0) @Max(3650) Integer days, @Min(0) @Max(87600) Integer hours) {}

  @GetMapping
  BusinessTime now() {
    return new BusinessTime(LocalDate.now(clock), clock.instant(), clock instanceof DemoClock);
  }

  @PostMapping("/advance")
  BusinessTime advance(@RequestBody @jakarta.validation.Valid Advance request) {
    Duration by = Duration.ofDays(request.days() == null ? 0 : request.days())
        .plusHours(request.hours() == null ? 0 : request.hours());
    if (by.isZero()) {
      throw new InvalidRequestException("days", "Give a positive number of days or hours");
    }
    demoTime.advance(by);
    return now();
  }
}
