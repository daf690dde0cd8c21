package settle.credit.internal;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import settle.credit.CreditReviews;
import settle.customers.RiskRatingChanged;

/**
 * A new risk rating is news for the credit limit: the review asks dmn/credit-limit-policy.dmn at once rather than at the
 * month's end (a worse rating may cut, a better one may raise). After the rating commits, in its own transaction, so a
 * review that cannot be asked never undoes the rating.
 */
@Component
class RatingChangedListener {

  private final CreditReviews reviews;

  RatingChangedListener(CreditReviews reviews) {
    this.reviews = reviews;
  }

  @TransactionalEventListener
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void ratingChanged(RiskRatingChanged changed) {
    reviews.request(changed.customerId(), "Risk rating changed from " + changed.from() + " to " + changed.to(), null);
  }
}
