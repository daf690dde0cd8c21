package settle.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import settle.audit.AuditLog;
import settle.common.ConflictException;
import settle.common.ForbiddenException;
import settle.common.InvalidRequestException;
import settle.common.Money;
import settle.common.NotFoundException;
import settle.customers.CustomerDirectory;
import settle.customers.CustomerView;
import settle.engine.EngineOutbox;
import settle.policy.PolicyAnswers;
import settle.staff.StaffMember;

@Service
public class Inbox {

  /** The task type of a process owner's task about a decision's answer the process cannot handle. */
  public static final String UNHANDLED_ANSWER = "unhandled-policy-answer";

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final EngineOutbox outbox;
  private final AuditLog audit;
  private final ObjectMapper json;
  private final Clock clock;

  private final TaskPriority priorities;
  private final CustomerDirectory customers;
  private final PolicyAnswers answers;
  private final org.springframework.beans.factory.ObjectProvider<CompletionCheck> checks;

  Inbox(JdbcTemplate jdbc, TransactionTemplate tx, EngineOutbox outbox, AuditLog audit, ObjectMapper json, Clock clock,
        TaskPriority priorities, CustomerDirectory customers, PolicyAnswers answers,
        org.springframework.beans.factory.ObjectProvider<CompletionCheck> checks) {
    this.checks = checks;
    this.priorities = priorities;
    this.customers = customers;
    this.answers = answers;
    this.jdbc = jdbc;
    this.tx = tx;
    this.outbox = outbox;
    this.audit = audit;
    this.json = json;
    this.clock = clock;
  }

  /** A new user task from the engine. The engine may hand the same job over again; it is recorded once. */
  public void open(NewTask task) {
    if (jdbc.queryForObject("select count(*) from task where id = ?", Integer.class, task.id()) > 0) {
      return;
    }
    TaskPriority.Score priority = priorities.score(task.variables());
    // a choice the process could not carry out comes back to whoever made it, not to the whole group
    String backTo = task.variables().get("problem") == null ? null
        : lastAttempt(task.processInstanceKey(), task.taskType(), task.id()).map(TaskView::completedBy).orElse(null);
    tx.executeWithoutResult(status -> {
      int inserted = jdbc.update("""
              insert into task(id, name, task_type, bpmn_process_id, process_instance_key, candidate_groups, subject,
                               variables, form, status, created_at, priority, priority_problem, assignee)
              values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, 'OPEN', ?, ?, ?, ?) on conflict (id) do nothing""",
          task.id(), task.name(), task.taskType(), task.bpmnProcessId(), task.processInstanceKey(),
          String.join(",", task.candidateGroups()), task.subject(), toJson(task.variables()), task.form(),
          Timestamp.from(clock.instant()), priority.priority(), priority.problem(), backTo);
      if (inserted == 1) {
        String actor = "system:" + task.bpmnProcessId();
        String subject = subjectOf(task.subject(), task.id());
        Map<String, Object> opened = new java.util.LinkedHashMap<>(Map.of("task", task.name(), "taskId", task.id(),
            "candidateGroups", task.candidateGroups(), "priority", priority.priority(), "priorityInputs", priority.inputs()));
        if (priority.decision() != null) {
          audit.record("system:" + TaskPriority.DECISION, "decision." + TaskPriority.DECISION, subject, Map.of("decision",
              priority.decision().asDetails(), "task", task.name(), "taskId", task.id()));
          if (priority.decision().evaluationKey() > 0) {
            opened.put("decisionKey", String.valueOf(priority.decision().evaluationKey()));
          }
        }
        audit.record(actor, "task.opened", subject, opened);
        if (priority.problem() != null) {
          audit.record(actor, "task.priority-failed", subject, Map.of("task", task.name(), "taskId", task.id(),
              "decision", TaskPriority.DECISION, "inputs", priority.inputs(), "why", priority.problem()));
        }
      }
    });
  }

  /**
   * The attempt before this one, when the task came back because what was chosen could not be carried out
   * ({@code problem} set): its outcome is what the person chose, to be shown again.
   */
  public java.util.Optional<TaskView> cameBackFrom(TaskView task) {
    return task.variables().get("problem") == null ? java.util.Optional.empty()
        : lastAttempt(task.processInstanceKey(), task.taskType(), task.id());
  }

  /** What was chosen on that attempt, as the form's fields hold it. */
  public Map<String, String> outcome(long id) {
    String outcome = jdbc.queryForObject("select outcome from task where id = ?", String.class, id);
    Map<String, String> values = new LinkedHashMap<>();
    if (outcome != null) {
      try {
        json.readValue(outcome, MAP).forEach((k, v) -> {
          if (v != null) {
            values.put(k, v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(v));
          }
        });
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    return values;
  }

  private java.util.Optional<TaskView> lastAttempt(long processInstanceKey, String taskType, long before) {
    return jdbc.query("""
            select * from task where process_instance_key = ? and task_type = ? and status = 'COMPLETED' and id < ?
            order by id desc limit 1""", this::row, processInstanceKey, taskType, before).stream().findFirst();
  }

  public record NewTask(long id, String name, String taskType, String bpmnProcessId, long processInstanceKey,
                        List<String> candidateGroups, String subject, Map<String, Object> variables, String form) {}

  public List<TaskView> find(String group, String status, String subject) {
    return jdbc.query("""
            select * from task
            where (cast(? as text) is null or cast(? as text) = any(string_to_array(candidate_groups, ',')))
              and (cast(? as text) = 'ALL' or status = cast(? as text)) and (cast(? as text) is null or subject = cast(? as text))
            order by created_at, id limit 500""",
        this::row, group, group, status, status, subject, subject);
  }

  public TaskView get(long id) {
    return jdbc.query("select * from task where id = ?", this::row, id).stream().findFirst()
        .orElseThrow(() -> new NotFoundException("Task", id));
  }

  /**
   * A person's worklist: open tasks claimed by them, and unclaimed ones of their groups, highest
   * priority first; a task the priority table could not weigh comes before all, flagged. {@code show}
   * narrows it to MINE or UNCLAIMED; {@code group} to one of their groups.
   */
  public List<TaskView> worklist(StaffMember user, String group, String show, int limit) {
    String[] groups = user.groups().toArray(String[]::new);
    String mode = show == null ? "ALL" : show.toUpperCase(Locale.ROOT);
    // a salesperson sees the tasks of their own customers only (null: every customer's)
    Long[] owned = user.mayActFor(null) ? null
        : customers.ownedBy(user.email()).stream().map(CustomerView::id).toArray(Long[]::new);
    return jdbc.query("""
            select * from task
            where status = 'OPEN'
              and (assignee = ? or (assignee is null and string_to_array(candidate_groups, ',') && cast(? as text[])))
              and (? <> 'MINE' or assignee = ?) and (? <> 'UNCLAIMED' or assignee is null)
              and (cast(? as text) is null or cast(? as text) = any(string_to_array(candidate_groups, ',')))
              and not coalesce(variables -> 'excludedUsers', '[]'::jsonb) @> jsonb_build_array(cast(? as text))
              and (cast(? as bigint[]) is null or variables ->> 'customerId' is null
                   or cast(variables ->> 'customerId' as bigint) = any(cast(? as bigint[])))
            order by priority_problem is null, priority desc, created_at, id limit ?""",
        this::row, user.username(), groups, mode, user.username(), mode, group, group, user.username(), owned, owned, limit);
  }

  /**
   * Takes the task for oneself. Two people claiming at once: the database lets one update win, the
   * other gets a 409 naming who has it. {@code expectedVersion}, when given, also refuses a claim made
   * from a page that is out of date.
   */
  public TaskView claim(long id, StaffMember user, Long expectedVersion) {
    TaskView task = get(id);
    mustBeInGroups(task, user);
    mustNotBeExcluded(task, user);
    mustActForItsCustomer(task, user);
    int claimed = jdbc.update("""
            update task set assignee = ?, version = version + 1
            where id = ? and status = 'OPEN' and assignee is null and (cast(? as bigint) is null or version = ?)""",
        user.username(), id, expectedVersion, expectedVersion);
    TaskView now = get(id);
    if (claimed == 0 && !(user.username().equals(now.assignee()) && "OPEN".equals(now.status()))) {
      throw new ConflictException(whyNotFree(now));
    }
    if (claimed == 1) {
      audit.record(user.username(), "task.claimed", subjectOf(now.subject(), id), Map.of("task", now.name(), "taskId", id));
    }
    return now;
  }

  /** Gives a claimed task back to its groups. */
  public TaskView release(long id, StaffMember user) {
    TaskView task = get(id);
    mustBeInGroups(task, user);
    int released = jdbc.update("""
            update task set assignee = null, version = version + 1
            where id = ? and status = 'OPEN' and assignee = ?""", id, user.username());
    if (released == 0 && task.assignee() != null) {
      throw new ConflictException(whyNotFree(get(id)));
    }
    if (released == 1) {
      audit.record(user.username(), "task.released", subjectOf(task.subject(), id), Map.of("task", task.name(), "taskId", id));
    }
    return get(id);
  }

  private static String whyNotFree(TaskView task) {
    if (!"OPEN".equals(task.status())) {
      return "Task " + task.id() + " is already " + task.status().toLowerCase(Locale.ROOT)
          + (task.completedBy() == null ? "" : " by " + task.completedBy());
    }
    return task.assignee() == null ? "Task " + task.id() + " changed meanwhile; reload it"
        : "Task " + task.id() + " is claimed by " + task.assignee();
  }

  /** A task is seen by its groups, and by managers and auditors who oversee the work. */
  public TaskView visibleTo(TaskView task, StaffMember user) {
    boolean oversees = user.has(settle.staff.Role.COLLECTIONS_MANAGER) || user.has(settle.staff.Role.FINANCE_MANAGER)
        || user.has(settle.staff.Role.AUDITOR);
    if (!oversees) {
      mustBeInGroups(task, user);
    }
    return task;
  }

  /**
   * Four eyes: the model names, in the task's {@code excludedUsers} variable, who may not decide it —
   * whoever raised what it decides, took it from the customer, or proposed it.
   */
  private static void mustNotBeExcluded(TaskView task, StaffMember user) {
    if (task.variables().get("excludedUsers") instanceof java.util.Collection<?> excluded
        && excluded.stream().anyMatch(u -> user.username().equalsIgnoreCase(String.valueOf(u)))) {
      throw new ForbiddenException(user.username() + " raised or proposed what \"" + task.name()
          + "\" decides; a colleague must complete it (four eyes)");
    }
  }

  /** The ownership rule of every customer-scoped action: a salesperson works only their own customers' tasks. */
  private void mustActForItsCustomer(TaskView task, StaffMember user) {
    if (task.variables().get("customerId") instanceof Number id && !user.mayActFor(null)) {
      CustomerView customer = customers.get(id.longValue());
      if (!user.mayActFor(customer.accountOwnerEmail())) {
        throw new ForbiddenException(customer.name() + " is " + customer.accountOwnerName() + "'s customer; "
            + user.displayName() + " may work only their own customers' tasks");
      }
    }
  }

  private static void mustBeInGroups(TaskView task, StaffMember user) {
    if (task.candidateGroups().stream().noneMatch(user.groups()::contains)) {
      throw new ForbiddenException("Task " + task.id() + " belongs to " + String.join(", ", task.candidateGroups())
          + "; " + user.username() + " is not in any of them");
    }
  }

  /**
   * Completes the task with its form's variables. The completion, its audit entry and the engine's
   * job completion are committed together (the latter through the engine outbox), so a second person
   * gets a clear 409 and nothing strands: if the engine is away or the application stops before the
   * engine hears of it, the outbox delivers it later, and the process moves on.
   */
  public TaskView complete(long id, Map<String, Object> submitted, StaffMember user) {
    TaskView task = get(id);
    mustBeInGroups(task, user);
    mustNotBeExcluded(task, user);
    mustActForItsCustomer(task, user);
    String actor = user.username();
    if (!"OPEN".equals(task.status()) || (task.assignee() != null && !task.assignee().equals(actor))) {
      throw new ConflictException(whyNotFree(task));
    }
    Map<String, Object> variables = validate(task.form(), submitted == null ? Map.of() : submitted, task.variables());
    checks.forEach(check -> check.check(task, variables));
    Map<String, Object> toEngine = new LinkedHashMap<>();
    // every field of the form, blank ones as null, so nothing from an earlier task's form passes for this one's
    task.form().forEach(field -> toEngine.put(field.name(), null));
    toEngine.putAll(variables);
    toEngine.put("completedBy", actor);
    Map<String, Object> decidedAgain = decideAgain(task);
    toEngine.putAll(decidedAgain);
    tx.executeWithoutResult(status -> {
      int completed = jdbc.update("update task set status = 'COMPLETED', completed_by = ?, completed_at = ?, outcome = ?::jsonb,"
          + " assignee = ?, version = version + 1 where id = ? and status = 'OPEN' and (assignee is null or assignee = ?)",
          actor, Timestamp.from(clock.instant()), toJson(variables), actor, id, actor);
      if (completed == 0) {
        throw new ConflictException(whyNotFree(get(id)));
      }
      audit.record(actor, "task.completed", subjectOf(task.subject(), id),
          Map.of("task", task.name(), "taskType", task.taskType(), "taskId", id, "form", variables));
      if (!decidedAgain.isEmpty()) {
        audit.record(actor, "decision." + task.variables().get("decision") + ".decided-again", subjectOf(task.subject(), id),
            Map.of("inputs", task.variables().get("inputs"), "before", String.valueOf(task.variables().get("answer")),
                "after", decidedAgain.values().iterator().next()));
      }
      outbox.completeJob(id, toEngine);
    });
    return get(id);
  }

  /**
   * A process owner's task about an answer the process could not handle: the table, corrected and deployed,
   * is asked again with the same inputs, and its answer replaces the old one in the process. Still
   * unhandled: refused, nothing changes.
   */
  @SuppressWarnings("unchecked")
  private Map<String, Object> decideAgain(TaskView task) {
    if (!UNHANDLED_ANSWER.equals(task.taskType())) {
      return Map.of();
    }
    String decision = String.valueOf(task.variables().get("decision"));
    Object answer = answers.decideAgain(decision, (Map<String, Object>) task.variables().get("inputs"));
    Map<String, String> still = answers.unhandled(decision, answer);
    if (!still.isEmpty()) {
      List<String> what = new java.util.ArrayList<>();
      still.forEach((output, why) -> what.add(output + " " + why));
      throw new InvalidRequestException("decision", task.variables().get("decisionName") + " still gives an answer the process"
          + " cannot handle (" + String.join("; ", what) + "); correct the table and deploy it first");
    }
    Map<String, Object> result = new java.util.HashMap<>();
    result.put(String.valueOf(task.variables().get("resultVariable")), answer);
    return result;
  }

  /** A completion the engine never took (the process moved on first): the task says so, and so does the trail. */
  @org.springframework.context.event.EventListener
  public void completionNotTaken(settle.engine.JobCompletionNotTaken event) {
    jdbc.query("select * from task where id = ? and status = 'COMPLETED'", this::row, event.jobKey()).forEach(task -> {
      jdbc.update("update task set status = 'WITHDRAWN', version = version + 1 where id = ?", task.id());
      audit.record("system:" + task.bpmnProcessId(), "task.completion-not-taken", subjectOf(task.subject(), task.id()),
          Map.of("task", task.name(), "taskId", task.id(), "completedBy", String.valueOf(task.completedBy()),
              "why", "the process had moved on before the completion reached it, so it did not take effect"));
    });
  }

  /**
   * The process moved on without these tasks (a payment interrupted the turn): take them out of the inbox.
   * Only tasks whose job the engine created before {@code jobKey}, the withdrawing job's (keys grow within an
   * instance's partition): a withdrawing job handed over again after the process moved on leaves the new tasks alone.
   */
  public int withdrawOpenTasks(long processInstanceKey, long jobKey, String reason) {
    return tx.execute(status -> {
      List<TaskView> open = jdbc.query("select * from task where process_instance_key = ? and status = 'OPEN' and id < ?",
          this::row, processInstanceKey, jobKey);
      for (TaskView task : open) {
        jdbc.update("update task set status = 'WITHDRAWN', version = version + 1 where id = ?", task.id());
        audit.record("system:" + task.bpmnProcessId(), "task.withdrawn", subjectOf(task.subject(), task.id()),
            Map.of("task", task.name(), "taskId", task.id(), "why", reason));
      }
      return open.size();
    });
  }

  private Map<String, Object> validate(List<FormField> form, Map<String, Object> submitted, Map<String, Object> taskVariables) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (String name : submitted.keySet()) {
      if (form.stream().noneMatch(f -> f.name().equals(name))) {
        throw new InvalidRequestException(name, "'" + name + "' is not a field of this task's form");
      }
    }
    for (FormField field : form) {
      Object value = submitted.get(field.name());
      if (value == null || (value instanceof String s && s.isBlank())) {
        if (field.requiredGiven(submitted)) {
          throw new InvalidRequestException(field.name(), field.name() + " is required");
        }
        continue;
      }
      Object converted = convert(field, value);
      if ("customer".equals(field.type()) && customers.find((Long) converted).isEmpty()) {
        throw new InvalidRequestException(field.name(), "Customer " + converted + " does not exist");
      }
      if (converted instanceof BigDecimal number) {
        BigDecimal min = field.minGiven(taskVariables);
        BigDecimal max = field.maxGiven(taskVariables);
        if ((min != null && number.compareTo(min) < 0) || (max != null && number.compareTo(max) > 0)) {
          throw new InvalidRequestException(field.name(), field.label() + " must be "
              + (min == null ? "at most " + Money.of(max) : max == null ? "at least " + Money.of(min)
                  : "between " + Money.of(min) + " and " + Money.of(max)) + ", not " + number.toPlainString());
        }
      }
      variables.put(field.name(), converted);
    }
    return variables;
  }

  private static Object convert(FormField field, Object value) {
    String text = String.valueOf(value).strip();
    try {
      return switch (field.type()) {
        case "boolean" -> {
          if (value instanceof Boolean b) {
            yield b;
          }
          if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException();
          }
          yield Boolean.parseBoolean(text);
        }
        case "number" -> new BigDecimal(text);
        // a customer picked on the page arrives as their id (the page resolves what was typed)
        case "customer" -> Long.parseLong(text);
        case "date" -> LocalDate.parse(text).toString();
        case "choice" -> {
          if (!field.options().contains(text.toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException();
          }
          yield text.toUpperCase(Locale.ROOT);
        }
        default -> text;
      };
    } catch (IllegalArgumentException | DateTimeParseException e) {
      String expected = field.type().equals("choice") ? "one of " + field.options() : "a " + field.type();
      throw new InvalidRequestException(field.name(), field.name() + " must be " + expected + ", not '" + text + "'");
    }
  }

  private static String subjectOf(String subject, long id) {
    return subject == null || subject.isBlank() ? "task:" + id : subject;
  }

  private TaskView row(ResultSet rs, int i) throws SQLException {
    Timestamp completed = rs.getTimestamp("completed_at");
    try {
      return new TaskView(rs.getLong("id"), rs.getString("name"), rs.getString("task_type"),
          Arrays.stream(rs.getString("candidate_groups").split(",")).filter(s -> !s.isBlank()).toList(),
          rs.getString("assignee"), rs.getLong("process_instance_key"), rs.getString("bpmn_process_id"),
          rs.getString("subject"), json.readValue(rs.getString("variables"), MAP), FormField.parse(rs.getString("form")),
          rs.getString("status"), rs.getTimestamp("created_at").toInstant(),
          completed == null ? null : completed.toInstant(), rs.getString("completed_by"),
          Money.of(rs.getBigDecimal("priority")), rs.getString("priority_problem"), rs.getLong("version"));
    } catch (JsonProcessingException e) {
      throw new SQLException(e);
    }
  }

  private String toJson(Map<String, Object> variables) {
    try {
      return json.writeValueAsString(variables);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  public record Waiting(String group, long total, long underADay, long oneToThreeDays, long overThreeDays) {}

  /** Open tasks per candidate group, by how long they have waited. */
  public List<Waiting> waitingByGroup() {
    java.time.Instant now = clock.instant();
    return jdbc.query("""
            select g as grp, count(*) as total,
                   count(*) filter (where created_at > ?) as fresh,
                   count(*) filter (where created_at <= ? and created_at > ?) as mid,
                   count(*) filter (where created_at <= ?) as old
            from task, unnest(string_to_array(candidate_groups, ',')) as g
            where status = 'OPEN' group by g order by total desc, g""",
        (rs, i) -> new Waiting(rs.getString("grp"), rs.getLong("total"), rs.getLong("fresh"), rs.getLong("mid"), rs.getLong("old")),
        Timestamp.from(now.minus(java.time.Duration.ofDays(1))), Timestamp.from(now.minus(java.time.Duration.ofDays(1))),
        Timestamp.from(now.minus(java.time.Duration.ofDays(3))), Timestamp.from(now.minus(java.time.Duration.ofDays(3))));
  }
}
