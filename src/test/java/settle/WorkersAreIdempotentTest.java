package settle;

import static org.assertj.core.api.Assertions.assertThat;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import settle.collections.internal.PlanCollectionStepWorker;
import settle.collections.internal.TakeCollectionStepWorker;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceView;
import settle.invoicing.internal.IssueInvoiceWorker;
import settle.invoicing.internal.SendInvoiceWorker;
import settle.testdata.Journeys;
import settle.testdata.SettleTest;

/** The engine delivers a job at least once; handing a worker the same job again changes nothing. */
@SettleTest
class WorkersAreIdempotentTest {

  @Autowired ApplicationContext context;
  @Autowired JdbcTemplate jdbc;
  @Autowired IssueInvoiceWorker issueInvoice;
  @Autowired SendInvoiceWorker sendInvoice;
  @Autowired PlanCollectionStepWorker planStep;
  @Autowired TakeCollectionStepWorker takeStep;

  @Test
  void redeliveredInvoiceAndReminderJobsSendOneMailEach() {
    Journeys journeys = new Journeys(context);
    CustomerView customer = journeys.customer(aCustomer());
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("640.00"));
    journeys.awaitMailsTo(customer.apEmail(), 1);

    assertThat(issueInvoice.issueInvoice(invoice.orderId()).invoiceId()).isEqualTo(invoice.id());
    sendInvoice.sendInvoice(invoice.id());
    // a step far beyond the table's own stages, so the invoice's running loop never reaches it
    int stage = 90;
    Map<String, Object> reminder = Map.of("action", "OVERDUE_REMINDER", "dueOffset", 3, "template", "reminder-overdue",
        "channel", "EMAIL", "sender", "AR_TEAM", "headsUp", false, "skipIfLate", false);
    Map<String, Object> segmentation = Map.of("segment", "STANDARD", "tone", "neutral");
    planStep.planCollectionStep(invoice.id(), stage, segmentation, reminder);
    planStep.planCollectionStep(invoice.id(), stage, segmentation, reminder);
    assertThat(takeStep.takeCollectionStep(invoice.id(), stage).stepOutcome()).isEqualTo("SENT");
    assertThat(takeStep.takeCollectionStep(invoice.id(), stage)).satisfies(t -> {
      assertThat(t.stepOutcome()).isEqualTo("SENT");
      assertThat(t.stage()).isEqualTo(stage + 1);
    });

    journeys.awaitMailsTo(customer.apEmail(), 2);
    Journeys.settle();
    assertThat(journeys.mailsTo(customer.apEmail())).hasSize(2);
    assertThat(jdbc.queryForObject("select count(*) from dunning_step where invoice_id = ? and stage = ?", Integer.class,
        invoice.id(), stage)).isEqualTo(1);
  }
}
