package settle.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import settle.common.SignedLinks;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceView;
import settle.testdata.Api;
import settle.testdata.Journeys;
import settle.testdata.SettleTest;

/** The customer's portal, reached without signing in through the signed link in our mails. */
@SettleTest
class PortalIT {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired PortalLinks portal;
  @Autowired SignedLinks links;
  Journeys journeys;
  Api customerSide;
  CustomerView customer;
  InvoiceView invoice;

  @BeforeEach
  void setUp() {
    journeys = new Journeys(context);
    customerSide = new Api(port).anonymous();
    customer = journeys.customer(aCustomer());
    invoice = journeys.invoiced(anOrderFor(customer.id()).worth("640.00").po("PO-PORTAL-1"));
  }

  @Test
  void theSignedLinkShowsTheCustomerTheirInvoiceAndItsPdf() {
    String path = URI.create(portal.invoiceUrl(invoice.id())).getPath();

    Api.Response page = customerSide.get(path);

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(text(page)).contains("Invoice " + invoice.number()).contains("For " + customer.name())
        .contains("640.00 EUR").contains("PO-PORTAL-1").contains("quoting <strong>" + invoice.number() + "</strong>");
    Api.Response pdf = customerSide.get(path + "/pdf");
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(pdf.contentType()).isEqualTo("application/pdf");
    assertThat(new String(pdf.bytes(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
  }

  @Test
  void aTamperedLinkIsRefusedWithAPageNotTheInvoice() {
    String path = URI.create(portal.invoiceUrl(invoice.id())).getPath();
    String token = path.substring("/portal/".length());
    // the signature kept, the link edited to name the next invoice
    String body = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8);
    String edited = body.replace("|" + invoice.id() + "|", "|" + (invoice.id() + 1) + "|");
    assertThat(edited).isNotEqualTo(body);
    String tampered = "/portal/" + Base64.getUrlEncoder().withoutPadding().encodeToString(edited.getBytes(StandardCharsets.UTF_8))
        + token.substring(token.indexOf('.'));

    for (String refused : new String[] {tampered, tampered + "/pdf", path.substring(0, path.length() - 2) + "xx"}) {
      Api.Response page = customerSide.get(refused);
      assertThat(page.status()).as(refused).isEqualTo(404);
      assertThat(page.contentType()).as(refused).startsWith("text/html");
      assertThat(text(page)).contains("This link is not valid or has expired").doesNotContain(invoice.number());
    }
  }

  @Test
  void anExpiredLinkIsRefusedWithAPage() {
    String expired = "/portal/" + links.sign("portal", String.valueOf(invoice.id()), journeys.today().minusDays(1));

    Api.Response page = customerSide.get(expired);

    assertThat(page.status()).isEqualTo(404);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(text(page)).contains("This link is not valid or has expired").contains("new one").doesNotContain(invoice.number());
  }

  private static String text(Api.Response response) {
    return new String(response.bytes(), StandardCharsets.UTF_8);
  }
}
