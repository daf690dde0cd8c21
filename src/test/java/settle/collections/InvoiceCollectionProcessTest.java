package settle.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;

import io.camunda.client.CamundaClient;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceView;
import settle.testdata.Journeys;
import settle.testdata.SettleTest;
import settle.testdata.Mails;

/**
 * bpmn/invoice-collection.bpmn with its two tables, path by path, moving the engine's clock. The
 * builder's customer (low risk, new) is in the STANDARD segment: due-day reminder with a heads-up the
 * day before, first overdue reminder three days late.
 */
@SettleTest
class InvoiceCollectionProcessTest {

  @Autowired ApplicationContext context;
  @Autowired CamundaClient client;
  Journeys journeys;
  CustomerView customer;

  @BeforeEach
  void setUp() {
    journeys = new Journeys(context);
    customer = journeys.customer(aCustomer());
  }

  @Test
  void theAccountOwnerHearsADayAheadAndTheCustomerOnTheDueDate() throws Exception {
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("1000.00"));
    journeys.awaitMailsTo(customer.apEmail(), 1);

    journeys.advanceTo(invoice.dueDate().minusDays(2));
    journeys.quiesce();
    assertThat(journeys.mailsTo(customer.accountOwnerEmail())).isEmpty();

    journeys.advanceDays(1);
    journeys.quiesce();
    assertThat(journeys.subjectsTo(customer.accountOwnerEmail()))
        .containsExactly("Heads-up: 1 customer contact planned for " + inWords(invoice.dueDate()));
    assertThat(journeys.mailsTo(customer.apEmail())).hasSize(1);

    journeys.advanceDays(1);
    MimeMessage reminder = journeys.awaitMailsTo(customer.apEmail(), 2).get(1);
    assertThat(reminder.getSubject()).isEqualTo("Due today: invoice " + invoice.number());
    assertThat(reminder.getFrom()[0].toString()).contains(customer.accountOwnerName());
    assertThat(Mails.raw(reminder)).contains("1,000.00 EUR").contains("/portal/");
  }

  @Test
  void invoicePaidBeforeTheReminderGetsNoReminderAndTheLoopEnds() {
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("400.00"));
    journeys.pay(invoice, "400.00");
    long instance = journeys.instanceOf(InvoiceCollection.PROCESS_ID, "invoiceId", invoice.id());
    await().until(() -> journeys.history.isCompleted(instance));

    journeys.advanceTo(invoice.dueDate().plusDays(30));
    journeys.quiesce();
    assertThat(journeys.subjectsTo(customer.apEmail())).containsExactly("Invoice " + invoice.number() + " from Northwind Supplies");
    assertThat(journeys.history.completedElements(instance)).containsSubsequence(
        "customer-segmentation", "next-collection-action", "plan-collection-step", "payment-arrived", "withdraw-turn-tasks",
        "next-turn", "assess-invoice", "still-open", "invoice-paid");
  }

  @Test
  void partialPaymentKeepsTheLoopGoingAndTheReminderAsksOnlyForWhatIsOpen() throws Exception {
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("1000.00"));
    journeys.pay(invoice, "250.00");
    long instance = journeys.instanceOf(InvoiceCollection.PROCESS_ID, "invoiceId", invoice.id());
    await().until(() -> journeys.history.completedElements(instance).contains("payment-arrived"));

    journeys.advanceTo(invoice.dueDate());
    String body = Mails.raw(journeys.awaitMailsTo(customer.apEmail(), 2).get(1));
    assertThat(body).contains("750.00 EUR").contains("of 1,000.00 EUR invoiced");

    journeys.pay(invoice, "750.00");
    await().until(() -> journeys.history.isCompleted(instance));
    assertThat(journeys.history.completedElements(instance)).containsSubsequence(
        "payment-arrived", "next-turn", "assess-invoice", "take-collection-step", "collection-turn",
        "payment-arrived", "next-turn", "assess-invoice", "still-open", "invoice-paid");
  }

  @Test
  void editingTheFirstOverdueRowMovesThatReminderForNewInvoices() throws Exception {
    String original = new ClassPathResource("dmn/next-collection-action.dmn").getContentAsString(StandardCharsets.UTF_8);
    String edited = original.replace("<outputEntry id=\"standard-1-out-2\"><text>3</text>",
        "<outputEntry id=\"standard-1-out-2\"><text>10</text>");
    assertThat(edited).isNotEqualTo(original);
    deploy(edited);
    try {
      InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("800.00"));
      journeys.advanceTo(invoice.dueDate());
      journeys.awaitMailsTo(customer.apEmail(), 2);
      journeys.advanceTo(invoice.dueDate().plusDays(9));
      journeys.quiesce();
      assertThat(journeys.mailsTo(customer.apEmail())).hasSize(2);

      journeys.advanceDays(1);
      assertThat(journeys.awaitMailsTo(customer.apEmail(), 3).get(2).getSubject())
          .isEqualTo("Reminder: invoice " + invoice.number() + " is 10 days overdue");
    } finally {
      deploy(original);
    }
  }

  private void deploy(String dmn) {
    client.newDeployResourceCommand().addResourceStringUtf8(dmn, "next-collection-action.dmn").send().join();
  }


  private static String inWords(java.time.LocalDate day) {
    return settle.testdata.Mails.day(day);
  }
}
