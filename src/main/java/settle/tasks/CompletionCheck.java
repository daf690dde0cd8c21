package settle.tasks;

import java.util.Map;

/**
 * Whether what a person chose on a task can be carried out, asked before the task completes: a module
 * whose worker carries out the choice refuses here what that worker would refuse, naming the field
 * ({@link settle.common.InvalidRequestException}), so the person sees why on the page and keeps what
 * they typed, instead of the task completing and coming back.
 */
public interface CompletionCheck {

  /** Throws {@link settle.common.InvalidRequestException} naming the field when the choice cannot be carried out. */
  void check(TaskView task, Map<String, Object> choice);
}
