package settle.risk.internal;

import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import settle.collections.PromiseBroken;
import settle.disputes.DisputeRaised;
import settle.invoicing.PaymentApplied;
import settle.orders.OrderPlaced;
import settle.risk.RiskRatings;

/**
 * Rescores a customer when something that the scorecard reads happens to them: a payment, a dispute, a broken promise,
 * an order. Once per customer per transaction, right after it commits, before the caller's call returns: the scorecard is the engine's
 * to evaluate, and inside the transaction its round trip would hold the transaction's locks (a payment's invoice, cash
 * matching's customer) and wait on an engine that may be away. So the caller sees the new rating when its call returns;
 * a process the transaction started through the outbox may read the earlier one if it gets there within that round trip.
 * If scoring fails the change itself stands; the daily run scores the customer again.
 */
@Component
class RescoreOnActivity {

  private static final Logger log = LoggerFactory.getLogger(RescoreOnActivity.class);
  private static final Object PENDING = new Object();

  private final RiskRatings ratings;

  RescoreOnActivity(RiskRatings ratings) {
    this.ratings = ratings;
  }

  @EventListener
  void on(PaymentApplied event) {
    rescore(event.customerId());
  }

  @EventListener
  void on(DisputeRaised event) {
    rescore(event.customerId());
  }

  @EventListener
  void on(PromiseBroken event) {
    rescore(event.customerId());
  }

  @EventListener
  void on(OrderPlaced event) {
    rescore(event.customerId());
  }

  @SuppressWarnings("unchecked")
  private void rescore(long customerId) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      safely(customerId);
      return;
    }
    Set<Long> pending = (Set<Long>) TransactionSynchronizationManager.getResource(PENDING);
    if (pending == null) {
      Set<Long> customers = new LinkedHashSet<>();
      TransactionSynchronizationManager.bindResource(PENDING, customers);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          // on a thread of its own: this one carries the committed transaction's connection until the callbacks end,
          // and work joined to it would never commit; the caller waits, so it returns with the new rating in place
          Thread scoring = Thread.ofVirtual().name("rescore-after-commit").start(() -> customers.forEach(RescoreOnActivity.this::safely));
          try {
            scoring.join();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }

        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
        }
      });
      pending = customers;
    }
    pending.add(customerId);
  }

  private void safely(long customerId) {
    try {
      ratings.rescore(customerId);
    } catch (RuntimeException e) {
      log.warn("Could not rescore customer {} now; the daily run will: {}", customerId, e.getMessage());
    }
  }
}
