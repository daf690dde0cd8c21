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
    // people read the reason (the account owner's heads-up, the analyst's task): "from medium to high risk"
    reviews.request(changed.customerId(), "Risk rating changed from " + words(changed.from()) + " to " + words(changed.to()) + " risk",
        null);
  }

  private static String words(String rating) {
    return rating == null ? "none" : rating.toLowerCase(java.util.Locale.ROOT);
  }
}
