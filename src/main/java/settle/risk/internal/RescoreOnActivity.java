package settle.risk.internal;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import settle.collections.PromiseBroken;
import settle.disputes.DisputeRaised;
import settle.engine.BackgroundWork;
import settle.invoicing.PaymentApplied;
import settle.orders.OrderPlaced;
import settle.risk.RiskRatings;

/**
 * Rescores a customer when something that the scorecard reads happens to them: a payment, a dispute, a broken promise,
 * an order. Once per customer per transaction, after it commits, in the background ({@link BackgroundWork}): the
 * scorecard is the engine's to evaluate, and inside the transaction its round trip would hold the transaction's locks (a
 * payment's invoice, cash matching's customer) and wait on an engine that may be away; after the commit, the caller
 * waited for it too (a payment took three times as long to record, and the simulation's days and the orchestration
 * benchmark's payments went at its pace). So the new rating shows a moment after the call returns. One rescoring per
 * customer at a time: something that happens to them while theirs is queued is read when it starts, and while it runs,
 * by one more run after it.
 * If scoring fails the change itself stands; the daily run scores the customer again.
 */
@Component
class RescoreOnActivity {

  private static final Logger log = LoggerFactory.getLogger(RescoreOnActivity.class);
  private static final Object PENDING = new Object();
  private static final String WORK = "risk rescoring";

  private final RiskRatings ratings;
  private final BackgroundWork background;
  /**
   * Customers with a rescoring queued or running, each with whether something happened to them since it started (then
   * it scores them once more): one rescoring per customer at a time, so an older one never finishes last.
   */
  private final Map<Long, Boolean> scheduled = new ConcurrentHashMap<>();

  RescoreOnActivity(RiskRatings ratings, BackgroundWork background) {
    this.ratings = ratings;
    this.background = background;
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
      later(customerId);
      return;
    }
    Set<Long> pending = (Set<Long>) TransactionSynchronizationManager.getResource(PENDING);
    if (pending == null) {
      Set<Long> customers = new LinkedHashSet<>();
      TransactionSynchronizationManager.bindResource(PENDING, customers);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          customers.forEach(RescoreOnActivity.this::later);
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

  private void later(long customerId) {
    if (!scheduled.compute(customerId, (id, changed) -> changed != null)) {
      background.start(WORK, () -> {
        do {
          // what is committed by now, this run reads
          scheduled.put(customerId, false);
          safely(customerId);
        } while (scheduled.compute(customerId, (id, changed) -> changed ? true : null) != null);
      });
    }
  }

  private void safely(long customerId) {
    try {
      ratings.rescore(customerId);
    } catch (RuntimeException e) {
      log.warn("Could not rescore customer {} now; the daily run will: {}", customerId, e.getMessage());
    }
  }
}
