package settle.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class ObservedJobHandlerTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final JobClient client = mock(JobClient.class);

  @Test
  void aCompletedJobIsTimedByTypeAndOutcomeWithItsKeysAndSubjectInTheLoggingContext() throws Exception {
    Map<String, String> seen = new HashMap<>();
    new ObservedJobHandler((jobClient, job) -> {
      seen.putAll(MDC.getCopyOfContextMap());
      jobClient.newCompleteCommand(job.getKey());
    }, registry).handle(client, job("send-reminder", Map.of("invoiceId", 42, "customerId", 7)));

    assertThat(count("send-reminder", "completed")).isEqualTo(1);
    assertThat(seen).containsEntry("processInstanceKey", "2251799813685249").containsEntry("jobKey", "2251799813685300")
        .containsEntry("jobType", "send-reminder").containsEntry("subject", "invoice:42");
    assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
  }

  @Test
  void aJobTheClientFailsOrEndsInABpmnErrorIsCountedSoAndAJobLeftOpenIsOpen() throws Exception {
    new ObservedJobHandler((jobClient, job) -> jobClient.newFailCommand(job), registry).handle(client, job("match-statement", Map.of()));
    new ObservedJobHandler((jobClient, job) -> jobClient.newThrowErrorCommand(job.getKey()), registry)
        .handle(client, job("match-statement", Map.of()));
    new ObservedJobHandler((jobClient, job) -> { }, registry).handle(client, job("io.camunda.zeebe:userTask", Map.of()));

    assertThat(count("match-statement", "failed")).isEqualTo(1);
    assertThat(count("match-statement", "bpmn-error")).isEqualTo(1);
    assertThat(count("match-statement", "completed")).isZero();
    assertThat(count("io.camunda.zeebe:userTask", "open")).isEqualTo(1);
  }

  @Test
  void aHandlerThatThrowsIsCountedAsFailedAndLeavesTheCallersLoggingContextAsItWas() {
    MDC.put("request", "r-1");
    try {
      assertThatThrownBy(() -> new ObservedJobHandler((jobClient, job) -> {
        throw new IllegalStateException("boom");
      }, registry).handle(client, job("issue-invoice", Map.of("subject", "order:9")))).hasMessage("boom");

      assertThat(count("issue-invoice", "failed")).isEqualTo(1);
      assertThat(MDC.getCopyOfContextMap()).containsExactly(Map.entry("request", "r-1"));
    } finally {
      MDC.clear();
    }
  }

  @Test
  void theSubjectIsTheProcesssOwnElseTheFirstIdItCarries() {
    assertThat(ObservedJobHandler.subjectOf(job("t", Map.of("subject", "dispute:3", "invoiceId", 1)))).isEqualTo("dispute:3");
    assertThat(ObservedJobHandler.subjectOf(job("t", Map.of("statementId", 5, "invoiceId", 1)))).isEqualTo("statement:5");
    assertThat(ObservedJobHandler.subjectOf(job("t", Map.of("orderId", 8, "customerId", 2)))).isEqualTo("order:8");
    assertThat(ObservedJobHandler.subjectOf(job("t", Map.of("amount", 1)))).isNull();
  }

  private double count(String type, String outcome) {
    var timer = registry.find(ObservedJobHandler.TIMER).tag("type", type).tag("outcome", outcome).timer();
    return timer == null ? 0 : timer.count();
  }

  private static ActivatedJob job(String type, Map<String, Object> variables) {
    ActivatedJob job = mock(ActivatedJob.class);
    when(job.getType()).thenReturn(type);
    when(job.getKey()).thenReturn(2251799813685300L);
    when(job.getProcessInstanceKey()).thenReturn(2251799813685249L);
    when(job.getVariablesAsMap()).thenReturn(variables);
    return job;
  }
}
