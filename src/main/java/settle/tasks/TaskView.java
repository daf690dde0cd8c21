package settle.tasks;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A human task; {@code id} is the engine's job key, {@code subject} names what it is about (e.g. {@code order:7});
 * {@code priorityProblem} says why dmn/task-priority.dmn could not weigh it (null when it did). */
public record TaskView(long id, String name, String taskType, List<String> candidateGroups, String assignee,
                       long processInstanceKey, String bpmnProcessId, String subject, Map<String, Object> variables,
                       List<FormField> form, String status, Instant createdAt, Instant completedAt, String completedBy,
                       BigDecimal priority, String priorityProblem, long version) {}
