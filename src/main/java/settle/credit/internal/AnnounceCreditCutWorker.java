package settle.credit.internal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import settle.communication.MailOutbox;
import settle.communication.OutgoingMail;
import settle.credit.CreditReviews;
import settle.credit.CreditTasks;
import settle.customers.CustomerDirectory;
import settle.customers.CustomerView;

/**
 * The cut's heads-up: the account owner hears of it first, with the reason and the day it takes effect, and may object
 * on their worklist until then. The day counts from the review, so a job handed over again names the same one (and the
 * mail, keyed by the review, goes once).
 */
@Component
public class AnnounceCreditCutWorker {

  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  private final CreditReviews reviews;
  private final CustomerDirectory customers;
  private final MailOutbox mail;
  private final Duration notice;
  private final String publicUrl;

  AnnounceCreditCutWorker(CreditReviews reviews, CustomerDirectory customers, MailOutbox mail,
                          @Value("${settle.credit-review.cut-notice:7d}") Duration notice, @Value("${settle.public-url}") String publicUrl) {
    this.reviews = reviews;
    this.customers = customers;
    this.mail = mail;
    this.notice = notice;
    this.publicUrl = publicUrl;
  }

  public record HeadsUp(String cutAt) {}

  @JobWorker(type = CreditTasks.ANNOUNCE_CREDIT_CUT)
  @Transactional
  public HeadsUp announceCut(ActivatedJob job) {
    CreditReviews.Review review = reviews.review(job.getProcessInstanceKey()).orElseThrow();
    CustomerView customer = customers.get(review.customerId());
    Instant cutAt = review.reviewedAt().plus(notice);
    Map<String, Object> model = new HashMap<>();
    model.put("customer", customer);
    model.put("review", review);
    model.put("cutOn", DAY.format(cutAt.atZone(ZoneOffset.UTC)));
    model.put("worklistUrl", publicUrl + "/work");
    model.put("customerUrl", publicUrl + "/customers/" + customer.id());
    mail.enqueue(new OutgoingMail("credit-review:" + review.reviewKey() + ":heads-up", mail.arTeamName(), customer.accountOwnerEmail(),
        "Heads-up: credit limit of " + customer.name() + " to be cut on " + model.get("cutOn"), "credit-cut-heads-up", model,
        List.of(), "customer:" + customer.id()));
    return new HeadsUp(cutAt.toString());
  }
}
