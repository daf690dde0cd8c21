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
import settle.common.ConflictException;
import settle.common.ForbiddenException;
import settle.common.InvalidRequestException;
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

  WorklistPage(Inbox inbox, StaffDirectory staff, CustomerContext context) {
    this.inbox = inbox;
    this.staff = staff;
    this.context = context;
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
    TaskView task = inbox.visibleTo(inbox.get(id), staff.signedIn());
    model.addAttribute("me", staff.signedIn());
    model.addAttribute("task", task);
    model.addAttribute("values", model.containsAttribute("values") ? model.getAttribute("values") : Map.of());
    Long customerId = context.customerOf(task.subject());
    if (customerId != null) {
      model.addAttribute("context", context.of(customerId));
    }
    return "pages/task";
  }

  @PostMapping("/work/{id}/claim")
  String claim(@PathVariable long id, @RequestParam(required = false) Long version, RedirectAttributes flash) {
    return act(id, flash, () -> inbox.claim(id, staff.signedIn(), version), "You have claimed this task.");
  }

  @PostMapping("/work/{id}/release")
  String release(@PathVariable long id, RedirectAttributes flash) {
    return act(id, flash, () -> inbox.release(id, staff.signedIn()), "Released: the task is back with its groups.");
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
    try {
      inbox.complete(id, values, staff.signedIn());
      flash.addFlashAttribute("notice", "Done: " + task.name() + " is complete.");
      return "redirect:/work";
    } catch (InvalidRequestException e) {
      flash.addFlashAttribute("error", e.getMessage());
      flash.addFlashAttribute("errorField", e.field());
      flash.addFlashAttribute("values", values);
      return "redirect:/work/" + id;
    } catch (ConflictException | ForbiddenException e) {
      flash.addFlashAttribute("error", e.getMessage());
      return "redirect:/work/" + id;
    }
  }

  private String act(long id, RedirectAttributes flash, Runnable action, String notice) {
    try {
      action.run();
      flash.addFlashAttribute("notice", notice);
    } catch (ConflictException | ForbiddenException e) {
      flash.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/work/" + id;
  }

}
