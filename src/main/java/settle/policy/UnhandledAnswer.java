package settle.policy;

import java.util.Map;

/**
 * A decision answered what its process cannot handle; the process waits at the step that received the answer
 * (the job {@code jobKey}) until the process owner has corrected the table.
 */
public record UnhandledAnswer(long jobKey, String bpmnProcessId, long processInstanceKey, String decisionId,
                              String decisionName, String subject, String resultVariable, Map<String, Object> inputs,
                              Object answer, Map<String, String> unhandled) {}
