package settle.payments.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import settle.audit.AuditLog;
import settle.collections.InvoiceCollection;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceStatus;
import settle.invoicing.InvoiceView;
import settle.testdata.Journeys;
import settle.testdata.SettleTest;

/**
 * The webhook is believed only when signed with the shared secret within the replay window, and each event counts
 * once: the deliveries here are built and signed by the test, as the provider would, and sent over HTTP.
 */
@SettleTest
class PaymentGatewayWebhookTest {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired GatewayPayments gateway;
  @Autowired JdbcTemplate jdbc;
  @Autowired AuditLog audit;
  @Autowired settle.payments.CustomerCredit credit;
  @Value("${settle.payments.gateway.secret}") String secret;
  final HttpClient http = HttpClient.newHttpClient();
  Journeys journeys;
  CustomerView customer;
  InvoiceView invoice;
  GatewayPayments.CheckoutView checkout;
  String session;

  @BeforeEach
  void setUp() {
    journeys = new Journeys(context);
    customer = journeys.customer(aCustomer());
    invoice = journeys.invoiced(anOrderFor(customer.id()).worth("480.00"));
    checkout = gateway.startCheckout(invoice.id(), "http://127.0.0.1:" + port + "/portal/t/payments/", "test").orElseThrow();
    session = jdbc.queryForObject("select provider_session from payment_checkout where id = ?", String.class, checkout.id());
  }

  @Test
  void aForgedSignatureIsRefusedWith400AndNothingIsPosted() throws Exception {
    String event = event("checkout.succeeded", "480.00");

    HttpResponse<String> forged = deliver(event, sign("a-secret-the-provider-never-had-0123456789", now(), event));

    assertThat(forged.statusCode()).isEqualTo(400);
    assertThat(forged.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(forged.body()).contains("Sandbox-Signature").contains("does not match");
    assertThat(deliver(event, null).statusCode()).isEqualTo(400);
    // a body altered after signing: the signature was the provider's, for another body
    String altered = event.replace("480.00", "1.00");
    assertThat(deliver(altered, sign(secret, now(), event)).statusCode()).isEqualTo(400);
    assertThat(payments()).isZero();
    assertThat(gateway.get(checkout.id()).orElseThrow().status()).isEqualTo(GatewayPayments.Status.OPEN);
    // the refused deliveries did not use up the event: the genuine one still posts
    assertThat(deliver(event, sign(secret, now(), event)).statusCode()).isEqualTo(200);
    assertThat(payments()).isEqualTo(1);
  }

  @Test
  void aDeliverySignedOutsideTheReplayWindowIsRefusedWith400() throws Exception {
    String event = event("checkout.succeeded", "480.00");

    HttpResponse<String> stale = deliver(event, sign(secret, now() - 6 * 60, event));
    HttpResponse<String> early = deliver(event, sign(secret, now() + 6 * 60, event));

    assertThat(stale.statusCode()).isEqualTo(400);
    assertThat(stale.body()).contains("outside the replay window of 5 minutes");
    assertThat(early.statusCode()).isEqualTo(400);
    assertThat(payments()).isZero();
    // within the window it is believed
    assertThat(deliver(event, sign(secret, now() - 4 * 60, event)).statusCode()).isEqualTo(200);
    assertThat(payments()).isEqualTo(1);
  }

  @Test
  void theSameEventDeliveredTwicePostsOnePaymentAndTheCollectionLoopEnds() throws Exception {
    long loop = journeys.instanceOf(InvoiceCollection.PROCESS_ID, "invoiceId", invoice.id());
    String event = event("checkout.succeeded", "480.00");

    HttpResponse<String> first = deliver(event, sign(secret, now(), event));
    HttpResponse<String> again = deliver(event, sign(secret, now(), event));

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).contains("posted");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).contains("duplicate");
    // a second event for a checkout already paid changes nothing either
    String another = event("checkout.succeeded", "480.00");
    assertThat(deliver(another, sign(secret, now(), another)).statusCode()).isEqualTo(200);
    assertThat(payments()).isEqualTo(1);
    assertThat(journeys.invoices.get(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(gateway.get(checkout.id()).orElseThrow().status()).isEqualTo(GatewayPayments.Status.PAID);
    await("the collection loop ended").atMost(Journeys.PATIENCE).until(() -> journeys.history.isCompleted(loop));
  }

  @Test
  void aDeclinedPaymentLeavesTheInvoiceOpenAndPostsNothing() throws Exception {
    String event = event("checkout.failed", "480.00").replace("\"currency\"", "\"reason\":\"The card issuer refused the payment.\",\"currency\"");

    assertThat(deliver(event, sign(secret, now(), event)).statusCode()).isEqualTo(200);

    GatewayPayments.CheckoutView declined = gateway.get(checkout.id()).orElseThrow();
    assertThat(declined.status()).isEqualTo(GatewayPayments.Status.DECLINED);
    assertThat(declined.failure()).isEqualTo("The card issuer refused the payment.");
    assertThat(payments()).isZero();
    InvoiceView still = journeys.invoices.get(invoice.id());
    assertThat(still.status()).isEqualTo(InvoiceStatus.OPEN);
    assertThat(still.openAmount()).isEqualByComparingTo("480.00");
  }

  @Test
  void aPaymentAfterADeclineInTheSameCheckoutIsPosted() throws Exception {
    String declined = event("checkout.failed", "480.00");
    assertThat(deliver(declined, sign(secret, now(), declined)).statusCode()).isEqualTo(200);
    String paid = event("checkout.succeeded", "480.00");

    assertThat(deliver(paid, sign(secret, now(), paid)).statusCode()).isEqualTo(200);

    assertThat(payments()).isEqualTo(1);
    assertThat(gateway.get(checkout.id()).orElseThrow().status()).isEqualTo(GatewayPayments.Status.PAID);
    assertThat(journeys.invoices.get(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
  }

  @Test
  void aCardPaymentForAnInvoiceSettledMeanwhileIsKeptAsCreditOnTheCustomersAccount() throws Exception {
    journeys.pay(invoice, "480.00");
    String paid = event("checkout.succeeded", "480.00");

    assertThat(deliver(paid, sign(secret, now(), paid)).statusCode()).isEqualTo(200);

    // the bank transfer stays the invoice's only payment; the card money is the customer's
    assertThat(payments()).isEqualTo(1);
    assertThat(credit.balance(customer.id(), "EUR")).isEqualByComparingTo("480.00");
    GatewayPayments.CheckoutView kept = gateway.get(checkout.id()).orElseThrow();
    assertThat(kept.status()).isEqualTo(GatewayPayments.Status.PAID);
    assertThat(kept.onAccount()).isTrue();
  }

  @Test
  void aChargebackReversesThePaymentOnceReopensTheInvoiceAndTellsTheOwner() throws Exception {
    String paid = event("checkout.succeeded", "480.00");
    assertThat(deliver(paid, sign(secret, now(), paid)).statusCode()).isEqualTo(200);
    assertThat(journeys.invoices.get(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
    String chargeback = event("charge.disputed", "480.00");

    assertThat(deliver(chargeback, sign(secret, now(), chargeback)).statusCode()).isEqualTo(200);
    assertThat(deliver(chargeback, sign(secret, now(), chargeback)).statusCode()).isEqualTo(200);
    String secondDispute = event("charge.disputed", "480.00");
    assertThat(deliver(secondDispute, sign(secret, now(), secondDispute)).statusCode()).isEqualTo(200);

    assertThat(jdbc.queryForList("select reversed_at is not null from payment where invoice_id = ?", Boolean.class, invoice.id()))
        .containsExactly(true);
    assertThat(audit.trail("invoice:" + invoice.id())).filteredOn(e -> e.action().equals("payment.reversed")).hasSize(1);
    InvoiceView reopened = journeys.invoices.get(invoice.id());
    assertThat(reopened.status()).isEqualTo(InvoiceStatus.OPEN);
    assertThat(reopened.openAmount()).isEqualByComparingTo("480.00");
    assertThat(gateway.get(checkout.id()).orElseThrow().status()).isEqualTo(GatewayPayments.Status.CHARGED_BACK);
    assertThat(journeys.awaitMailsTo(customer.accountOwnerEmail(), 1).getFirst().getSubject())
        .isEqualTo("Card payment charged back: " + customer.name() + ", invoice " + invoice.number() + " is open again");
    // the loop had ended when the invoice was paid; it collects again
    await("collection runs again").atMost(Journeys.PATIENCE).until(() -> jdbc.queryForObject(
        "select count(*) from dunning_step where invoice_id = ? and status = 'PLANNED'", Integer.class, invoice.id()) > 0);
    journeys.quiesce();
    assertThat(journeys.mailsTo(customer.accountOwnerEmail())).hasSize(1);
  }

  private int payments() {
    return jdbc.queryForObject("select count(*) from payment where invoice_id = ?", Integer.class, invoice.id());
  }

  private String event(String type, String amount) {
    return """
        {"id":"evt_test_%s","type":"%s","created":%d,"data":{"session":"%s","payment":"py_test_%s","reference":"checkout:%d","amount":"%s","currency":"EUR"}}"""
        .formatted(UUID.randomUUID(), type, now(), session, checkout.id(), checkout.id(), amount);
  }

  private static long now() {
    return Instant.now().getEpochSecond();
  }

  /** The provider's scheme, written out here on its own: t=timestamp, v1=hex HMAC-SHA256 of "timestamp.body". */
  private static String sign(String key, long timestamp, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
  }

  private HttpResponse<String> deliver(String body, String signature) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/payment-gateway"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (signature != null) {
      request.header("Sandbox-Signature", signature);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
