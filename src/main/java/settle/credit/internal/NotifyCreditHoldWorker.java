package settle.credit.internal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import settle.common.Money;
import settle.communication.MailOutbox;
import settle.credit.CreditExposure;
import settle.communication.OutgoingMail;
import settle.credit.CreditTasks;
import settle.customers.CustomerDirectory;
import settle.customers.CustomerView;
import settle.orders.OrderView;
import settle.orders.Orders;

/** Tells the account owner that credit holds their customer's order, and why, so they can act before the customer calls. */
@Component
public class NotifyCreditHoldWorker {

  private final Orders orders;
  private final CustomerDirectory customers;
  private final MailOutbox mail;
  private final String publicUrl;

  NotifyCreditHoldWorker(Orders orders, CustomerDirectory customers, MailOutbox mail,
                         @Value("${settle.public-url}") String publicUrl) {
    this.orders = orders;
    this.customers = customers;
    this.mail = mail;
    this.publicUrl = publicUrl;
  }

  @JobWorker(type = CreditTasks.NOTIFY_CREDIT_HOLD)
  @Transactional
  public void notifyCreditHold(@Variable long orderId, @Variable Map<String, Object> creditDecision,
                               @Variable java.math.BigDecimal exposureRatio, @Variable int maxDaysPastDue) {
    OrderView order = orders.get(orderId);
    CustomerView customer = customers.get(order.customerId());
    Map<String, Object> model = new HashMap<>();
    model.put("orderNumber", order.number());
    model.put("poNumber", order.poNumber());
    model.put("customer", customer);
    model.put("total", Money.format(order.total(), order.currency()));
    model.put("reason", String.valueOf(creditDecision.get("reason")));
    model.put("exposurePercent", CreditExposure.percent(exposureRatio));
    model.put("maxDaysPastDue", maxDaysPastDue);
    // the order's page, where credit releases the hold, not the API
    model.put("orderUrl", publicUrl + "/orders/" + orderId);
    mail.enqueue(new OutgoingMail("order:" + orderId + ":credit-hold", mail.arTeamName(), customer.accountOwnerEmail(),
        "Credit hold: order " + order.number() + " for " + customer.name(), "credit-hold", model,
        List.of(), "order:" + orderId));
  }
}
