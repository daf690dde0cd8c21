package settle.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceView;
import settle.tasks.TaskView;
import settle.testdata.Journeys;
import settle.testdata.SettleTest;

/** A promise or an instalment is met by cash received, never by a credit that lowered what is owed. */
@SettleTest
class OnlyCashKeepsPromisesTest {

  @Autowired ApplicationContext context;
  @Autowired CollectionActions actions;
  @Autowired JdbcTemplate jdbc;
  Journeys journeys;
  CustomerView customer;

  @BeforeEach
  void setUp() {
    journeys = new Journeys(context);
    customer = journeys.customer(aCustomer());
  }

  @Test
  void aPromiseMetOnlyByACreditIsBroken() {
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("1000.00"));
    actions.promise(invoice.id(), new PromiseRequest(journeys.today().plusDays(3), new BigDecimal("400"), "Casey", "PHONE"), "test", "test:promise:" + invoice.id());
    journeys.invoices.writeOff(invoice.number(), new BigDecimal("400"), "Goodwill for a late delivery", "test:goodwill:" + invoice.id(), "test");
    assertThat(journeys.invoices.get(invoice.id()).openAmount()).isEqualByComparingTo("600");

    journeys.advanceDays(6);
    TaskView task = journeys.awaitOpenTask("invoice:" + invoice.id());
    assertThat(task.taskType()).isEqualTo("broken-promise");
    assertThat(actions.promises(invoice.id())).extracting(CollectionActions.PromiseView::status).containsExactly("BROKEN");
  }

  @Test
  void aPromiseMetByCashIsKeptWhateverCreditsCameToo() {
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("1000.00"));
    actions.promise(invoice.id(), new PromiseRequest(journeys.today().plusDays(3), new BigDecimal("400"), "Casey", "PHONE"), "test", "test:promise:" + invoice.id());
    journeys.invoices.writeOff(invoice.number(), new BigDecimal("100"), "Goodwill for a late delivery", "test:goodwill:" + invoice.id(), "test");
    journeys.pay(invoice, "400.00");

    journeys.advanceDays(6);
    journeys.quiesce();
    assertThat(actions.promises(invoice.id())).extracting(CollectionActions.PromiseView::status).containsExactly("KEPT");
    assertThat(journeys.inbox.find(null, "OPEN", "invoice:" + invoice.id())).isEmpty();
  }

  @Test
  void anInstalmentCoveredByACreditIsMissed() {
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("1000.00"));
    actions.agreePaymentPlan(invoice.id(), new PaymentPlanRequest(List.of(
        new PaymentPlanRequest.Instalment(invoice.dueDate().plusDays(10), new BigDecimal("600")),
        new PaymentPlanRequest.Instalment(invoice.dueDate().plusDays(40), new BigDecimal("400"))), "sam"), "test:plan:" + invoice.id());
    journeys.invoices.writeOff(invoice.number(), new BigDecimal("600"), "Goodwill", "test:goodwill:" + invoice.id(), "test");

    journeys.advanceTo(invoice.dueDate().plusDays(13));
    TaskView missed = journeys.awaitOpenTask("invoice:" + invoice.id());
    assertThat(missed.taskType()).isEqualTo("missed-instalment");
    assertThat(jdbc.queryForObject("""
        select i.status from payment_plan_instalment i join payment_plan p on p.id = i.plan_id
        where p.invoice_id = ? and i.number = 1""", String.class, invoice.id())).isEqualTo("MISSED");
  }
}
