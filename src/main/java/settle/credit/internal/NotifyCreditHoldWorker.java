package settle.credit.internal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import settle.communication.MailOutbox;
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
    mail.enqueue(new OutgoingMail("order:" + orderId + ":credit-hold", mail.arTeamName(), customer.accountOwnerEmail(),
        "Credit hold: order " + orderId + " for " + customer.name(), "credit-hold",
        Map.of("order", order, "customer", customer, "reason", String.valueOf(creditDecision.get("reason")),
            "exposurePercent", exposureRatio.movePointRight(2).setScale(0, java.math.RoundingMode.HALF_UP),
            "maxDaysPastDue", maxDaysPastDue, "orderUrl", publicUrl + "/api/orders/" + orderId),
        List.of(), "order:" + orderId));
  }
}
