package settle.engine.internal;

import java.time.Duration;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import settle.engine.DemoTime;

/** The header's "advance" buttons in embedded mode; back to the page the user was on. */
@Controller
class ClockPage {

  private final DemoTime demoTime;

  ClockPage(DemoTime demoTime) {
    this.demoTime = demoTime;
  }

  @PostMapping("/demo-clock")
  String advance(@RequestParam int days, @RequestHeader(value = "Referer", required = false) String from) {
    demoTime.advance(Duration.ofDays(Math.max(1, Math.min(days, 90))));
    return "redirect:" + (from != null && from.matches("https?://[^/]+/(outbox.*)?") ? from : "/");
  }
}
