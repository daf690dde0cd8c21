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
import settle.tasks.Inbox;
import settle.tasks.TaskView;

@RestController
@RequestMapping("/api/tasks")
class TaskController {

  private final Inbox inbox;

  TaskController(Inbox inbox) {
    this.inbox = inbox;
  }

  @GetMapping
  List<TaskView> find(@RequestParam(required = false) String group, @RequestParam(defaultValue = "OPEN") String status,
                      @RequestParam(required = false) String subject) {
    if (!List.of("OPEN", "COMPLETED", "ALL").contains(status)) {
      throw new InvalidRequestException("status", "status must be OPEN, COMPLETED or ALL");
    }
    return inbox.find(group, status, subject);
  }

  @GetMapping("/{id}")
  TaskView get(@PathVariable long id) {
    return inbox.get(id);
  }

  @PostMapping("/{id}/complete")
  TaskView complete(@PathVariable long id, @RequestBody(required = false) Map<String, Object> variables) {
    return inbox.complete(id, variables, "api");
  }
}
