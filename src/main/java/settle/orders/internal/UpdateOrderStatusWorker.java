package settle.orders.internal;

import io.camunda.client.annotation.CustomHeaders;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import org.springframework.stereotype.Component;
import settle.orders.OrderStatus;
import settle.orders.OrderToCash;
import settle.orders.Orders;

/** Moves the order to the status the BPMN element names in its {@code status} header. */
@Component
public class UpdateOrderStatusWorker {

  private final Orders orders;

  UpdateOrderStatusWorker(Orders orders) {
    this.orders = orders;
  }

  @JobWorker(type = OrderToCash.UPDATE_ORDER_STATUS)
  public void updateStatus(@Variable long orderId, @Variable(optional = true) String statusReason,
                           @Variable(optional = true) Long invoiceId, @CustomHeaders Map<String, String> headers) {
    OrderStatus status = OrderStatus.valueOf(headers.get("status"));
    orders.changeStatus(orderId, status, statusReason, status == OrderStatus.INVOICED ? invoiceId : null,
        "system:" + OrderToCash.UPDATE_ORDER_STATUS);
  }
}
