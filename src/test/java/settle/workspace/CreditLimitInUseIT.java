package settle.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import settle.customers.CustomerView;
import settle.orders.OrderStatus;
import settle.orders.OrderView;
import settle.testdata.Journeys;
import settle.testdata.PageSession;
import settle.testdata.SettleTest;

/** The limit in use beside a customer counts what the credit decision counts, so it never contradicts a hold. */
@SettleTest
class CreditLimitInUseIT {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;

  @Test
  void anOrderOnCreditHoldCountsTowardsTheLimitShownInUse() {
    Journeys journeys = new Journeys(context);
    CustomerView customer = journeys.customer(aCustomer().rated("HIGH").withCreditLimit("10000"));
    OrderView order = journeys.order(anOrderFor(customer.id()).worth("9000.00"));
    journeys.awaitOrder(order.id(), OrderStatus.ON_HOLD);

    String page = PageSession.signIn(port, "demo", "demo").get("/customers/" + customer.id()).body();

    assertThat(page).contains("90% of the 10,000.00 EUR credit limit in use (orders not yet invoiced included)");
  }

  @Test
  void theCreditDecisionCountsOrdersNotYetInvoicedAsThePageDoesSoTheFigureBesideAHoldIsTheOneThatHeldIt() {
    Journeys journeys = new Journeys(context);
    CustomerView customer = journeys.customer(aCustomer().rated("HIGH").withCreditLimit("10000"));
    OrderView first = journeys.order(anOrderFor(customer.id()).worth("5000.00"));
    journeys.awaitOrder(first.id(), OrderStatus.IN_REVIEW);

    OrderView second = journeys.order(anOrderFor(customer.id()).worth("4000.00"));
    OrderView held = journeys.awaitOrder(second.id(), OrderStatus.ON_HOLD);

    assertThat(held.statusReason()).isEqualTo("High-risk customer above 80% of the credit limit");
    String page = PageSession.signIn(port, "demo", "demo").get("/customers/" + customer.id()).body();
    assertThat(page).contains("90% of the 10,000.00 EUR credit limit in use");
  }

  @Test
  void theCustomerPageWritesTheDueDateInWordsNotAsACode() {
    Journeys journeys = new Journeys(context);
    CustomerView customer = journeys.customer(aCustomer());
    settle.invoicing.InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("1200.00"));

    String page = PageSession.signIn(port, "demo", "demo").get("/customers/" + customer.id()).body();

    assertThat(page).contains(invoice.number())
        .contains(settle.testdata.Mails.day(invoice.dueDate()))
        .doesNotContain(invoice.dueDate().toString());
  }
}
