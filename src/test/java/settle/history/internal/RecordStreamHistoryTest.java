package settle.history.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import settle.history.ProcessHistory;
import settle.testdata.Journeys;
import settle.testdata.SettleTest;

/** The embedded adapter's copy of the engine's log is keyed by record position and key, so reading the log twice changes nothing. */
@SettleTest
class RecordStreamHistoryTest {

  @Autowired ProcessHistory history;
  @Autowired CamundaClient client;
  @Autowired JdbcTemplate jdbc;

  @Test
  void readingTheWholeLogAgainAddsAndChangesNothing() {
    String process = "history-replay-" + System.nanoTime();
    client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess(process).name("Replay me").startEvent("begun")
        .endEvent("done").done(), process + ".bpmn").send().join();
    long key = client.newCreateInstanceCommand().bpmnProcessId(process).latestVersion().variables(Map.of("answer", 42))
        .send().join().getProcessInstanceKey();
    await().atMost(Journeys.PATIENCE).until(() -> history.instance(key).map(h -> "COMPLETED".equals(h.instance().state())).orElse(false));
    List<Map<String, Object>> before = rows(key);
    assertThat(before).isNotEmpty();

    ((RecordStreamHistory) history).copyAgainFromStart();

    assertThat(rows(key)).isEqualTo(before);
  }

  private List<Map<String, Object>> rows(long key) {
    return jdbc.queryForList("""
        select 'element' as t, element_instance_key as k, element_id as what, started_at, ended_at, end_state from history_element
          where process_instance_key = ?
        union all
        select 'variable', position, name || '=' || value, at, null, null from history_variable where process_instance_key = ?
        order by 1, 2""", key, key);
  }
}
