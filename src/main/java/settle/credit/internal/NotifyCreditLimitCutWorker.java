package settle.credit.internal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import settle.communication.MailOutbox;
import settle.communication.OutgoingMail;
import settle.credit.CreditReviews;
import settle.credit.CreditTasks;
import settle.customers.CustomerDirectory;
import settle.customers.CustomerView;

/** Tells the customer's AP contact the new, lower limit and why, from the account owner; once per review. */
@Component
public class NotifyCreditLimitCutWorker {

  private final CreditReviews reviews;
  private final CustomerDirectory customers;
  private final MailOutbox mail;
  private final String companyName;

  NotifyCreditLimitCutWorker(CreditReviews reviews, CustomerDirectory customers, MailOutbox mail,
                             @org.springframework.beans.factory.annotation.Value("${settle.company-name}") String companyName) {
    this.companyName = companyName;
    this.reviews = reviews;
    this.customers = customers;
    this.mail = mail;
  }

  @JobWorker(type = CreditTasks.NOTIFY_CREDIT_LIMIT_CUT)
  @Transactional
  public void notifyCustomer(ActivatedJob job) {
    CreditReviews.Review review = reviews.review(job.getProcessInstanceKey()).orElseThrow();
    CustomerView customer = customers.get(review.customerId());
    Map<String, Object> model = new HashMap<>();
    model.put("customer", customer);
    model.put("review", review);
    model.put("newLimit", settle.common.Money.format(review.proposedLimit(), review.currency()));
    model.put("oldLimit", settle.common.Money.format(review.currentLimit(), review.currency()));
    model.put("since", AnnounceCreditCutWorker.DAY.format(review.appliedAt().atZone(ZoneOffset.UTC)));
    model.put("sinceDate", review.appliedAt().atZone(ZoneOffset.UTC).toLocalDate());
    mail.enqueue(new OutgoingMail("credit-review:" + review.reviewKey() + ":customer-told", customer.accountOwnerName(),
        customer.apEmail(), "Your credit limit with " + companyName + " is now "
        + model.get("newLimit"), "credit-limit-cut", model, List.of(), "customer:" + customer.id(), customer.apLanguage()));
  }
}
