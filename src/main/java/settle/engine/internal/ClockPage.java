package settle.engine.internal;

import java.time.Duration;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import settle.engine.DemoTime;

/** The home page's "advance" buttons in embedded mode. */
@Controller
class ClockPage {

  private final DemoTime demoTime;

  ClockPage(DemoTime demoTime) {
    this.demoTime = demoTime;
  }

  @PostMapping("/demo-clock")
  String advance(@RequestParam int days) {
    demoTime.advance(Duration.ofDays(Math.max(1, Math.min(days, 90))));
    return "redirect:/";
  }
}
