package settle.engine.internal;

import io.camunda.client.api.command.ActivateJobsCommandStep1;
import io.camunda.client.api.command.CompleteJobCommandStep1;
import io.camunda.client.api.command.FailJobCommandStep1;
import io.camunda.client.api.command.StreamJobsCommandStep1;
import io.camunda.client.api.command.ThrowErrorCommandStep1;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import org.slf4j.MDC;

/**
 * Wraps every job worker's handler (see {@link ObservedJobWorkerManager}): times it as {@code settle.job.handling}, tagged
 * with the job type and how the handler left the job, and puts the job's keys and business subject into the logging MDC
 * while it runs. The outcome is read from the command the handler (or the client's exception handling, which runs
 * inside it) asked the engine for: a worker that fails swallows nothing, the client turns its exception into a fail or
 * BPMN-error command on the same {@link JobClient}.
 */
final class ObservedJobHandler implements JobHandler {

  static final String TIMER = "settle.job.handling";
  static final String MDC_PROCESS_INSTANCE_KEY = "processInstanceKey";
  static final String MDC_JOB_KEY = "jobKey";
  static final String MDC_JOB_TYPE = "jobType";
  static final String MDC_SUBJECT = "subject";

  /** The ids a process carries, in the order that names its subject best (as on tasks and in the audit trail). */
  private static final List<Map.Entry<String, String>> SUBJECT_IDS = List.of(
      Map.entry("statementId", "statement"), Map.entry("disputeId", "dispute"), Map.entry("invoiceId", "invoice"),
      Map.entry("orderId", "order"), Map.entry("customerId", "customer"));

  /** The outcome tag: the job completed, failed (retried or an incident), ended in a BPMN error, or stays open. */
  enum Outcome { COMPLETED, FAILED, BPMN_ERROR, OPEN;

    String tag() {
      return name().toLowerCase().replace('_', '-');
    }
  }

  private final JobHandler handler;
  private final MeterRegistry registry;

  ObservedJobHandler(JobHandler handler, MeterRegistry registry) {
    this.handler = handler;
    this.registry = registry;
  }

  @Override
  public void handle(JobClient client, ActivatedJob job) throws Exception {
    ObservingClient observing = new ObservingClient(client);
    Map<String, String> before = MDC.getCopyOfContextMap();
    MDC.put(MDC_PROCESS_INSTANCE_KEY, String.valueOf(job.getProcessInstanceKey()));
    MDC.put(MDC_JOB_KEY, String.valueOf(job.getKey()));
    MDC.put(MDC_JOB_TYPE, job.getType());
    String subject = subjectOf(job);
    if (subject != null) {
      MDC.put(MDC_SUBJECT, subject);
    }
    Timer.Sample sample = Timer.start(registry);
    try {
      handler.handle(observing, job);
    } catch (Exception | Error e) {
      observing.outcome = Outcome.FAILED;
      throw e;
    } finally {
      sample.stop(Timer.builder(TIMER)
          .description("Time a job worker took to handle a job, by job type and how it left the job")
          .tag("type", job.getType())
          .tag("outcome", observing.outcome.tag())
          .register(registry));
      if (before == null) {
        MDC.clear();
      } else {
        MDC.setContextMap(before);
      }
    }
  }

  /** {@code invoice:42} and the like: the process's own {@code subject} variable, else the first id it carries. */
  static String subjectOf(ActivatedJob job) {
    Map<String, Object> variables;
    try {
      variables = job.getVariablesAsMap();
    } catch (RuntimeException unreadable) {
      return null;
    }
    if (variables == null) {
      return null;
    }
    if (variables.get("subject") instanceof String subject && !subject.isBlank()) {
      return subject;
    }
    for (Map.Entry<String, String> id : SUBJECT_IDS) {
      Object value = variables.get(id.getKey());
      if (value != null) {
        return id.getValue() + ":" + value;
      }
    }
    return null;
  }

  /** The job client the handler gets, noting which command it asked for; the last one counts. */
  private static final class ObservingClient implements JobClient {

    private final JobClient client;
    private volatile Outcome outcome = Outcome.OPEN;

    ObservingClient(JobClient client) {
      this.client = client;
    }

    @Override
    public CompleteJobCommandStep1 newCompleteCommand(long jobKey) {
      outcome = Outcome.COMPLETED;
      return client.newCompleteCommand(jobKey);
    }

    @Override
    public CompleteJobCommandStep1 newCompleteCommand(ActivatedJob job) {
      outcome = Outcome.COMPLETED;
      return client.newCompleteCommand(job);
    }

    @Override
    public FailJobCommandStep1 newFailCommand(long jobKey) {
      outcome = Outcome.FAILED;
      return client.newFailCommand(jobKey);
    }

    @Override
    public FailJobCommandStep1 newFailCommand(ActivatedJob job) {
      outcome = Outcome.FAILED;
      return client.newFailCommand(job);
    }

    @Override
    public ThrowErrorCommandStep1 newThrowErrorCommand(long jobKey) {
      outcome = Outcome.BPMN_ERROR;
      return client.newThrowErrorCommand(jobKey);
    }

    @Override
    public ThrowErrorCommandStep1 newThrowErrorCommand(ActivatedJob job) {
      outcome = Outcome.BPMN_ERROR;
      return client.newThrowErrorCommand(job);
    }

    @Override
    public ActivateJobsCommandStep1 newActivateJobsCommand() {
      return client.newActivateJobsCommand();
    }

    @Override
    public StreamJobsCommandStep1 newStreamJobsCommand() {
      return client.newStreamJobsCommand();
    }
  }
}
