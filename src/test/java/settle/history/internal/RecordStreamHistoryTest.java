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
import settle.history.DecisionEvaluation;
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

  @Test
  void aStepFindsTheEvaluationItFollowsBeforeTheCopyHasItJustAsTheCopyWillHaveIt() {
    String decision = "tail-check-" + System.nanoTime();
    String process = "tail-check-process-" + System.nanoTime();
    client.newDeployResourceCommand().addResourceStringUtf8("""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="%1$s-definitions" name="Tail check" namespace="http://settle.test">
          <decision id="%1$s" name="Tail check">
            <decisionTable id="table" hitPolicy="FIRST">
              <input id="amount" label="Amount"><inputExpression id="amount-expression" typeRef="number"><text>amount</text></inputExpression></input>
              <output id="band" name="band" typeRef="string"/>
              <rule id="small"><inputEntry id="small-in"><text>&lt; 100</text></inputEntry><outputEntry id="small-out"><text>"small"</text></outputEntry></rule>
              <rule id="large"><inputEntry id="large-in"><text>&gt;= 100</text></inputEntry><outputEntry id="large-out"><text>"large"</text></outputEntry></rule>
            </decisionTable>
          </decision>
        </definitions>""".formatted(decision), decision + ".dmn")
        .addProcessModel(Bpmn.createExecutableProcess(process).startEvent()
            .businessRuleTask("decide", t -> t.zeebeCalledDecisionId(decision).zeebeResultVariable("band"))
            .serviceTask("after", t -> t.zeebeJobType(process + "-nobody")).endEvent().done(), process + ".bpmn")
        .send().join();
    RecordStreamHistory copy = (RecordStreamHistory) history;

    DecisionEvaluation uncopied;
    long instance;
    synchronized (copy) { // the copy's own lock: its poller waits meanwhile
      instance = client.newCreateInstanceCommand().bpmnProcessId(process).latestVersion().variables(Map.of("amount", 250))
          .send().join().getProcessInstanceKey();
      long key = instance;
      await().atMost(Journeys.PATIENCE).until(() -> copy.decisionBefore(key, decision, Long.MAX_VALUE).isPresent());
      assertThat(copied(instance)).as("not copied yet").isZero();
      uncopied = copy.decisionBefore(instance, decision, Long.MAX_VALUE).orElseThrow();
    }
    copy.catchUp();

    assertThat(copied(instance)).isOne();
    assertThat(uncopied.outputs()).isEqualTo("large");
    assertThat(uncopied.matchedRules()).extracting(DecisionEvaluation.MatchedRule::ruleId).containsExactly("large");
    assertThat(uncopied).isEqualTo(copy.decision(uncopied.evaluationKey()).orElseThrow());
    assertThat(copy.decisionBefore(instance, decision, uncopied.evaluationKey())).as("none before it").isEmpty();
  }

  private long copied(long instance) {
    return jdbc.queryForObject("select count(*) from history_decision where process_instance_key = ?", Long.class, instance);
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
