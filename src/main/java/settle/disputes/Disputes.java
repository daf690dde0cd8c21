package settle.disputes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import settle.audit.AuditLog;
import settle.history.DecisionLineage;
import settle.common.ConflictException;
import settle.common.InvalidRequestException;
import settle.common.Money;
import settle.common.NotFoundException;
import settle.customers.CustomerDirectory;
import settle.customers.CustomerView;
import settle.disputes.internal.DisputeEvidence;
import settle.engine.EngineCommands;
import settle.engine.EngineOutbox;
import settle.invoicing.InvoiceStatus;
import settle.invoicing.InvoiceView;
import settle.invoicing.Invoices;

@Service
public class Disputes {

  /** Tells the invoice's collection loop that what is disputed changed, as named in bpmn/. */
  public static final String DISPUTE_CHANGED = "dispute-changed";

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final JdbcTemplate jdbc;
  private final Invoices invoices;
  private final CustomerDirectory customers;
  private final EngineCommands engine;
  private final EngineOutbox outbox;
  private final DisputeEvidence evidence;
  private final AuditLog audit;
  private final ObjectMapper json;
  private final Clock clock;
  private final DecisionLineage lineage;
  private final org.springframework.context.ApplicationEventPublisher events;
  private final org.springframework.transaction.support.TransactionTemplate tx;

  Disputes(JdbcTemplate jdbc, Invoices invoices, CustomerDirectory customers, EngineCommands engine, EngineOutbox outbox,
           DisputeEvidence evidence, AuditLog audit, ObjectMapper json, Clock clock, DecisionLineage lineage,
           org.springframework.context.ApplicationEventPublisher events,
           org.springframework.transaction.support.TransactionTemplate tx) {
    this.tx = tx;
    this.events = events;
    this.lineage = lineage;
    this.jdbc = jdbc;
    this.invoices = invoices;
    this.customers = customers;
    this.engine = engine;
    this.outbox = outbox;
    this.evidence = evidence;
    this.audit = audit;
    this.json = json;
    this.clock = clock;
  }

  /**
   * What dmn/customer-segmentation.dmn and dmn/dispute-routing.dmn answer for a dispute about to be raised. The engine
   * is asked before any transaction opens, so no lock waits for its answer: a caller that raises the dispute inside a
   * transaction of its own asks for this first and hands it to {@link #raise(long, RaiseDispute, List, String, Routing)}.
   */
  public record Routing(long invoiceId, Map<String, Object> segmentationInputs, EvaluateDecisionResponse segmented,
                        Map<String, Object> segmentation, Map<String, Object> routingInputs, EvaluateDecisionResponse routed,
                        Map<String, Object> routing) {}

  public Routing route(long invoiceId, RaiseDispute request) {
    InvoiceView invoice = invoices.get(invoiceId);
    CustomerView customer = customers.get(invoice.customerId());
    Map<String, Object> segmentationInputs = segmentationInputs(customer).asVariables();
    EvaluateDecisionResponse segmented = engine.evaluateDecision("customer-segmentation", segmentationInputs);
    Map<String, Object> segmentation = output(segmented);
    Map<String, Object> routingInputs = Map.of("reasonCode", request.reasonCode().name(), "disputedAmount", Money.of(request.amount()),
        "segmentation", segmentation);
    EvaluateDecisionResponse routed = engine.evaluateDecision("dispute-routing", routingInputs);
    return new Routing(invoiceId, segmentationInputs, segmented, segmentation, routingInputs, routed, output(routed));
  }

  /** {@link #raise(long, RaiseDispute, List, String, Routing)} with the tables asked first, outside any transaction. */
  public DisputeView raise(long invoiceId, RaiseDispute request, List<Evidence> files, String actor) {
    // what would be refused is refused before the engine is asked
    evidence.check(files);
    check(invoices.get(invoiceId), request);
    return raise(invoiceId, request, files, actor, route(invoiceId, request));
  }

  /**
   * Records the dispute with its evidence and the team dmn/dispute-routing.dmn named, and tells the
   * collection loop, which from then on duns only what is not disputed. Nothing is stored if any part is refused.
   */
  public DisputeView raise(long invoiceId, RaiseDispute request, List<Evidence> files, String actor, Routing routing) {
    if (routing.invoiceId() != invoiceId || !routing.routingInputs().get("reasonCode").equals(request.reasonCode().name())
        || Money.of(request.amount()).compareTo((BigDecimal) routing.routingInputs().get("disputedAmount")) != 0) {
      throw new IllegalArgumentException("The routing was asked for another dispute");
    }
    var checked = evidence.check(files);
    return tx.execute(status -> {
      InvoiceView invoice = invoices.get(invoiceId);
      check(invoice, request);
      return record(invoice, request, Money.of(request.amount()), checked, routing.segmentationInputs(), routing.segmented(),
          routing.segmentation(), routing.routingInputs(), routing.routed(), routing.routing(), actor);
    });
  }

  private void check(InvoiceView invoice, RaiseDispute request) {
    if (request.customerId() != null && request.customerId() != invoice.customerId()) {
      throw new InvalidRequestException("customerId", "Invoice " + invoice.number() + " belongs to another customer");
    }
    if (invoice.status() == InvoiceStatus.PAID) {
      throw new ConflictException("Invoice " + invoice.number() + " is paid; raise a claim for a refund instead");
    }
    BigDecimal amount = Money.of(request.amount());
    BigDecimal undisputed = undisputedOpenAmount(invoice);
    if (amount.compareTo(undisputed) > 0) {
      throw new InvalidRequestException("amount", "The dispute of " + amount + " exceeds the undisputed open amount of " + undisputed);
    }
  }

  private DisputeView record(InvoiceView invoice, RaiseDispute request, BigDecimal amount, List<DisputeEvidence.Checked> checked,
                             Map<String, Object> segmentationInputs, EvaluateDecisionResponse segmented, Map<String, Object> segmentation,
                             Map<String, Object> routingInputs, EvaluateDecisionResponse routed, Map<String, Object> routing,
                             String actor) {
    long invoiceId = invoice.id();
    Long id = jdbc.queryForObject("""
            insert into dispute(invoice_id, customer_id, reason_code, amount, currency, description, raised_by, status,
                                team, sla_hours, approval_limit, checklist, created_at)
            values (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?) returning id""", Long.class,
        invoiceId, invoice.customerId(), request.reasonCode().name(), amount, invoice.currency(), request.description().strip(),
        request.raisedBy().strip(), routing.get("team"), ((Number) routing.get("slaHours")).intValue(),
        new BigDecimal(String.valueOf(routing.get("approvalLimit"))), routing.get("checklist"), Timestamp.from(clock.instant()));
    evidence.store(id, checked);
    outbox.publishMessage(DISPUTE_CHANGED, String.valueOf(invoiceId), Map.of("disputeId", id));
    outbox.publishMessage(DisputeResolution.DISPUTE_RAISED, String.valueOf(id), processVariables(id, invoice, request, amount, routing, actor));
    String subject = "dispute:" + id;
    audit.record("system:dispute-routing", "decision.dispute-routing", subject, Map.of("decision", lineage.of(routed).asDetails(),
        "inputs", routingInputs, "output", routing));
    audit.record("system:customer-segmentation", "decision.customer-segmentation", subject, Map.of(
        "decision", lineage.of(segmented).asDetails(), "inputs", segmentationInputs, "output", segmentation));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("disputeId", id);
    details.put("reasonCode", request.reasonCode().name());
    details.put("amount", amount);
    details.put("raisedBy", request.raisedBy());
    details.put("team", routing.get("team"));
    details.put("attachments", checked.stream().map(c -> c.filename()).toList());
    audit.record(actor, "dispute.raised", subject, details);
    audit.record(actor, "dispute.raised", "invoice:" + invoiceId, details);
    events.publishEvent(new DisputeRaised(invoice.customerId(), invoiceId, id));
    return get(id);
  }

  private Map<String, Object> processVariables(long id, InvoiceView invoice, RaiseDispute request, BigDecimal amount,
                                               Map<String, Object> routing, String actor) {
    long slaHours = ((Number) routing.get("slaHours")).longValue();
    var now = clock.instant();
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("disputeId", id);
    vars.put("invoiceId", invoice.id());
    vars.put("customerId", invoice.customerId());
    vars.put("reasonCode", request.reasonCode().name());
    vars.put("amount", amount);
    vars.put("currency", invoice.currency());
    vars.put("description", request.description().strip());
    // four eyes: neither who recorded the dispute nor who took it from the customer may decide it
    vars.put("raisedByUser", actor);
    vars.put("raisedBy", request.raisedBy().strip());
    vars.put("team", routing.get("team"));
    vars.put("managersGroup", routing.get("team") + "-managers");
    vars.put("approvalLimit", routing.get("approvalLimit"));
    vars.put("checklist", routing.get("checklist"));
    vars.put("slaAt", now.plus(slaHours, ChronoUnit.HOURS).toString());
    vars.put("escalateAt", now.plus(2 * slaHours, ChronoUnit.HOURS).toString());
    // what sales agreed, in front of whoever investigates
    vars.put("dealTerms", Map.of("invoiceNumber", invoice.number(), "subtotal", invoice.subtotal(),
        "discountPercent", invoice.discountPercent(), "discountAmount", invoice.discountAmount(), "total", invoice.total(),
        "paymentTerms", invoice.paymentTerms(), "poNumber", invoice.poNumber() == null ? "" : invoice.poNumber()));
    return vars;
  }

  /** The investigation passed twice its SLA: the managers' group takes it over. */
  @Transactional
  public void escalate(long id) {
    int changed = jdbc.update("update dispute set status = 'ESCALATED', version = version + 1 where id = ? and status = 'OPEN'", id);
    if (changed == 1) {
      DisputeView dispute = get(id);
      audit.record("system:" + DisputeResolution.PROCESS_ID, "dispute.escalated", "dispute:" + id,
          Map.of("to", dispute.team() + "-managers", "slaHours", dispute.slaHours()));
    }
  }

  public record Resolution(String outcome, BigDecimal creditAmount, String rootCause, String notes, String creditNoteNumber) {}

  /** Records the outcome once; the caller mails the customer and the collection loop hears of it. */
  @Transactional
  public boolean resolve(long id, Resolution resolution, String actor) {
    int changed = jdbc.update("""
            update dispute set status = 'RESOLVED', outcome = ?, credit_amount = ?, root_cause = ?, resolved_at = ?,
              version = version + 1 where id = ? and status <> 'RESOLVED'""",
        resolution.outcome(), resolution.creditAmount(), resolution.rootCause(), Timestamp.from(clock.instant()), id);
    if (changed == 0) {
      return false;
    }
    DisputeView dispute = get(id);
    outbox.publishMessage(DISPUTE_CHANGED, String.valueOf(dispute.invoiceId()), Map.of("disputeId", id));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("outcome", resolution.outcome());
    details.put("creditAmount", resolution.creditAmount());
    details.put("creditNote", resolution.creditNoteNumber());
    details.put("rootCause", resolution.rootCause());
    details.put("notes", resolution.notes());
    audit.record(actor, "dispute.resolved", "dispute:" + id, details);
    audit.record(actor, "dispute.resolved", "invoice:" + dispute.invoiceId(), details);
    return true;
  }

  public record RootCauseCount(String month, String reasonCode, String rootCause, long disputes, String currency, BigDecimal amount) {}

  /** Resolved disputes per month, by reason, root cause and currency: where the process keeps breaking. */
  public List<RootCauseCount> rootCauses(LocalDate from, LocalDate to) {
    return jdbc.query("""
            select to_char(resolved_at at time zone 'UTC', 'YYYY-MM'), reason_code, coalesce(root_cause, ''), count(*), currency, sum(amount)
            from dispute where status = 'RESOLVED' and resolved_at >= ? and resolved_at < ?
            group by 1, 2, 3, 5 order by 1, 4 desc, 5""",
        (rs, i) -> new RootCauseCount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
            Money.of(rs.getBigDecimal(6))),
        Timestamp.from(from.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()),
        Timestamp.from(to.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
  }

  public DisputeView get(long id) {
    return withEvidence(jdbc.query("select * from dispute where id = ?", this::row, id)).stream().findFirst()
        .orElseThrow(() -> new NotFoundException("Dispute", id));
  }

  public List<DisputeView> find(String status, String team, Long invoiceId) {
    return withEvidence(jdbc.query("""
            select * from dispute where (cast(? as text) is null or status = cast(? as text))
              and (cast(? as text) is null or team = cast(? as text)) and (cast(? as bigint) is null or invoice_id = cast(? as bigint))
            order by id desc limit 500""", this::row, status, status, team, team, invoiceId, invoiceId));
  }

  /** All of one customer's disputes, newest first. */
  public List<DisputeView> ofCustomer(long customerId) {
    return withEvidence(jdbc.query("select * from dispute where customer_id = ? order by id desc", this::row, customerId));
  }

  private List<DisputeView> withEvidence(List<DisputeView> found) {
    if (found.isEmpty()) {
      return found;
    }
    Map<Long, List<DisputeView.Attachment>> attachments = evidence.listed(found.stream().map(DisputeView::id).toList());
    return found.stream().map(d -> new DisputeView(d.id(), d.invoiceId(), d.customerId(), d.reasonCode(), d.amount(), d.currency(),
        d.description(), d.raisedBy(), d.status(), d.team(), d.slaHours(), d.approvalLimit(), d.checklist(), d.outcome(),
        d.creditAmount(), d.rootCause(), d.createdAt(), d.resolvedAt(), attachments.getOrDefault(d.id(), List.of()))).toList();
  }

  /** What open disputes hold back on the invoice; dunning leaves it out. */
  public BigDecimal openDisputedAmount(long invoiceId) {
    return Money.of(jdbc.queryForObject("select coalesce(sum(amount), 0) from dispute where invoice_id = ? and status <> 'RESOLVED'",
        BigDecimal.class, invoiceId));
  }

  /** An invoice's open amount split into what the customer is asked to pay now and what open disputes hold back. */
  public record OpenSplit(BigDecimal undisputed, BigDecimal disputed) {}

  public OpenSplit openSplit(InvoiceView invoice) {
    BigDecimal disputed = openDisputedAmount(invoice.id());
    return new OpenSplit(invoice.openAmount().subtract(disputed), disputed);
  }

  /** What the customer is asked to pay now: the open amount less what open disputes hold back. */
  public BigDecimal undisputedOpenAmount(InvoiceView invoice) {
    return openSplit(invoice).undisputed();
  }

  public int disputesLast12Months(long customerId) {
    return jdbc.queryForObject("select count(*) from dispute where customer_id = ? and created_at >= ?", Integer.class,
        customerId, Timestamp.from(clock.instant().minus(365, ChronoUnit.DAYS)));
  }

  public SegmentationInputs segmentationInputs(CustomerView customer) {
    return new SegmentationInputs(customer.riskRating(), invoices.balance(customer.id(), customer.currency()).openBalance(),
        ChronoUnit.DAYS.between(customer.customerSince(), LocalDate.now(clock)), disputesLast12Months(customer.id()));
  }

  /** Evaluated by the engine, so the same table and version decide here as in the processes. */
  private Map<String, Object> output(EvaluateDecisionResponse response) {
    String decisionId = response.getDecisionId();
    try {
      Map<String, Object> output = json.readValue(response.getDecisionOutput(), MAP);
      if (output == null) {
        throw new IllegalStateException("No row of " + decisionId + " matched");
      }
      return output;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private DisputeView row(ResultSet rs, int i) throws SQLException {
    long id = rs.getLong("id");
    Timestamp resolved = rs.getTimestamp("resolved_at");
    return new DisputeView(id, rs.getLong("invoice_id"), rs.getLong("customer_id"), rs.getString("reason_code"),
        Money.of(rs.getBigDecimal("amount")), rs.getString("currency"), rs.getString("description"), rs.getString("raised_by"),
        rs.getString("status"), rs.getString("team"), rs.getInt("sla_hours"), Money.of(rs.getBigDecimal("approval_limit")),
        rs.getString("checklist"), rs.getString("outcome"),
        rs.getBigDecimal("credit_amount") == null ? null : Money.of(rs.getBigDecimal("credit_amount")), rs.getString("root_cause"),
        rs.getTimestamp("created_at").toInstant(), resolved == null ? null : resolved.toInstant(), List.of());
  }

  public record OpenByTeam(String team, String currency, long disputes, BigDecimal amount) {}

  /** Open disputes per team and currency: amounts in different currencies are never added up. */
  public List<OpenByTeam> openByTeam() {
    return jdbc.query("select team, currency, count(*) as n, sum(amount) as amount from dispute where status <> 'RESOLVED'"
            + " group by team, currency order by n desc, team, currency",
        (rs, i) -> new OpenByTeam(rs.getString("team"), rs.getString("currency"), rs.getLong("n"), Money.of(rs.getBigDecimal("amount"))));
  }
}
