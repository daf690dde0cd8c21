package settle.tasks.internal;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import settle.common.InvalidRequestException;
import settle.staff.StaffDirectory;
import settle.staff.StaffMember;
import settle.tasks.Inbox;
import settle.tasks.TaskView;

@RestController
@RequestMapping("/api/tasks")
class TaskController {

  private final Inbox inbox;
  private final StaffDirectory staff;

  TaskController(Inbox inbox, StaffDirectory staff) {
    this.inbox = inbox;
    this.staff = staff;
  }

  @GetMapping
  List<TaskView> find(@RequestParam(required = false) String group, @RequestParam(defaultValue = "OPEN") String status,
                      @RequestParam(required = false) String subject) {
    if (!List.of("OPEN", "COMPLETED", "ALL").contains(status)) {
      throw new InvalidRequestException("status", "status must be OPEN, COMPLETED or ALL");
    }
    return inbox.find(group, status, subject);
  }

  /** The caller's worklist: their claimed tasks and their groups' unclaimed ones, highest priority first. */
  @GetMapping("/worklist")
  List<TaskView> worklist(@RequestParam(required = false) String group, @RequestParam(defaultValue = "ALL") String show,
                          @RequestParam(defaultValue = "100") int limit) {
    if (!List.of("ALL", "MINE", "UNCLAIMED").contains(show)) {
      throw new InvalidRequestException("show", "show must be ALL, MINE or UNCLAIMED");
    }
    return inbox.worklist(staff.signedIn(), group, show, Math.max(1, Math.min(limit, 500)));
  }

  @GetMapping("/{id}")
  TaskView get(@PathVariable long id) {
    return inbox.visibleTo(inbox.get(id), staff.signedIn());
  }

  @PostMapping("/{id}/claim")
  TaskView claim(@PathVariable long id, @RequestParam(required = false) Long version) {
    return inbox.claim(id, staff.signedIn(), version);
  }

  @PostMapping("/{id}/release")
  TaskView release(@PathVariable long id) {
    return inbox.release(id, staff.signedIn());
  }

  @PostMapping("/{id}/complete")
  TaskView complete(@PathVariable long id, @RequestBody(required = false) Map<String, Object> variables) {
    return inbox.complete(id, variables, staff.signedIn());
  }

}
