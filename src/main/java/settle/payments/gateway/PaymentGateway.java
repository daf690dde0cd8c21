package settle.payments.gateway;

import java.math.BigDecimal;
import org.springframework.http.HttpHeaders;

/**
 * A payment provider, seen from Settle: it opens a hosted checkout where the payer pays, and later tells Settle
 * what happened through webhooks. An adapter translates one provider's API and signature scheme to these calls;
 * docs/payment-gateway.md says how Stripe, Adyen and GoCardless map onto it.
 */
public interface PaymentGateway {

  /** The provider's name as stored with each checkout and event, e.g. {@code sandbox}. */
  String name();

  /** Opens a hosted checkout for the amount; the payer is sent to {@link Checkout#url()}. */
  Checkout startCheckout(CheckoutRequest request);

  /**
   * The events in a webhook delivery (some providers batch them), once its signature and timestamp are proven;
   * {@link InvalidWebhookException} otherwise. Nothing may be trusted from a delivery that fails here.
   */
  java.util.List<GatewayEvent> verify(HttpHeaders headers, byte[] body);

  /**
   * What Settle asks the provider for. {@code reference} is Settle's own (it comes back in every event);
   * {@code returnUrl} is where the payer lands afterwards, {@code cancelUrl} where they land if they give up.
   */
  record CheckoutRequest(String reference, String description, BigDecimal amount, String currency, String payerEmail,
                         String returnUrl, String cancelUrl) {}

  /** The provider's id of the checkout and the page where the payer pays. */
  record Checkout(String sessionId, String url) {}
}
