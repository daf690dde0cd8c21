package settle.credit.internal;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import settle.common.Money;
import settle.customers.CustomerDirectory;
import settle.models.LiveDecisionInputs;
import settle.orders.OrderStatus;
import settle.orders.Orders;

/** The credit decision's inputs for every order not yet invoiced, as the order's credit check would read them now. */
@Component
class CreditPolicyInputs implements LiveDecisionInputs {

  private static final Set<OrderStatus> OPEN = EnumSet.of(OrderStatus.RECEIVED, OrderStatus.IN_REVIEW, OrderStatus.ON_HOLD,
      OrderStatus.APPROVED, OrderStatus.FULFILLED);

  private final Orders orders;
  private final CustomerDirectory customers;
  private final ComputeExposureWorker exposure;

  CreditPolicyInputs(Orders orders, CustomerDirectory customers, ComputeExposureWorker exposure) {
    this.orders = orders;
    this.customers = customers;
    this.exposure = exposure;
  }

  @Override
  public String decisionId() {
    return "credit-decision";
  }

  @Override
  public String population() {
    return "open orders";
  }

  @Override
  public List<LiveCase> today() {
    return orders.ofCustomer(null).stream().filter(o -> OPEN.contains(o.status())).map(o -> {
      ComputeExposureWorker.Exposure e = exposure.computeExposure(o.customerId());
      Map<String, Object> inputs = new LinkedHashMap<>();
      inputs.put("riskRating", e.riskRating());
      inputs.put("exposureRatio", e.exposureRatio());
      inputs.put("maxDaysPastDue", e.maxDaysPastDue());
      inputs.put("orderAmount", o.total());
      String po = o.poNumber() == null || o.poNumber().isBlank() ? "" : " (PO " + o.poNumber() + ")";
      return new LiveCase("Order " + o.number() + po + " of " + Money.format(o.total(), o.currency()) + " ("
          + customers.get(o.customerId()).name() + ")", inputs);
    }).toList();
  }
}
