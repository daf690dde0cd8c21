package settle.communication.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class OutboxPage {

  private final MailCapture capture;

  OutboxPage(MailCapture capture) {
    this.capture = capture;
  }

  @GetMapping("/outbox")
  String list(@RequestParam(required = false) String to, Model model) {
    model.addAttribute("available", capture.available());
    model.addAttribute("to", to);
    model.addAttribute("mails", capture.available() ? capture.list(to) : java.util.List.of());
    return "pages/outbox";
  }

  @GetMapping("/outbox/{id}")
  String show(@PathVariable long id, Model model) {
    model.addAttribute("mail", capture.get(id));
    return "pages/mail";
  }
}
