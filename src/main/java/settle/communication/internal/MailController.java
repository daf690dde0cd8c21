package settle.communication.internal;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/mail")
class MailController {

  private final MailCapture capture;

  MailController(MailCapture capture) {
    this.capture = capture;
  }

  @GetMapping
  List<CapturedMail.Summary> list(@RequestParam(required = false) String to) {
    return capture.list(to).stream().map(CapturedMail::summary).toList();
  }

  @GetMapping("/{id}")
  CapturedMail get(@PathVariable long id) {
    return capture.get(id);
  }
}
