package settle.tasks.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import settle.tasks.Inbox;

/**
 * Picks up every job-based user task and puts it in the inbox. The job stays active until a person
 * completes it, so the timeout is long; should it lapse, the engine hands the job over again and
 * the inbox already has it.
 */
@Component
public class UserTaskWorker {

  static final String TYPE = "io.camunda.zeebe:userTask";
  private static final long TEN_YEARS_MS = 10L * 365 * 24 * 3600 * 1000;

  private final Inbox inbox;
  private final ObjectMapper json;

  UserTaskWorker(Inbox inbox, ObjectMapper json) {
    this.inbox = inbox;
    this.json = json;
  }

  @JobWorker(type = TYPE, autoComplete = false, timeout = TEN_YEARS_MS, fetchAllVariables = true)
  public void openTask(ActivatedJob job) throws JsonProcessingException {
    Map<String, String> headers = job.getCustomHeaders();
    List<String> groups = json.readValue(headers.getOrDefault("io.camunda.zeebe:candidateGroups", "[]"),
        new TypeReference<>() {});
    Map<String, Object> variables = new HashMap<>(job.getVariablesAsMap());
    Object subject = variables.get("subject");
    inbox.open(new Inbox.NewTask(job.getKey(), headers.getOrDefault("name", humanize(job.getElementId())),
        job.getElementId(), job.getBpmnProcessId(), job.getProcessInstanceKey(), groups,
        subject == null ? null : subject.toString(), variables, headers.getOrDefault("form", "")));
  }

  private static String humanize(String elementId) {
    String words = elementId.replace('-', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
