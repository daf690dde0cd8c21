package settle.workspace.internal;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import settle.collaboration.NewNote;
import settle.collaboration.Notes;
import settle.collaboration.Timeline;
import settle.customers.CustomerDirectory;
import settle.invoicing.Invoices;
import settle.payments.CustomerCredit;
import settle.staff.Role;
import settle.staff.StaffDirectory;

/** The customer list, and a customer's page: context, timeline of everything, and notes. */
@Controller
class CustomerPages {

  private final CustomerDirectory customers;
  private final Invoices invoices;
  private final CustomerContext context;
  private final Timeline timeline;
  private final Notes notes;
  private final StaffDirectory staff;
  private final CustomerCredit credit;
  private final AuditSubjectNames subjectNames;
  private final Clock clock;
  private final settle.portal.PortalAccess portal;

  private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);

  CustomerPages(CustomerDirectory customers, Invoices invoices, CustomerContext context, Timeline timeline, Notes notes,
                StaffDirectory staff, CustomerCredit credit, AuditSubjectNames subjectNames, Clock clock,
                settle.portal.PortalAccess portal) {
    this.subjectNames = subjectNames;
    this.portal = portal;
    this.clock = clock;
    this.credit = credit;
    this.customers = customers;
    this.invoices = invoices;
    this.context = context;
    this.timeline = timeline;
    this.notes = notes;
    this.staff = staff;
  }

  @GetMapping("/customers")
  String list(Model model) {
    var all = customers.all();
    model.addAttribute("customers", all);
    model.addAttribute("balances", invoices.balances(all.stream().collect(java.util.stream.Collectors.toMap(c -> c.id(), c -> c.currency()))));
    return "pages/customers";
  }

  @GetMapping("/customers/{id}")
  String customer(@PathVariable long id, @RequestParam(required = false) String kind, Model model) {
    CustomerContext.View view = context.of(id);
    model.addAttribute("context", view);
    // the AP contact's own time, so a caller knows whether someone is at their desk
    model.addAttribute("localTime", LOCAL_TIME.format(clock.instant().atZone(view.customer().zone())));
    model.addAttribute("mayPlaceOrder", staff.current().map(me -> me.has(Role.SALES) || me.has(Role.OPERATIONS)).orElse(false));
    addTimeline(id, kind, model);
    model.addAttribute("kinds", Timeline.KINDS);
    model.addAttribute("colleagues", staff.all());
    model.addAttribute("canApplyCredit", mayApplyCredit());
    // four eyes: a credit analyst or finance manager, never the customer's own account owner
    model.addAttribute("mayOverrideRisk", staff.current().map(me -> (me.has(Role.CREDIT_ANALYST) || me.has(Role.FINANCE_MANAGER))
        && !me.email().equalsIgnoreCase(view.customer().accountOwnerEmail())).orElse(false));
    model.addAttribute("mayRevokePortal", staff.current().map(me -> REVOKERS.stream().anyMatch(me::has)).orElse(false));
    return "pages/customer";
  }

  /** Who may revoke the portal links; the same roles as the API's rule in the security configuration. */
  private static final java.util.List<Role> REVOKERS = java.util.List.of(Role.SALES, Role.COLLECTOR, Role.OPERATIONS,
      Role.COLLECTIONS_MANAGER, Role.FINANCE_MANAGER);

  /** Every portal link mailed to the AP contact so far stops working (a reminder forwarded to the wrong person, say). */
  @PostMapping("/customers/{id}/portal-links/revoke")
  String revokePortalLinks(@PathVariable long id, @RequestParam(defaultValue = "") String reason, RedirectAttributes flash) {
    try {
      portal.revoke(id, reason, staff.signedIn().username());
      flash.addFlashAttribute("notice", "Portal links revoked: the links mailed so far no longer open the account;"
          + " the next mail carries a new one.");
    } catch (settle.common.InvalidRequestException e) {
      flash.addFlashAttribute("revokeError", e.getMessage());
    }
    return "redirect:/customers/" + id;
  }

  /** Its role rule is the API's, in the security configuration (cash appliers and finance managers). */
  @PostMapping("/customers/{id}/credit/apply")
  String applyCredit(@PathVariable long id, RedirectAttributes flash) {
    var applied = credit.apply(id, staff.signedIn().username());
    flash.addFlashAttribute("notice", applied.applications().isEmpty() ? "Nothing to apply: no credit or no open invoice in its currency."
        : "Credit applied: " + String.join(", ", applied.applications().stream()
            .map(a -> settle.common.Money.format(a.amount(), a.currency()) + " to " + a.invoiceNumber()).toList()) + ".");
    return "redirect:/customers/" + id;
  }

  private boolean mayApplyCredit() {
    return staff.current().map(me -> me.has(Role.CASH_APPLIER) || me.has(Role.FINANCE_MANAGER)).orElse(false);
  }

  /** The timeline alone, for the filter's in-place refresh. */
  @GetMapping("/customers/{id}/timeline")
  String timelineOnly(@PathVariable long id, @RequestParam(required = false) String kind, Model model) {
    addTimeline(id, kind, model);
    return "pages/customer :: timeline";
  }

  @PostMapping("/customers/{id}/notes")
  String addNote(@PathVariable long id, @RequestParam String body, @RequestParam(required = false) Long invoiceId,
                 RedirectAttributes flash) {
    var note = notes.add(id, new NewNote(body, invoiceId, null), staff.signedIn());
    flash.addFlashAttribute("notice", note.mentions().isEmpty() ? "Note added."
        : "Note added; mailed " + String.join(", ", note.mentions()) + ".");
    return "redirect:/customers/" + id;
  }

  private void addTimeline(long id, String kind, Model model) {
    String chosen = kind != null && Timeline.KINDS.contains(kind) ? kind : null;
    model.addAttribute("kind", chosen);
    var entries = timeline.of(id, chosen == null ? Set.of() : Set.of(chosen), 300);
    model.addAttribute("timeline", entries);
    Map<String, String> names = new HashMap<>();
    entries.forEach(e -> names.computeIfAbsent(e.subject(), s -> subjectNames.name(s).orElse("")));
    model.addAttribute("subjectNames", names);
  }
}
