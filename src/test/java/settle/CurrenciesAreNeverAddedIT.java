package settle;

import static org.assertj.core.api.Assertions.assertThat;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import settle.customers.CustomerView;
import settle.disputes.DisputeView;
import settle.disputes.Disputes;
import settle.disputes.RaiseDispute;
import settle.disputes.ReasonCode;
import settle.invoicing.InvoiceView;
import settle.testdata.Api;
import settle.testdata.Journeys;
import settle.testdata.PageSession;
import settle.testdata.SettleTest;
import settle.testdata.Staff;

/**
 * Two customers billed in two currencies no other test uses: every total on the pages and APIs stays in its
 * own currency, and nothing shows the sum of both.
 */
@SettleTest
class CurrenciesAreNeverAddedIT {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired Disputes disputes;

  @Test
  void everyTotalOnEveryPageAndApiStaysInItsCurrency() {
    Journeys journeys = new Journeys(context);
    CustomerView swiss = journeys.customer(aCustomer().inCurrency("CHF"));
    CustomerView swedish = journeys.customer(aCustomer().inCurrency("SEK"));
    InvoiceView francs = journeys.invoiced(anOrderFor(swiss.id()).worth("1000.00"));
    InvoiceView kronor = journeys.invoiced(anOrderFor(swedish.id()).worth("2500.00"));
    DisputeView inFrancs = raise(francs, "100.00");
    DisputeView inKronor = raise(kronor, "250.00");

    String dashboard = PageSession.signIn(port, "demo", "demo").get("/?currency=CHF").body();
    assertThat(dashboard).contains("1,000.00 CHF").contains("100.00 CHF").contains("250.00 SEK")
        .doesNotContain("3,500.00 CHF", "3500.00 CHF", "350.00 CHF", "3,500.00 SEK", "3500.00 SEK", "350.00 SEK");
    assertThat(PageSession.signIn(port, "demo", "demo").get("/?currency=SEK").body()).contains("2,500.00 SEK");
    assertThat(disputes.openByTeam()).filteredOn(t -> t.currency().equals("CHF") || t.currency().equals("SEK"))
        .extracting(Disputes.OpenByTeam::team, Disputes.OpenByTeam::currency, t -> t.amount().toPlainString())
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("sales", "CHF", "100.00"),
            org.assertj.core.groups.Tuple.tuple("sales", "SEK", "250.00"));

    String customers = PageSession.signIn(port, "demo", "demo").get("/customers").body();
    assertThat(customers).contains("1,000.00 CHF").contains("2,500.00 SEK");

    for (DisputeView dispute : List.of(inFrancs, inKronor)) {
      journeys.inbox.complete(journeys.awaitOpenTask("dispute:" + dispute.id()).id(), Map.of("outcome", "REJECTED",
          "rootCause", "two-currencies", "notes", "Price as agreed"), Staff.anyone("sam.sales"));
    }
    var rootCauses = org.awaitility.Awaitility.await().atMost(Journeys.PATIENCE).until(
        () -> new Api(port).get("/api/disputes/root-causes?from=2000-01-01&to=2099-12-31").body(),
        body -> body.findParents("rootCause").stream().filter(r -> r.get("rootCause").asText().equals("two-currencies")).count() == 2);
    assertThat(rootCauses.findParents("rootCause").stream().filter(r -> r.get("rootCause").asText().equals("two-currencies"))
        .map(r -> r.get("amount").decimalValue().setScale(2) + " " + r.get("currency").asText()))
        .containsExactlyInAnyOrder("100.00 CHF", "250.00 SEK");
  }

  private DisputeView raise(InvoiceView invoice, String amount) {
    return disputes.raise(invoice.id(), new RaiseDispute(ReasonCode.PRICING, new BigDecimal(amount), "Price differs from the quote",
        "ap@customer", null), List.of(), "test");
  }
}
