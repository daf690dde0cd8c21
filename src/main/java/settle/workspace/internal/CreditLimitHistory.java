package settle.workspace.internal;

import java.time.ZoneOffset;
import java.util.List;
import org.springframework.stereotype.Component;
import settle.credit.CreditReviews;

/** The customer page's credit limit history in words: when, from what to what, why, and who decided. */
@Component("creditLimits")
public class CreditLimitHistory {

  private final CreditReviews reviews;

  CreditLimitHistory(CreditReviews reviews) {
    this.reviews = reviews;
  }

  public record Change(String on, String change, String reason, String decidedBy) {}

  public List<Change> history(long customerId) {
    return reviews.limitHistory(customerId).stream().map(r -> new Change(settle.common.Dates.day(r.appliedAt().atZone(ZoneOffset.UTC).toLocalDate()),
        r.change(), r.reason(), r.decidedBy() == null ? "by policy" : "approved by " + r.decidedBy())).toList();
  }
}
