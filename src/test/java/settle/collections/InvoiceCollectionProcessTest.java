package settle.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;

import io.camunda.client.CamundaClient;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceView;
import settle.testdata.Journeys;
import settle.testdata.SettleTest;

/** bpmn/invoice-collection.bpmn with dmn/next-collection-action.dmn, one test per path, moving the engine's clock. */
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
  void reminderGoesOutSevenDaysAfterTheDueDateAndNotBefore() throws Exception {
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("1000.00"));
    journeys.awaitMailsTo(customer.apEmail(), 1);

    journeys.advanceTo(invoice.dueDate().plusDays(6));
    Journeys.settle();
    assertThat(journeys.mailsTo(customer.apEmail())).hasSize(1);

    journeys.advanceDays(1);
    List<MimeMessage> mails = journeys.awaitMailsTo(customer.apEmail(), 2);
    MimeMessage reminder = mails.get(1);
    assertThat(reminder.getSubject()).isEqualTo("Reminder: invoice " + invoice.number() + " is 7 days overdue");
    assertThat(reminder.getFrom()[0].toString()).contains(customer.accountOwnerName());
    assertThat(new String(reminder.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("1000.00 EUR");
  }

  @Test
  void invoicePaidBeforeTheReminderGetsNoReminderAndTheLoopEnds() {
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("400.00"));
    journeys.pay(invoice, "400.00");
    long instance = journeys.instanceOf(InvoiceCollection.PROCESS_ID, "invoiceId", invoice.id());
    await().until(() -> journeys.history.isCompleted(instance));

    journeys.advanceTo(invoice.dueDate().plusDays(30));
    Journeys.settle();
    assertThat(journeys.subjectsTo(customer.apEmail())).containsExactly("Invoice " + invoice.number() + " from Northwind Supplies");
    assertThat(journeys.history.completedElements(instance)).containsSubsequence(
        "decide-next-action", "wait-for-action", "payment-arrived", "paid-in-full", "invoice-paid");
  }

  @Test
  void partialPaymentKeepsTheLoopGoingAndTheReminderAsksOnlyForWhatIsOpen() throws Exception {
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("1000.00"));
    journeys.pay(invoice, "250.00");
    long instance = journeys.instanceOf(InvoiceCollection.PROCESS_ID, "invoiceId", invoice.id());
    await().until(() -> journeys.history.completedElements(instance).contains("payment-arrived"));

    journeys.advanceTo(invoice.dueDate().plusDays(7));
    MimeMessage reminder = journeys.awaitMailsTo(customer.apEmail(), 2).get(1);
    String body = new String(reminder.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(body).contains("750.00 EUR").contains("of 1000.00 EUR invoiced");

    journeys.pay(invoice, "750.00");
    await().until(() -> journeys.history.isCompleted(instance));
    assertThat(journeys.history.completedElements(instance)).containsSubsequence(
        "payment-arrived", "paid-in-full", "next-turn", "decide-next-action", "action-due", "send-reminder",
        "next-turn", "decide-next-action", "action-planned", "await-payment", "paid-in-full", "invoice-paid");
  }

  @Test
  void afterTheLastReminderTheLoopOnlyWaitsForPayment() {
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("300.00"));
    journeys.advanceTo(invoice.dueDate().plusDays(7));
    journeys.awaitMailsTo(customer.apEmail(), 2);

    journeys.advanceDays(60);
    Journeys.settle();
    assertThat(journeys.mailsTo(customer.apEmail())).hasSize(2);

    journeys.pay(invoice, "300.00");
    long instance = journeys.instanceOf(InvoiceCollection.PROCESS_ID, "invoiceId", invoice.id());
    await().until(() -> journeys.history.isCompleted(instance));
    assertThat(journeys.history.completedElements(instance)).endsWith("await-payment", "paid-in-full", "invoice-paid");
  }

  @Test
  void editingTheCadenceRowMovesTheReminderForNewInvoices() throws Exception {
    String original = new ClassPathResource("dmn/next-collection-action.dmn").getContentAsString(StandardCharsets.UTF_8);
    String edited = original.replace("<outputEntry id=\"first-overdue-reminder-out-2\"><text>7</text>",
        "<outputEntry id=\"first-overdue-reminder-out-2\"><text>10</text>");
    assertThat(edited).isNotEqualTo(original);
    deploy(edited);
    try {
      InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("800.00"));
      journeys.advanceTo(invoice.dueDate().plusDays(9));
      Journeys.settle();
      assertThat(journeys.mailsTo(customer.apEmail())).hasSize(1);

      journeys.advanceDays(1);
      assertThat(journeys.awaitMailsTo(customer.apEmail(), 2).get(1).getSubject())
          .isEqualTo("Reminder: invoice " + invoice.number() + " is 10 days overdue");
    } finally {
      deploy(original);
    }
  }

  private void deploy(String dmn) {
    client.newDeployResourceCommand().addResourceStringUtf8(dmn, "next-collection-action.dmn").send().join();
  }
}
