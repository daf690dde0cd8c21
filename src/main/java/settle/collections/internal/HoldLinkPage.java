package settle.collections.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import settle.collections.CollectionActions;
import settle.collections.HoldRequest;
import settle.common.SignedLinks;
import settle.customers.CustomerDirectory;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceView;
import settle.invoicing.Invoices;

/**
 * The hold and snooze links of the heads-up mail. The link is signed for the account owner; opening it
 * shows what would be held, so a mail scanner following links holds nothing; the owner confirms with a POST.
 */
@Controller
class HoldLinkPage {

  /** A snooze is the short pause the heads-up mail offers; a longer pause is a hold. */
  static final int SNOOZE_DAYS = 2;
  static final int MAX_HOLD_DAYS = 30;

  static final List<String> REASONS = List.of("Customer contacted me", "Dispute expected", "Payment arranged",
      "Relationship at a sensitive point", "Other");

  private final SignedLinks links;
  private final CollectionSteps steps;
  private final CollectionActions actions;
  private final Invoices invoices;
  private final CustomerDirectory customers;
  private final Clock clock;

  HoldLinkPage(SignedLinks links, CollectionSteps steps, CollectionActions actions, Invoices invoices,
               CustomerDirectory customers, Clock clock) {
    this.links = links;
    this.steps = steps;
    this.actions = actions;
    this.invoices = invoices;
    this.customers = customers;
    this.clock = clock;
  }

  record Link(Step step, String kind, InvoiceView invoice, CustomerView customer) {

    /** One use per heads-up: its hold and snooze links share this key, a re-planned step gets a new one. */
    String key() {
      return step.invoiceId() + ":" + step.stage() + ":" + step.actionDate();
    }
  }

  @GetMapping("/holds/{token}")
  String show(@PathVariable String token, Model model) {
    Link link = link(token);
    model.addAttribute("link", link);
    model.addAttribute("token", token);
    model.addAttribute("reasons", REASONS);
    model.addAttribute("days", "snooze".equals(link.kind()) ? SNOOZE_DAYS : 7);
    model.addAttribute("maxDays", MAX_HOLD_DAYS);
    return "pages/hold";
  }

  @PostMapping("/holds/{token}")
  String apply(@PathVariable String token, @RequestParam int days, @RequestParam String reason,
               @RequestParam(required = false, defaultValue = "") String note, Model model) {
    Link link = link(token);
    boolean snooze = "snooze".equals(link.kind());
    if ((snooze ? days != SNOOZE_DAYS : days < 1 || days > MAX_HOLD_DAYS) || !REASONS.contains(reason) || note.length() > 300) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, (snooze ? "Snooze for " + SNOOZE_DAYS + " days"
          : "Hold for 1 to " + MAX_HOLD_DAYS + " days") + " with one of the listed reasons and a note of at most 300 characters");
    }
    var request = new HoldRequest(days, note.isBlank() ? reason : reason + " — " + note.strip());
    // whoever opens the link acts; all we know is where it was sent, so that is what the record says
    String actor = "link:" + link.customer().accountOwnerEmail();
    var hold = snooze ? actions.snooze(link.invoice().id(), request, actor, link.key())
        : actions.hold(link.invoice().id(), request, actor, link.key());
    model.addAttribute("link", link);
    model.addAttribute("hold", hold);
    return "pages/hold-done";
  }

  private Link link(String token) {
    String payload = links.verify("hold", token, LocalDate.now(clock))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "This link is not valid or has expired"));
    String[] parts = payload.split(":");
    long invoiceId = Long.parseLong(parts[0]);
    Step step = steps.step(invoiceId, Integer.parseInt(parts[1]))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "The step no longer exists"));
    InvoiceView invoice = invoices.get(invoiceId);
    Link link = new Link(step, parts[2], invoice, customers.get(invoice.customerId()));
    if (actions.linkUsed(link.key())) {
      throw new ResponseStatusException(HttpStatus.GONE, "This link has been used already; each heads-up link works once");
    }
    return link;
  }
}
