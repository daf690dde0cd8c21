package settle.credit.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import settle.credit.CreditReviews;
import settle.payments.InvoicePaid;

/**
 * Reliability is news for the credit limit: every {@code settle.credit-review.after-on-time-payments} on-time payments in
 * a row ask for the customer's review, so the policy can raise the limit without waiting for the month's end. After the
 * payment commits, in its own transaction: a review that cannot be asked never undoes a payment (the monthly sweep
 * reviews the customer anyway).
 */
@Component
class OnTimePaymentsListener {

  private final CreditReviews reviews;
  private final int every;

  OnTimePaymentsListener(CreditReviews reviews, @Value("${settle.credit-review.after-on-time-payments:3}") int every) {
    this.reviews = reviews;
    this.every = every;
  }

  @TransactionalEventListener
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void invoicePaid(InvoicePaid paid) {
    int inRow = reviews.facts(paid.customerId()).onTimeInRow();
    if (every > 0 && inRow > 0 && inRow % every == 0) {
      reviews.request(paid.customerId(), inRow + " on-time payments in a row", null);
    }
  }
}
