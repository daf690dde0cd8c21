package settle.collections.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import settle.customers.CustomerDirectory;
import settle.customers.CustomerView;
import settle.disputes.Disputes;
import settle.disputes.SegmentationInputs;
import settle.engine.EngineCommands;
import settle.invoicing.Invoices;
import settle.invoicing.OpenInvoice;
import settle.models.LiveDecisionInputs;

/**
 * The two collection tables' inputs as the loop would read them now: every customer for the segmentation, every
 * invoice in collection (at the stage its loop is at) for the cadence, with its customer's segment from the
 * segmentation table in force.
 */
class CollectionPolicyInputs {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  @Component
  static class Segmentation implements LiveDecisionInputs {
    private final CustomerDirectory customers;
    private final Disputes disputes;

    Segmentation(CustomerDirectory customers, Disputes disputes) {
      this.customers = customers;
      this.disputes = disputes;
    }

    @Override
    public String decisionId() {
      return "customer-segmentation";
    }

    @Override
    public String population() {
      return "customers";
    }

    @Override
    public List<LiveCase> today() {
      return customers.all().stream().map(c -> new LiveCase(c.name(), inputs(disputes.segmentationInputs(c)))).toList();
    }
  }

  @Component
  static class Cadence implements LiveDecisionInputs {
    private final Invoices invoices;
    private final CollectionChecks checks;
    private final CustomerDirectory customers;
    private final EngineCommands engine;
    private final ObjectMapper json;
    private final JdbcTemplate jdbc;

    Cadence(Invoices invoices, CollectionChecks checks, CustomerDirectory customers, EngineCommands engine, ObjectMapper json,
            JdbcTemplate jdbc) {
      this.invoices = invoices;
      this.checks = checks;
      this.customers = customers;
      this.engine = engine;
      this.json = json;
      this.jdbc = jdbc;
    }

    @Override
    public String decisionId() {
      return "next-collection-action";
    }

    @Override
    public String population() {
      return "invoices in collection";
    }

    @Override
    public List<LiveCase> today() {
      List<LiveCase> cases = new ArrayList<>();
      Map<Long, Map<String, Object>> segments = new HashMap<>();
      for (OpenInvoice open : invoices.openInvoices()) {
        CollectionChecks.Assessment a = checks.assess(open.id());
        if (!a.invoiceStatus().equals("OPEN") && !a.invoiceStatus().equals("PARTIALLY_PAID")) {
          continue; // handed over to an agency or lawyer: no longer dunned
        }
        CustomerView customer = customers.get(a.customerId());
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("segmentation", segments.computeIfAbsent(a.customerId(), id -> segmentOf(a)));
        inputs.put("stage", stageOf(open.id()));
        inputs.put("daysFromDue", a.daysFromDue());
        inputs.put("promiseState", a.promiseState());
        inputs.put("openAmount", a.openAmount());
        cases.add(new LiveCase("Invoice " + open.number() + " (" + customer.name() + ")", inputs));
      }
      return cases;
    }

    /** The customer's segment from the segmentation table in force, as the loop's own turn asks it. */
    private Map<String, Object> segmentOf(CollectionChecks.Assessment a) {
      String output = engine.evaluateDecision("customer-segmentation", Map.of("riskRating", a.riskRating(),
          "customerOpenBalance", a.customerOpenBalance(), "tenureDays", a.tenureDays(),
          "disputesLast12Months", a.disputesLast12Months())).getDecisionOutput();
      try {
        return json.readValue(output, MAP);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("The segmentation table answered " + output, e);
      }
    }

    /**
     * The stage of the loop's current turn: the latest step not yet taken; after a taken (or skipped) step, the
     * next stage; before any step, 0.
     */
    private int stageOf(long invoiceId) {
      return jdbc.query("select stage, performed_at is not null or status = 'SKIPPED_LATE' from dunning_step"
              + " where invoice_id = ? order by stage desc limit 1",
          rs -> rs.next() ? rs.getInt(1) + (rs.getBoolean(2) ? 1 : 0) : 0, invoiceId);
    }
  }

  static Map<String, Object> inputs(SegmentationInputs s) {
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("riskRating", s.riskRating());
    inputs.put("customerOpenBalance", s.customerOpenBalance());
    inputs.put("tenureDays", s.tenureDays());
    inputs.put("disputesLast12Months", s.disputesLast12Months());
    return inputs;
  }
}
