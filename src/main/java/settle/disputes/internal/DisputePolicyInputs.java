package settle.disputes.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import settle.customers.CustomerDirectory;
import settle.customers.CustomerView;
import settle.disputes.Disputes;
import settle.disputes.SegmentationInputs;
import settle.engine.EngineCommands;
import settle.invoicing.Invoices;
import settle.models.LiveDecisionInputs;

/** The routing table's inputs for every dispute not yet resolved, with the customer's segment from the table in force. */
@Component
class DisputePolicyInputs implements LiveDecisionInputs {

  private final Disputes disputes;
  private final Invoices invoices;
  private final CustomerDirectory customers;
  private final EngineCommands engine;
  private final ObjectMapper json;

  DisputePolicyInputs(Disputes disputes, Invoices invoices, CustomerDirectory customers, EngineCommands engine, ObjectMapper json) {
    this.disputes = disputes;
    this.invoices = invoices;
    this.customers = customers;
    this.engine = engine;
    this.json = json;
  }

  @Override
  public String decisionId() {
    return "dispute-routing";
  }

  @Override
  public String population() {
    return "open disputes";
  }

  @Override
  public List<LiveCase> today() {
    return disputes.find(null, null, null).stream().filter(d -> !"RESOLVED".equals(d.status())).map(d -> {
      CustomerView customer = customers.get(d.customerId());
      Map<String, Object> inputs = new LinkedHashMap<>();
      inputs.put("reasonCode", d.reasonCode());
      inputs.put("disputedAmount", d.amount());
      inputs.put("segmentation", segmentOf(disputes.segmentationInputs(customer)));
      return new LiveCase("Dispute on invoice " + invoices.get(d.invoiceId()).number() + " (" + customer.name() + ")", inputs);
    }).toList();
  }

  private Map<String, Object> segmentOf(SegmentationInputs s) {
    String output = engine.evaluateDecision("customer-segmentation", Map.of("riskRating", s.riskRating(),
        "customerOpenBalance", s.customerOpenBalance(), "tenureDays", s.tenureDays(),
        "disputesLast12Months", s.disputesLast12Months())).getDecisionOutput();
    try {
      return json.readValue(output, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The segmentation table answered " + output, e);
    }
  }
}
