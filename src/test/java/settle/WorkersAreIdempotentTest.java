package settle;

import static org.assertj.core.api.Assertions.assertThat;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import settle.collections.internal.SendReminderWorker;
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
  @Autowired SendReminderWorker sendReminder;

  @Test
  void redeliveredInvoiceAndReminderJobsSendOneMailEach() {
    Journeys journeys = new Journeys(context);
    CustomerView customer = journeys.customer(aCustomer());
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("640.00"));
    journeys.awaitMailsTo(customer.apEmail(), 1);

    assertThat(issueInvoice.issueInvoice(invoice.orderId()).invoiceId()).isEqualTo(invoice.id());
    sendInvoice.sendInvoice(invoice.id());
    Map<String, Object> reminder = Map.of("action", "REMINDER", "template", "reminder-overdue", "daysFromDue", 7);
    assertThat(sendReminder.sendReminder(invoice.id(), 0, reminder).stage()).isEqualTo(1);
    assertThat(sendReminder.sendReminder(invoice.id(), 0, reminder).stage()).isEqualTo(1);

    journeys.awaitMailsTo(customer.apEmail(), 2);
    Journeys.settle();
    assertThat(journeys.mailsTo(customer.apEmail())).hasSize(2);
    assertThat(jdbc.queryForObject("select count(*) from dunning_step where invoice_id = ?", Integer.class, invoice.id())).isEqualTo(1);
  }
}
