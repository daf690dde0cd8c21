package settle.workspace.internal;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import settle.credit.CreditReviews;

/** The customer page's credit limit history in words: when, from what to what, why, and who decided. */
@Component("creditLimits")
public class CreditLimitHistory {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  private final CreditReviews reviews;

  CreditLimitHistory(CreditReviews reviews) {
    this.reviews = reviews;
  }

  public record Change(String on, String change, String reason, String decidedBy) {}

  public List<Change> history(long customerId) {
    return reviews.limitHistory(customerId).stream().map(r -> new Change(DAY.format(r.appliedAt().atZone(ZoneOffset.UTC)),
        r.change(), r.reason(), r.decidedBy() == null ? "by policy" : "approved by " + r.decidedBy())).toList();
  }
}
