package settle.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import settle.customers.CustomerView;
import settle.disputes.Disputes;
import settle.disputes.RaiseDispute;
import settle.disputes.ReasonCode;
import settle.invoicing.InvoiceView;
import settle.testdata.Api;
import settle.testdata.Journeys;
import settle.testdata.SettleTest;

/** The customer's portal asks for what the reminders ask for: the open amount not in dispute, and shows the disputed part apart. */
@SettleTest
class PortalPageTest {

  @Autowired ApplicationContext context;
  @Autowired PortalLinks links;
  @Autowired Disputes disputes;
  @LocalServerPort int port;
  Journeys journeys;
  CustomerView customer;

  @BeforeEach
  void setUp() {
    journeys = new Journeys(context);
    customer = journeys.customer(aCustomer());
  }

  @Test
  void withADisputeOpenThePortalAndTheReminderAskForTheSameUndisputedAmount() throws Exception {
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("1000.00"));
    disputes.raise(invoice.id(), new RaiseDispute(ReasonCode.DAMAGED_GOODS, new BigDecimal("300.00"), "Two crates arrived broken",
        "ap@customer", null), List.of(), "test");

    String page = portalPage(invoice);
    assertThat(page).containsPattern("Amount due</th><td[^>]*>700.00 EUR")
        .containsPattern("In dispute</th>\\s*<td[^>]*>300.00 EUR")
        .contains("Transfer <strong>700.00 EUR</strong>")
        .doesNotContain("1000.00 EUR</strong>");

    journeys.advanceTo(invoice.dueDate());
    String reminder = new String(journeys.awaitMailsTo(customer.apEmail(), 2).get(1).getInputStream().readAllBytes(),
        StandardCharsets.UTF_8);
    assertThat(reminder).contains("Amount due: 700.00 EUR").contains("300.00 EUR is under review (disputed)");
  }

  @Test
  void noPayNowButtonThatOnlyReopensThePageAndOldPayLinksLeadToTheInvoice() throws Exception {
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("400.00"));
    journeys.advanceTo(invoice.dueDate());
    String reminder = new String(journeys.awaitMailsTo(customer.apEmail(), 2).get(1).getInputStream().readAllBytes(),
        StandardCharsets.UTF_8);
    assertThat(reminder).doesNotContain("Pay now").doesNotContain("/pay").contains("How to pay");

    String page = portalPage(invoice);
    assertThat(page).contains("Amount due").contains("400.00 EUR").doesNotContain("In dispute").doesNotContain("/pay");
    String path = links.invoiceUrl(invoice.id()).replace("http://localhost:8080", "");
    Api.Response old = new Api(port).anonymous().get(path + "/pay");
    assertThat(old.status()).isEqualTo(302);
  }

  private String portalPage(InvoiceView invoice) {
    String path = links.invoiceUrl(invoice.id()).replace("http://localhost:8080", "");
    Api.Response response = new Api(port).anonymous().get(path);
    assertThat(response.status()).isEqualTo(200);
    return new String(response.bytes(), StandardCharsets.UTF_8);
  }
}
