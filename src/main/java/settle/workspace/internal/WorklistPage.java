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

  WorklistPage(Inbox inbox, StaffDirectory staff, CustomerContext context, Timeline timeline) {
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
    model.addAttribute("tasks", inbox.worklist(me, chosen, mode, 200));
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
    model.addAttribute("values", model.containsAttribute("values") ? model.getAttribute("values") : Map.of());
    Long customerId = context.customerOf(task.subject());
    if (customerId != null) {
      model.addAttribute("context", context.of(customerId));
      model.addAttribute("lastMails", timeline.of(customerId, Set.of("MAIL"), 5));
    }
    return "pages/task";
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
        values.put(field.name(), value);
      }
    }
    inbox.complete(id, values, staff.signedIn());
    flash.addFlashAttribute("notice", "Done: " + task.name() + " is complete.");
    return "redirect:/work";
  }
}
