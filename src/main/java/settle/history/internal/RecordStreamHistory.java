package settle.history.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import settle.engine.EngineRecords;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.intent.DecisionEvaluationIntent;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.DecisionEvaluationRecordValue;
import io.camunda.zeebe.protocol.record.value.EvaluatedDecisionValue;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import io.camunda.zeebe.protocol.record.value.deployment.DecisionRecordValue;
import io.camunda.zeebe.protocol.record.value.deployment.DecisionRequirementsRecordValue;
import io.camunda.zeebe.protocol.record.value.deployment.Process;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;
import settle.history.DecisionEvaluation;
import settle.history.InstanceHistory;
import settle.history.InstanceSummary;
import settle.history.ModelXml;
import settle.history.ProcessHistory;

/**
 * Embedded mode's adapter: copies the in-memory engine's record stream into the history tables. Each record is
 * written under its position or its key, so reading a record twice changes nothing; the tables name this engine's
 * run, because a new in-memory engine starts its keys again.
 */
public class RecordStreamHistory implements ProcessHistory {

  private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() {};
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RecordStreamHistory.class);

  private final ZeebeTestEngine engine;
  /** Reads, in the caller's transaction. */
  private final JdbcTemplate jdbc;
  /** Writes the copy on connections of its own, so a caller holding a connection never waits for one the copy needs. */
  private final HikariDataSource copyPool;
  private final JdbcTemplate copier;
  private final TransactionTemplate tx;
  private final ObjectMapper json;
  /** Names the engine the rows come from; a fresh engine (a simulation's next batch) starts its keys again. */
  private volatile String run = UUID.randomUUID().toString();
  /** Written under the lock of {@link #catchUp}, read without it by {@link #decisionBefore}. */
  private volatile long generation;
  private final Map<Long, Map<String, String>> elementNames = new HashMap<>();
  /** Per process instance, the element now completing: variables written meanwhile are what its step set. */
  private final Map<Long, Long> completing = new HashMap<>();
  private volatile int scanned;

  /** The engine stamps its records with its own clock, which the demo clock moves: they are in business time already. */
  public RecordStreamHistory(ZeebeTestEngine engine, JdbcTemplate jdbc, HikariDataSource copyPool, ObjectMapper json) {
    this.engine = engine;
    this.jdbc = jdbc;
    this.copyPool = copyPool;
    this.copier = new JdbcTemplate(copyPool);
    this.tx = new TransactionTemplate(new DataSourceTransactionManager(copyPool));
    this.json = json;
  }

  /** Spring calls it at shutdown. */
  public void close() {
    copyPool.close();
  }

  @Scheduled(fixedDelayString = "${settle.history.poll-interval:500ms}")
  @Override
  public synchronized void catchUp() {
    EngineRecords.Read read = EngineRecords.from(engine, generation, scanned);
    if (read.generation() != generation) {
      // scanned before generation: a reader that sees the new engine never sees the old one's place in its log
      scanned = 0;
      generation = read.generation();
      run = UUID.randomUUID().toString();
      elementNames.clear();
      completing.clear();
    }
    List<Record<?>> batch = read.records();
    if (batch.isEmpty()) {
      return;
    }
    int size = scanned + batch.size();
    try {
      Writes writes = new Writes();
      batch.forEach(r -> copy(r, writes));
      tx.executeWithoutResult(status -> writes.flush(copier));
    } catch (RuntimeException e) {
      // one record the copy cannot take must not stop the history (and every step that reads it): the rest go in one by one
      for (Record<?> r : batch) {
        try {
          Writes writes = new Writes();
          copy(r, writes);
          tx.executeWithoutResult(status -> writes.flush(copier));
        } catch (RuntimeException failed) {
          log.error("Process history left out the engine's record at position {} ({} {}): {}", r.getPosition(), r.getValueType(),
              r.getIntent(), failed.getMessage());
        }
      }
    }
    scanned = size;
  }

  /**
   * The rows a batch of records writes, as one JDBC batch per statement: copying row by row made every audited step
   * wait for the whole stream since the last poll. Inserts go before updates, so an element that starts and ends in
   * one batch is there to be ended.
   */
  private static final class Writes {
    private final Map<String, List<Object[]>> inserts = new LinkedHashMap<>();
    private final Map<String, List<Object[]>> updates = new LinkedHashMap<>();
    /** This batch's element rows by element instance key, so an element that ends in the batch is inserted ended. */
    private final Map<Long, Object[]> elements = new HashMap<>();

    void insert(String sql, Object... args) {
      inserts.computeIfAbsent(sql, k -> new ArrayList<>()).add(args);
    }

    void insertElement(String sql, long key, Object... args) {
      insert(sql, args);
      elements.put(key, args);
    }

    /**
     * Ends the element in its row still to be inserted, or else in the table: most elements start and end within one
     * poll, and updating each row after its insert was most of the copy's database time (orchestration benchmark).
     */
    void endElement(String run, long key, Timestamp at, String state) {
      Object[] row = elements.get(key);
      if (row != null) {
        row[row.length - 2] = at;
        row[row.length - 1] = state;
      } else {
        update("update history_element set ended_at = ?, end_state = ? where run = ? and element_instance_key = ?", at, state,
            run, key);
      }
    }

    void update(String sql, Object... args) {
      updates.computeIfAbsent(sql, k -> new ArrayList<>()).add(args);
    }

    void flush(JdbcTemplate jdbc) {
      inserts.forEach(jdbc::batchUpdate);
      updates.forEach(jdbc::batchUpdate);
    }
  }

  /** Reads the whole log again, as a restarted poller would: every row is keyed by its record, so nothing changes. */
  synchronized void copyAgainFromStart() {
    scanned = 0;
    catchUp();
  }

  private void copy(Record<?> r, Writes w) {
    if (r.getRecordType() != RecordType.EVENT) {
      return;
    }
    Timestamp at = new Timestamp(r.getTimestamp());
    switch (r.getValue()) {
      case Process p -> {
        String xml = new String(p.getResource(), StandardCharsets.UTF_8);
        model(w, p.getProcessDefinitionKey(), "PROCESS", p.getBpmnProcessId(), p.getVersion(), null, xml);
        elementNames.put(p.getProcessDefinitionKey(), ModelXml.elementNames(xml));
      }
      case DecisionRequirementsRecordValue d -> model(w, d.getDecisionRequirementsKey(), "DECISION_REQUIREMENTS",
          d.getDecisionRequirementsId(), d.getDecisionRequirementsVersion(), null, new String(d.getResource(), StandardCharsets.UTF_8));
      case DecisionRecordValue d -> model(w, d.getDecisionKey(), "DECISION", d.getDecisionId(), d.getVersion(), d.getDecisionRequirementsKey(), null);
      case ProcessInstanceRecordValue v -> element(w, r, v, at);
      case VariableRecordValue v -> {
        long setBy = v.getScopeKey() != v.getProcessInstanceKey() ? v.getScopeKey()
            : completing.getOrDefault(v.getProcessInstanceKey(), v.getProcessInstanceKey());
        w.insert("insert into history_variable(run, position, process_instance_key, scope_key, set_by, name, value, at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing", run, r.getPosition(), v.getProcessInstanceKey(),
            v.getScopeKey(), setBy, v.getName(), v.getValue(), at);
      }
      case IncidentRecordValue v -> {
        if (r.getIntent() == IncidentIntent.CREATED) {
          w.insert("insert into history_incident(run, incident_key, process_instance_key, element_instance_key, element_id,"
              + " error_type, error_message, created_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing", run, r.getKey(),
              v.getProcessInstanceKey(), v.getElementInstanceKey(), v.getElementId(), v.getErrorType().name(), v.getErrorMessage(), at);
        } else if (r.getIntent() == IncidentIntent.RESOLVED) {
          w.update("update history_incident set resolved_at = ? where run = ? and incident_key = ?", at, run, r.getKey());
        }
      }
      case DecisionEvaluationRecordValue v -> decision(w, r, v, at);
      default -> { }
    }
  }

  private void model(Writes w, long key, String kind, String id, int version, Long requirementsKey, String xml) {
    w.insert("insert into history_model(run, model_key, kind, model_id, version, requirements_key, xml) values (?, ?, ?, ?, ?, ?, ?)"
        + " on conflict do nothing", run, key, kind, id, version, requirementsKey, xml);
  }

  private void element(Writes w, Record<?> r, ProcessInstanceRecordValue v, Timestamp at) {
    if (v.getBpmnElementType() == BpmnElementType.SEQUENCE_FLOW) {
      return;
    }
    if (r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATING) {
      String name = names(v.getProcessDefinitionKey()).get(v.getElementId());
      // ended_at and end_state last: endElement fills them in when the element ends in the same batch, and a row already
      // there unended (the log read again from its start) takes that end
      w.insertElement("""
              insert into history_element(run, element_instance_key, process_instance_key, process_definition_key, bpmn_process_id,
                version, element_id, element_name, element_type, flow_scope_key, parent_process_instance_key, started_at, position,
                ended_at, end_state)
              values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
              on conflict (run, element_instance_key) do update set ended_at = excluded.ended_at, end_state = excluded.end_state
              where history_element.ended_at is null and excluded.ended_at is not null""", r.getKey(),
          run, r.getKey(), v.getProcessInstanceKey(), v.getProcessDefinitionKey(), v.getBpmnProcessId(), v.getVersion(),
          v.getElementId(), name, v.getBpmnElementType().name(), v.getFlowScopeKey(),
          v.getParentProcessInstanceKey() > 0 ? v.getParentProcessInstanceKey() : null, at, r.getPosition(), null, null);
    } else if (r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETING) {
      completing.put(v.getProcessInstanceKey(), r.getKey());
    } else if (r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED || r.getIntent() == ProcessInstanceIntent.ELEMENT_TERMINATED) {
      completing.remove(v.getProcessInstanceKey(), r.getKey());
      if (v.getBpmnElementType() == BpmnElementType.PROCESS) {
        completing.remove(v.getProcessInstanceKey());
      }
      w.endElement(run, r.getKey(), at, r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED ? "COMPLETED" : "TERMINATED");
    }
  }

  private Map<String, String> names(long processDefinitionKey) {
    return elementNames.computeIfAbsent(processDefinitionKey, key -> copier.queryForList(
        "select xml from history_model where run = ? and model_key = ? and kind = 'PROCESS'", String.class, run, key).stream()
        .findFirst().map(ModelXml::elementNames).orElse(Map.of()));
  }

  /** The row of an evaluation, written from what {@link #evaluation} reads off the record, so both say the same. */
  private void decision(Writes w, Record<?> r, DecisionEvaluationRecordValue v, Timestamp at) {
    DecisionEvaluation e = evaluation(r, v);
    List<Map<String, Object>> rules = e.matchedRules().stream()
        .map(m -> Map.<String, Object>of("ruleId", m.ruleId(), "ruleIndex", m.ruleIndex())).toList();
    boolean failed = r.getIntent() == DecisionEvaluationIntent.FAILED;
    w.insert("""
            insert into history_decision(run, evaluation_key, process_instance_key, element_instance_key, element_id, decision_id,
              decision_name, version, decision_key, evaluated_at, matched_rules, inputs, outputs, failure)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?) on conflict do nothing""",
        run, e.evaluationKey(), e.processInstanceKey(), e.elementInstanceKey(), e.elementId(), e.decisionId(), e.decisionName(),
        e.version(), e.decisionKey(), at, write(rules), write(e.inputs()), failed ? null : v.getDecisionOutput(),
        failed ? v.getEvaluationFailureMessage() : null);
  }

  /** The evaluation a record holds, as {@link #decisionRow} reads its copy back. */
  private DecisionEvaluation evaluation(Record<?> r, DecisionEvaluationRecordValue v) {
    // the decision the record is of, among the ones it evaluated (a decision's requirements come first)
    EvaluatedDecisionValue root = v.getEvaluatedDecisions().stream().filter(d -> d.getDecisionId().equals(v.getDecisionId()))
        .reduce((a, b) -> b).orElse(null);
    Map<String, Object> inputs = new LinkedHashMap<>();
    List<DecisionEvaluation.MatchedRule> rules = new ArrayList<>();
    if (root != null) {
      root.getEvaluatedInputs().forEach(i -> inputs.put(i.getInputName(), parse(i.getInputValue())));
      root.getMatchedRules().forEach(m -> rules.add(new DecisionEvaluation.MatchedRule(m.getRuleId(), m.getRuleIndex(), null)));
    }
    boolean failed = r.getIntent() == DecisionEvaluationIntent.FAILED;
    return new DecisionEvaluation(r.getKey(), v.getDecisionId(), v.getDecisionName(), v.getDecisionVersion(), v.getDecisionKey(), rules,
        inputs, failed ? null : parse(v.getDecisionOutput()), v.getProcessInstanceKey() > 0 ? v.getProcessInstanceKey() : null,
        v.getElementInstanceKey() > 0 ? v.getElementInstanceKey() : null, v.getElementId().isEmpty() ? null : v.getElementId(),
        Instant.ofEpochMilli(r.getTimestamp()));
  }

  // ---- reading

  @Override
  public Optional<InstanceHistory> instance(long processInstanceKey) {
    catchUp();
    return summary(processInstanceKey).map(summary -> new InstanceHistory(summary,
        jdbc.query("""
                select element_instance_key, element_id, element_name, element_type, started_at, ended_at, end_state
                from history_element where run = ? and process_instance_key = ? and element_type <> 'PROCESS' order by position""",
            (rs, i) -> new InstanceHistory.Element(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), instant(rs, 5),
                instant(rs, 6), rs.getString(7) == null ? "ACTIVE" : rs.getString(7)), run, processInstanceKey),
        jdbc.query("select set_by, scope_key, name, value from history_variable where run = ? and process_instance_key = ? order by position",
            (rs, i) -> new InstanceHistory.VariableSet(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)), run, processInstanceKey),
        jdbc.query("""
                select incident_key, element_instance_key, element_id, error_type, error_message, created_at, resolved_at
                from history_incident where run = ? and process_instance_key = ? order by created_at""",
            (rs, i) -> new InstanceHistory.Incident(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                instant(rs, 6), rs.getTimestamp(7) != null), run, processInstanceKey),
        jdbc.query("select " + DECISION + " from history_decision where run = ? and process_instance_key = ? order by evaluation_key",
            this::decisionRow, run, processInstanceKey),
        jdbc.query("select " + INSTANCE + " from history_element where run = ? and parent_process_instance_key = ? and element_type = 'PROCESS'"
            + " order by position", this::summaryRow, run, processInstanceKey)));
  }

  private Optional<InstanceSummary> summary(long processInstanceKey) {
    return jdbc.query("select " + INSTANCE + " from history_element where run = ? and element_instance_key = ? and element_type = 'PROCESS'",
        this::summaryRow, run, processInstanceKey).stream().findFirst();
  }

  @Override
  public List<InstanceSummary> instancesWith(String variable, String jsonValue) {
    catchUp();
    return jdbc.query("select " + INSTANCE + " from history_element e where run = ? and element_type = 'PROCESS' and element_instance_key in"
        + " (select process_instance_key from history_variable v where v.run = ? and v.scope_key = v.process_instance_key and name = ? and value = ?)"
        + " order by position desc", this::summaryRow, run, run, variable, jsonValue);
  }

  @Override
  public Optional<DecisionEvaluation> decision(long evaluationKey) {
    return jdbc.query("select " + DECISION + " from history_decision where run = ? and evaluation_key = ?", this::decisionRow, run, evaluationKey)
        .stream().findFirst();
  }

  /**
   * The newest evaluation before a step: an audit-decision step follows its evaluation by moments, so it is looked for
   * first among the records not copied yet, without the copy's lock (every such step waited for the whole copy, the
   * poller's or another step's: the largest handler time in the orchestration benchmark), then in the copy. The copy
   * moves {@code scanned} on only after its rows are committed, so a record is always in one place or the other.
   */
  @Override
  public Optional<DecisionEvaluation> decisionBefore(long processInstanceKey, String decisionId, long beforeKey) {
    List<Record<?>> uncopied = EngineRecords.from(engine, generation, scanned).records();
    for (int i = uncopied.size() - 1; i >= 0; i--) {
      Record<?> r = uncopied.get(i);
      if (r.getRecordType() == RecordType.EVENT && r.getValue() instanceof DecisionEvaluationRecordValue v
          && v.getProcessInstanceKey() == processInstanceKey && v.getDecisionId().equals(decisionId) && r.getKey() < beforeKey) {
        return Optional.of(evaluation(r, v));
      }
    }
    return jdbc.query("select " + DECISION + " from history_decision where run = ? and process_instance_key = ? and decision_id = ?"
        + " and evaluation_key < ? order by evaluation_key desc limit 1", this::decisionRow, run, processInstanceKey, decisionId, beforeKey)
        .stream().findFirst();
  }

  @Override
  public Optional<String> processXml(long processDefinitionKey) {
    return jdbc.queryForList("select xml from history_model where run = ? and model_key = ? and kind = 'PROCESS'", String.class,
        run, processDefinitionKey).stream().findFirst();
  }

  @Override
  public Optional<String> decisionXml(long decisionKey) {
    return jdbc.queryForList("select r.xml from history_model d join history_model r on r.run = d.run and r.model_key = d.requirements_key"
        + " where d.run = ? and d.model_key = ? and d.kind = 'DECISION'", String.class, run, decisionKey).stream().findFirst();
  }

  private static final String INSTANCE = "element_instance_key, bpmn_process_id, version, process_definition_key, end_state, started_at,"
      + " ended_at, parent_process_instance_key";

  private InstanceSummary summaryRow(ResultSet rs, int row) throws SQLException {
    Long parent = rs.getObject(8) == null ? null : rs.getLong(8);
    return new InstanceSummary(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4),
        rs.getString(5) == null ? "ACTIVE" : rs.getString(5), instant(rs, 6), instant(rs, 7), parent);
  }

  private static final String DECISION = "evaluation_key, decision_id, decision_name, version, decision_key, matched_rules::text,"
      + " inputs::text, outputs::text, process_instance_key, element_instance_key, element_id, evaluated_at";

  private DecisionEvaluation decisionRow(ResultSet rs, int row) throws SQLException {
    List<DecisionEvaluation.MatchedRule> rules = read(rs.getString(6), LIST).stream()
        .map(m -> new DecisionEvaluation.MatchedRule(String.valueOf(m.get("ruleId")), ((Number) m.get("ruleIndex")).intValue(), null))
        .toList();
    @SuppressWarnings("unchecked")
    Map<String, Object> inputs = (Map<String, Object>) parse(rs.getString(7));
    long pik = rs.getLong(9);
    Long processInstanceKey = rs.wasNull() ? null : pik;
    long eik = rs.getLong(10);
    Long elementInstanceKey = rs.wasNull() ? null : eik;
    return new DecisionEvaluation(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getLong(5), rules, inputs,
        parse(rs.getString(8)), processInstanceKey, elementInstanceKey, rs.getString(11), instant(rs, 12));
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private Object parse(String value) {
    if (value == null) {
      return null;
    }
    try {
      return json.readValue(value, Object.class);
    } catch (JsonProcessingException e) {
      return value;
    }
  }

  private <T> T read(String value, TypeReference<T> type) {
    try {
      return json.readValue(value, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
