package settle.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;

import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import settle.common.InvalidRequestException;
import settle.customers.CustomerView;
import settle.testdata.Journeys;
import settle.testdata.SettleTest;

/** Invoices on PostgreSQL: one per order, open amounts that never go negative, balances per customer. */
@SettleTest
class InvoiceRepositoryTest {

  @Autowired ApplicationContext context;
  @Autowired JdbcTemplate jdbc;
  Journeys journeys;
  CustomerView customer;

  @BeforeEach
  void setUp() {
    journeys = new Journeys(context);
    customer = journeys.customer(aCustomer());
  }

  @Test
  void issuingTheSameOrderAgainReturnsTheFirstInvoice() {
    InvoiceView first = journeys.invoiced(anOrderFor(customer.id()).worth("120.00"));

    InvoiceView again = journeys.invoices.issueFor(first.orderId(), "redelivered-job");

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.number()).isEqualTo(first.number());
    assertThat(jdbc.queryForObject("select count(*) from invoice where order_id = ?", Integer.class, first.orderId())).isEqualTo(1);
  }

  @Test
  void aPaymentAboveTheOpenAmountIsRefusedAndChangesNothing() {
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("100.00"));

    assertThatThrownBy(() -> journeys.pay(invoice, "100.01"))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("exceeds the open amount of 100.00");

    assertThat(journeys.invoices.get(invoice.id()).openAmount()).isEqualByComparingTo("100.00");
    assertThat(jdbc.queryForObject("select count(*) from payment where invoice_id = ?", Integer.class, invoice.id())).isZero();
  }

  @Test
  void payingTheDiscountedAmountWithinTheWindowSettlesTheInvoice() {
    InvoiceView early = journeys.invoiced(anOrderFor(customer.id()).worth("1000.00").terms("2/10 NET30"));
    InvoiceView late = journeys.invoiced(anOrderFor(customer.id()).worth("1000.00").terms("2/10 NET30"));

    assertThat(journeys.pay(early, "980.00", early.earlyDiscountDate()).invoiceStatus()).isEqualTo(InvoiceStatus.PAID);
    assertThat(journeys.pay(late, "980.00", late.earlyDiscountDate().plusDays(1)).invoiceStatus()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
    assertThat(journeys.invoices.get(late.id()).openAmount()).isEqualByComparingTo("20.00");
  }

  @Test
  void balanceCountsWhatIsOpenAndHowLateTheOldestInvoiceIs() {
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("500.00"));
    journeys.pay(invoice, "200.00");
    assertThat(journeys.invoices.balance(customer.id(), customer.currency()))
        .isEqualTo(new CustomerBalance(new BigDecimal("300.00"), new BigDecimal("0.00"), 0));

    journeys.advanceTo(invoice.dueDate().plusDays(3));

    assertThat(journeys.invoices.balance(customer.id(), customer.currency()))
        .isEqualTo(new CustomerBalance(new BigDecimal("300.00"), new BigDecimal("300.00"), 3));
  }
}
