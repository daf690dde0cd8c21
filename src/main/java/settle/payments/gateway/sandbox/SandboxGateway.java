package settle.payments.gateway.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import settle.payments.gateway.GatewayEvent;
import settle.payments.gateway.InvalidWebhookException;
import settle.payments.gateway.PaymentGateway;

/**
 * Settle's adapter to the sandbox provider. A real adapter calls its provider's API here; this one opens the session
 * with the sandbox in the same JVM, and checks webhooks exactly as it would a real provider's: signature, replay window,
 * then the event.
 */
@Component
@ConditionalOnProperty(name = "settle.payments.gateway.provider", havingValue = "sandbox", matchIfMissing = true)
class SandboxGateway implements PaymentGateway {

  private final SandboxProvider provider;
  private final SandboxSignature signature;
  private final ObjectMapper json;

  SandboxGateway(SandboxProvider provider, @Value("${settle.payments.gateway.secret}") String secret,
                 @Value("${settle.payments.gateway.replay-window:5m}") Duration replayWindow, ObjectMapper json) {
    this.provider = provider;
    this.signature = new SandboxSignature(secret, replayWindow);
    this.json = json;
  }

  @Override
  public String name() {
    return "sandbox";
  }

  @Override
  public Checkout startCheckout(CheckoutRequest request) {
    SandboxProvider.Session session = provider.open(request.reference(), request.description(), request.amount(),
        request.currency(), request.returnUrl(), request.cancelUrl());
    // the sandbox is hosted by Settle itself, so its page is a path on this host
    return new Checkout(session.id, SandboxPages.CHECKOUT + session.id);
  }

  @Override
  public java.util.List<GatewayEvent> verify(HttpHeaders headers, byte[] body) {
    // real time, not the demo clock: the window is about how long ago the provider sent it
    signature.verify(headers.getFirst(SandboxSignature.HEADER), body, Instant.now());
    JsonNode event;
    try {
      event = json.readTree(body);
    } catch (IOException e) {
      throw new InvalidWebhookException("body", "The body is not JSON");
    }
    JsonNode data = event.path("data");
    if (!event.path("id").isTextual() || !event.path("type").isTextual() || !data.isObject()) {
      throw new InvalidWebhookException("body", "The event needs an id, a type and data");
    }
    GatewayEvent.Kind kind = switch (event.get("type").asText()) {
      case "checkout.succeeded" -> GatewayEvent.Kind.PAID;
      case "checkout.failed" -> GatewayEvent.Kind.FAILED;
      case "charge.disputed" -> GatewayEvent.Kind.CHARGED_BACK;
      default -> GatewayEvent.Kind.OTHER;
    };
    BigDecimal amount;
    try {
      amount = data.hasNonNull("amount") ? new BigDecimal(data.get("amount").asText()) : null;
    } catch (NumberFormatException e) {
      throw new InvalidWebhookException("data.amount", "The amount is not a number");
    }
    if (kind == GatewayEvent.Kind.PAID && (amount == null || amount.signum() <= 0 || !data.path("currency").isTextual())) {
      throw new InvalidWebhookException("data.amount", "A payment event needs a positive amount and a currency");
    }
    // the sandbox sends one event per delivery
    return java.util.List.of(new GatewayEvent(event.get("id").asText(), kind, text(data, "session"), text(data, "payment"), amount,
        text(data, "currency"), text(data, "reason")));
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asText() : null;
  }
}
