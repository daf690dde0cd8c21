package settle.credit.internal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import settle.common.Money;
import settle.credit.CreditExposure;
import settle.credit.CreditReviews;
import settle.credit.CreditTasks;
import settle.orders.OrderStatus;
import settle.orders.OrderView;
import settle.orders.Orders;
import settle.policy.PolicyAnswers;

/**
 * Open orders follow the new limit. Every approved or held order not yet shipped is put to dmn/credit-decision.dmn
 * again, oldest first, each counted on top of what the customer already owes and the orders before it that go ahead:
 * HOLD puts an approved order on credit hold, APPROVE releases a held one, REVIEW leaves it as it is. What a review
 * held or released is recorded once, so a job handed over again changes nothing twice.
 */
@Component
public class FollowCreditLimitWorker {

  private static final BigDecimal NO_LIMIT_RATIO = BigDecimal.valueOf(999);

  private final Orders orders;
  private final CreditExposure exposure;
  private final PolicyAnswers policy;
  private final CreditReviews reviews;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;

  FollowCreditLimitWorker(Orders orders, CreditExposure exposure, PolicyAnswers policy, CreditReviews reviews,
                          JdbcTemplate jdbc, TransactionTemplate tx) {
    this.orders = orders;
    this.exposure = exposure;
    this.policy = policy;
    this.reviews = reviews;
    this.jdbc = jdbc;
    this.tx = tx;
  }

  @JobWorker(type = CreditTasks.FOLLOW_CREDIT_LIMIT)
  public void followLimit(ActivatedJob job, @Variable long customerId) {
    long reviewKey = job.getProcessInstanceKey();
    CreditReviews.Review review = reviews.review(reviewKey).orElseThrow();
    CreditExposure.Exposure now = exposure.of(customerId);
    List<OrderView> open = orders.ofCustomer(customerId).stream()
        .filter(o -> (o.status() == OrderStatus.APPROVED || o.status() == OrderStatus.ON_HOLD) && o.currency().equals(now.currency()))
        .sorted(Comparator.comparing(OrderView::id)).toList();
    // what the customer could owe without these orders; each one that goes ahead adds to it
    BigDecimal owed = now.exposure().subtract(open.stream().map(OrderView::total).reduce(BigDecimal.ZERO, BigDecimal::add));
    for (OrderView order : open) {
      BigDecimal withOrder = owed.add(order.total());
      Map<String, Object> inputs = new LinkedHashMap<>();
      inputs.put("riskRating", now.riskRating());
      inputs.put("exposureRatio", now.creditLimit().signum() == 0 ? NO_LIMIT_RATIO
          : withOrder.divide(now.creditLimit(), 4, RoundingMode.HALF_EVEN));
      inputs.put("maxDaysPastDue", now.maxDaysPastDue());
      inputs.put("orderAmount", order.total());
      @SuppressWarnings("unchecked")
      Map<String, Object> decision = (Map<String, Object>) policy.decideAgain("credit-decision", inputs);
      String outcome = String.valueOf(decision.get("decision"));
      String why = "Credit limit now " + Money.format(review.proposedLimit(), review.currency()) + ": " + decision.get("reason");
      boolean goesAhead = order.status() == OrderStatus.APPROVED ? !"HOLD".equals(outcome) : "APPROVE".equals(outcome);
      if (order.status() == OrderStatus.APPROVED && !goesAhead) {
        once(reviewKey, order.id(), "HELD", why, () -> orders.holdForCredit(order.id(), why, "system:" + CreditReviews.PROCESS_ID));
      } else if (order.status() == OrderStatus.ON_HOLD && goesAhead) {
        once(reviewKey, order.id(), "RELEASED", why, () -> orders.releaseCreditHold(order.id(), why, "system:" + CreditReviews.PROCESS_ID));
      }
      if (goesAhead) {
        owed = withOrder;
      }
    }
  }

  private void once(long reviewKey, long orderId, String action, String reason, Runnable act) {
    tx.executeWithoutResult(status -> {
      if (jdbc.update("insert into credit_review_order(review_key, order_id, action, reason) values (?, ?, ?, ?)"
          + " on conflict do nothing", reviewKey, orderId, action, reason) == 1) {
        act.run();
      }
    });
  }
}
