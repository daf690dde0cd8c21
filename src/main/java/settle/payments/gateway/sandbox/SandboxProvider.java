package settle.payments.gateway.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * A payment provider of its own, for development and tests: it keeps checkout sessions, takes test cards on its hosted
 * page ({@link SandboxPages}) and tells the merchant by webhook, later and from its own thread, as a real one does:
 * a signed HTTP POST, retried with growing pauses until the merchant answers 2xx. It remembers only this run, like the
 * embedded database. Test cards: 4242 4242 4242 4242 pays; 4000 0000 0000 0002 is declined; 4000 0000 0000 9995 is
 * declined for insufficient funds.
 */
@Component
@ConditionalOnProperty(name = "settle.payments.gateway.provider", havingValue = "sandbox", matchIfMissing = true)
class SandboxProvider {

  private static final Logger log = LoggerFactory.getLogger(SandboxProvider.class);
  static final String PAYS = "4242424242424242";
  static final Map<String, String> DECLINES = Map.of(
      "4000000000000002", "The card issuer refused the payment.",
      "4000000000009995", "The card has insufficient funds.");
  /** Pauses between delivery attempts, as providers back off when the merchant is down. */
  private static final List<Duration> RETRIES = List.of(Duration.ofMillis(300), Duration.ofSeconds(1), Duration.ofSeconds(2),
      Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(16));

  enum State { OPEN, PAID, DECLINED, CHARGED_BACK }

  /** One hosted checkout, and the payment made in it. */
  static final class Session {
    final String id;
    final String merchantReference;
    final String description;
    final BigDecimal amount;
    final String currency;
    final String returnUrl;
    final String cancelUrl;
    final Instant created;
    volatile State state = State.OPEN;
    volatile String paymentId;
    volatile String cardEnding;
    volatile String declineReason;
    volatile String lastDelivery = "Nothing sent yet";

    Session(String id, String merchantReference, String description, BigDecimal amount, String currency, String returnUrl,
            String cancelUrl, Instant created) {
      this.id = id;
      this.merchantReference = merchantReference;
      this.description = description;
      this.amount = amount;
      this.currency = currency;
      this.returnUrl = returnUrl;
      this.cancelUrl = cancelUrl;
      this.created = created;
    }

    public String getId() { return id; }
    public String getDescription() { return description; }
    public BigDecimal getAmount() { return amount; }
    public String getCurrency() { return currency; }
    public State getState() { return state; }
    public String getPaymentId() { return paymentId; }
    public String getCardEnding() { return cardEnding; }
    public String getDeclineReason() { return declineReason; }
    public String getLastDelivery() { return lastDelivery; }
    public Instant getCreated() { return created; }
    public String getCancelUrl() { return cancelUrl; }
  }

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "sandbox-webhooks");
    t.setDaemon(true);
    return t;
  });
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final SecureRandom random = new SecureRandom();
  private final SandboxSignature signature;
  private final ObjectMapper json;
  private final Environment environment;
  private final String webhookUrl;

  SandboxProvider(@Value("${settle.payments.gateway.secret}") String secret,
                  @Value("${settle.payments.gateway.replay-window:5m}") Duration replayWindow,
                  @Value("${settle.payments.gateway.webhook-url:}") String webhookUrl, ObjectMapper json, Environment environment) {
    this.signature = new SandboxSignature(secret, replayWindow);
    this.json = json;
    this.environment = environment;
    this.webhookUrl = webhookUrl;
  }

  Session open(String merchantReference, String description, BigDecimal amount, String currency, String returnUrl, String cancelUrl) {
    Session session = new Session(id("cs_sbx_"), merchantReference, description, amount, currency, returnUrl, cancelUrl, Instant.now());
    sessions.put(session.id, session);
    return session;
  }

  Optional<Session> session(String id) {
    return Optional.ofNullable(sessions.get(id));
  }

  List<Session> sessions() {
    return sessions.values().stream().sorted(Comparator.comparing((Session s) -> s.created).reversed()).toList();
  }

  /** The outcome of paying with a card on the checkout page. */
  sealed interface Attempt {}
  record Paid(Session session) implements Attempt {}
  record Declined(Session session, String reason) implements Attempt {}
  record NotATestCard() implements Attempt {}
  record AlreadyDone(Session session) implements Attempt {}

  /** Takes the card; the webhook follows from the sender thread, after the payer's page has returned. */
  Attempt pay(Session session, String cardNumber) {
    String digits = cardNumber == null ? "" : cardNumber.replaceAll("[\\s-]", "");
    if (!digits.equals(PAYS) && !DECLINES.containsKey(digits)) {
      return new NotATestCard();
    }
    synchronized (session) {
      if (session.state != State.OPEN) {
        return new AlreadyDone(session);
      }
      session.paymentId = id("py_sbx_");
      session.cardEnding = digits.substring(digits.length() - 4);
      if (digits.equals(PAYS)) {
        session.state = State.PAID;
        send(session, "checkout.succeeded", null);
        return new Paid(session);
      }
      session.state = State.DECLINED;
      session.declineReason = DECLINES.get(digits);
      send(session, "checkout.failed", session.declineReason);
      return new Declined(session, session.declineReason);
    }
  }

  /** What the payer's bank does weeks later: takes the money back. Only a paid session, and once. */
  boolean chargeBack(Session session) {
    synchronized (session) {
      if (session.state != State.PAID) {
        return false;
      }
      session.state = State.CHARGED_BACK;
      send(session, "charge.disputed", "the cardholder disputed the payment with their bank");
      return true;
    }
  }

  private void send(Session session, String type, String reason) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("session", session.id);
    data.put("payment", session.paymentId);
    data.put("reference", session.merchantReference);
    data.put("amount", session.amount.toPlainString());
    data.put("currency", session.currency);
    if (reason != null) {
      data.put("reason", reason);
    }
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("id", id("evt_sbx_"));
    event.put("type", type);
    event.put("created", Instant.now().getEpochSecond());
    event.put("data", data);
    byte[] body;
    try {
      body = json.writeValueAsBytes(event);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    sender.schedule(() -> deliver(session, type, body, 0), RETRIES.getFirst().toMillis(), TimeUnit.MILLISECONDS);
  }

  private void deliver(Session session, String type, byte[] body, int attempt) {
    String outcome;
    try {
      // signed at sending time, as each retry is: the receiver's replay window counts from the attempt
      HttpRequest request = HttpRequest.newBuilder(URI.create(target())).timeout(Duration.ofSeconds(10))
          .header("Content-Type", "application/json")
          .header(SandboxSignature.HEADER, signature.sign(Instant.now().getEpochSecond(), body))
          .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status / 100 == 2) {
        session.lastDelivery = "Settle was told of the " + what(type);
        return;
      }
      outcome = "answered with an error (" + status + ")";
    } catch (java.io.IOException e) {
      outcome = "could not be reached";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    session.lastDelivery = "Telling Settle of the " + what(type) + ": it " + outcome + " (attempt " + (attempt + 1) + ")";
    if (attempt + 1 < RETRIES.size()) {
      log.warn("Sandbox webhook {} for {}: Settle {}; retrying", type, session.id, outcome);
      sender.schedule(() -> deliver(session, type, body, attempt + 1), RETRIES.get(attempt + 1).toMillis(), TimeUnit.MILLISECONDS);
    } else {
      log.error("Sandbox webhook {} for {}: Settle {}; giving up", type, session.id, outcome);
    }
  }

  private static String what(String type) {
    return switch (type) {
      case "checkout.succeeded" -> "payment";
      case "checkout.failed" -> "decline";
      case "charge.disputed" -> "chargeback";
      default -> "event";
    };
  }

  /** The configured webhook URL, or this very application on loopback (the sandbox runs inside it). */
  private String target() {
    if (!webhookUrl.isBlank()) {
      return webhookUrl;
    }
    return "http://127.0.0.1:" + environment.getProperty("local.server.port", "8080")
        + environment.getProperty("server.servlet.context-path", "") + "/webhooks/payment-gateway";
  }

  private String id(String prefix) {
    byte[] bytes = new byte[12];
    random.nextBytes(bytes);
    return prefix + java.util.HexFormat.of().formatHex(bytes);
  }

  @PreDestroy
  void stop() {
    sender.shutdownNow();
  }
}
