package settle.payments.gateway.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import settle.payments.gateway.InvalidWebhookException;

/**
 * The sandbox's webhook signature, shaped like the real providers' ones: header {@value #HEADER} is
 * {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}, keyed by the secret merchant and provider share. The
 * timestamp inside the signed text lets the receiver refuse an old delivery replayed later; several {@code v1} values
 * may stand side by side while a secret is rotated.
 */
public final class SandboxSignature {

  public static final String HEADER = "Sandbox-Signature";

  private final byte[] secret;
  private final Duration replayWindow;

  public SandboxSignature(String secret, Duration replayWindow) {
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.replayWindow = replayWindow;
  }

  public String sign(long timestamp, byte[] body) {
    return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(mac(timestamp, body));
  }

  /** Passes if one {@code v1} is the body's HMAC and the timestamp lies within the replay window of {@code now}. */
  public void verify(String header, byte[] body, Instant now) {
    if (header == null || header.isBlank()) {
      throw new InvalidWebhookException(HEADER, "The " + HEADER + " header is missing");
    }
    Long timestamp = null;
    java.util.List<byte[]> signatures = new java.util.ArrayList<>();
    for (String part : header.split(",")) {
      String[] pair = part.strip().split("=", 2);
      if (pair.length != 2) {
        continue;
      }
      try {
        if (pair[0].equals("t")) {
          timestamp = Long.parseLong(pair[1]);
        } else if (pair[0].equals("v1")) {
          signatures.add(HexFormat.of().parseHex(pair[1]));
        }
      } catch (IllegalArgumentException e) {
        throw new InvalidWebhookException(HEADER, "The " + HEADER + " header is malformed");
      }
    }
    if (timestamp == null || signatures.isEmpty()) {
      throw new InvalidWebhookException(HEADER, "The " + HEADER + " header needs a timestamp t and a signature v1");
    }
    byte[] expected = mac(timestamp, body);
    // constant time: how far a guess matches must not show in how long the answer takes
    if (signatures.stream().noneMatch(s -> MessageDigest.isEqual(expected, s))) {
      throw new InvalidWebhookException(HEADER, "The signature does not match the body");
    }
    if (Duration.between(Instant.ofEpochSecond(timestamp), now).abs().compareTo(replayWindow) > 0) {
      throw new InvalidWebhookException(HEADER, "The delivery is signed at " + Instant.ofEpochSecond(timestamp)
          + ", outside the replay window of " + replayWindow.toMinutes() + " minutes");
    }
  }

  private byte[] mac(long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
