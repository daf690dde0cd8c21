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

  record Link(Step step, String kind, InvoiceView invoice, CustomerView customer) {}

  @GetMapping("/holds/{token}")
  String show(@PathVariable String token, Model model) {
    Link link = link(token);
    model.addAttribute("link", link);
    model.addAttribute("token", token);
    model.addAttribute("reasons", REASONS);
    model.addAttribute("days", "snooze".equals(link.kind()) ? 2 : 7);
    return "pages/hold";
  }

  @PostMapping("/holds/{token}")
  String apply(@PathVariable String token, @RequestParam int days, @RequestParam String reason,
               @RequestParam(required = false, defaultValue = "") String note, Model model) {
    Link link = link(token);
    if (days < 1 || days > 90 || !REASONS.contains(reason) || note.length() > 300) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Hold for 1 to 90 days with one of the listed reasons and a note of at most 300 characters");
    }
    var request = new HoldRequest(days, note.isBlank() ? reason : reason + " — " + note.strip());
    String owner = link.customer().accountOwnerEmail();
    var hold = "snooze".equals(link.kind()) ? actions.snooze(link.invoice().id(), request, owner)
        : actions.hold(link.invoice().id(), request, owner);
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
    return new Link(step, parts[2], invoice, customers.get(invoice.customerId()));
  }
}
