package settle.history;

import java.time.Instant;

/** A process instance at a glance; {@code state} is ACTIVE, COMPLETED or TERMINATED. */
public record InstanceSummary(long processInstanceKey, String bpmnProcessId, int version, long processDefinitionKey,
                              String state, Instant startedAt, Instant endedAt, Long parentProcessInstanceKey) {}
