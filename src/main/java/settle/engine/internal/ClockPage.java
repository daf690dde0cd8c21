package settle.engine.internal;

import java.time.Duration;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import settle.engine.DemoTime;

/** The header's "advance" buttons in embedded mode; back to the page they were pressed on. */
@Controller
class ClockPage {

  private final DemoTime demoTime;

  ClockPage(DemoTime demoTime) {
    this.demoTime = demoTime;
  }

  @PostMapping("/demo-clock")
  String advance(@RequestParam int days, @RequestParam(defaultValue = "/") String back) {
    demoTime.advance(Duration.ofDays(Math.max(1, Math.min(days, 90))));
    // only a path on this site, never another host
    boolean local = back.matches("/[A-Za-z0-9/_.?=&%-]*") && !back.startsWith("//");
    return "redirect:" + (local ? back : "/");
  }
}
