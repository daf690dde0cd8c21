package settle.workspace.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import java.util.Set;
import settle.collaboration.Timeline;
import settle.staff.StaffDirectory;
import settle.staff.StaffMember;
import settle.tasks.FormField;
import settle.tasks.Inbox;
import settle.tasks.TaskView;

/** The worklist and a task's page: the form the BPMN describes, beside the customer's context. */
@Controller
class WorklistPage {

  private final Inbox inbox;
  private final StaffDirectory staff;
  private final CustomerContext context;
  private final Timeline timeline;
  private final TaskWords words;
  private final CustomerSearch customerSearch;
  private final java.time.Clock clock;

  WorklistPage(Inbox inbox, StaffDirectory staff, CustomerContext context, Timeline timeline, TaskWords words,
               CustomerSearch customerSearch, java.time.Clock clock) {
    this.words = words;
    this.customerSearch = customerSearch;
    this.clock = clock;
    this.inbox = inbox;
    this.staff = staff;
    this.context = context;
    this.timeline = timeline;
  }

  @GetMapping("/work")
  String worklist(@RequestParam(required = false) String group, @RequestParam(defaultValue = "ALL") String show, Model model) {
    StaffMember me = staff.signedIn();
    String mode = java.util.List.of("ALL", "MINE", "UNCLAIMED").contains(show) ? show : "ALL";
    String chosen = group == null || group.isBlank() || !me.groups().contains(group) ? null : group;
    model.addAttribute("me", me);
    java.util.List<TaskView> tasks = inbox.worklist(me, chosen, mode, 200);
    model.addAttribute("tasks", tasks);
    model.addAttribute("about", words.about(tasks));
    model.addAttribute("groupNames", TaskWords.groupNames(chosen == null ? me.groups() : Set.of(chosen)));
    model.addAttribute("group", chosen);
    model.addAttribute("show", mode);
    return "pages/worklist";
  }

  @GetMapping("/work/{id}")
  String task(@PathVariable long id, Model model) {
    StaffMember me = staff.signedIn();
    TaskView task = inbox.visibleTo(inbox.get(id), me);
    model.addAttribute("me", me);
    model.addAttribute("task", task);
    TaskWords.About about = words.about(task);
    model.addAttribute("about", about);
    // a task that came back shows what was chosen before, as a refused completion shows what was typed
    java.util.Optional<TaskView> before = "OPEN".equals(task.status()) ? inbox.cameBackFrom(task) : java.util.Optional.empty();
    model.addAttribute("cameBack", before.orElse(null));
    if (!model.containsAttribute("values")) {
      model.addAttribute("values", before.map(b -> shownAsTyped(task, inbox.outcome(b.id()))).orElse(Map.of()));
    }
    Long customerId = about.customerId() != null ? about.customerId() : context.customerOf(task.subject());
    if (customerId != null) {
      CustomerContext.View view = context.of(customerId);
      model.addAttribute("context", view);
      model.addAttribute("lastMails", timeline.of(customerId, Set.of("MAIL"), 5));
      model.addAttribute("contactTime", java.time.ZonedDateTime.ofInstant(clock.instant(), view.customer().zone())
          .format(java.time.format.DateTimeFormatter.ofPattern("EEEE HH:mm", java.util.Locale.ENGLISH)));
    }
    return "pages/task";
  }

  /** The customer picker's suggestions for what was typed: names, with how the text found them. */
  @GetMapping("/work/customer-search")
  String customerSearch(@RequestParam(defaultValue = "") String q, Model model) {
    model.addAttribute("found", customerSearch.search(q));
    return "pages/task :: customer-options";
  }

  @PostMapping("/work/{id}/claim")
  String claim(@PathVariable long id, @RequestParam(required = false) Long version, RedirectAttributes flash) {
    inbox.claim(id, staff.signedIn(), version);
    flash.addFlashAttribute("notice", "You have claimed this task.");
    return "redirect:/work/" + id;
  }

  @PostMapping("/work/{id}/release")
  String release(@PathVariable long id, RedirectAttributes flash) {
    inbox.release(id, staff.signedIn());
    flash.addFlashAttribute("notice", "Released: the task is back with its groups.");
    return "redirect:/work/" + id;
  }

  @PostMapping("/work/{id}/complete")
  String complete(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, RedirectAttributes flash) {
    TaskView task = inbox.get(id);
    Map<String, Object> values = new LinkedHashMap<>();
    for (FormField field : task.form()) {
      String value = form.getFirst(field.name());
      if ("boolean".equals(field.type())) {
        value = value == null ? "false" : value;
      }
      if (value != null && !value.isBlank()) {
        // a customer is picked by name, account or invoice number; the process is given their id
        values.put(field.name(), "customer".equals(field.type()) ? customerSearch.resolve(field.name(), value) : value);
      }
    }
    inbox.complete(id, values, staff.signedIn());
    flash.addFlashAttribute("notice", "Done: " + task.name() + " is complete.");
    return "redirect:/work";
  }

  /** What was chosen, as the form's fields show it: a customer by name, not by id. */
  private Map<String, String> shownAsTyped(TaskView task, Map<String, String> outcome) {
    Map<String, String> shown = new LinkedHashMap<>(outcome);
    for (FormField field : task.form()) {
      if ("customer".equals(field.type()) && shown.get(field.name()) != null) {
        shown.put(field.name(), context.customerName(Long.parseLong(shown.get(field.name()))));
      }
    }
    return shown;
  }
}
