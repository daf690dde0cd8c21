package settle.common;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Links that carry their own authority (hold links for account owners, portal links for customers):
 * purpose, payload and expiry, signed with HMAC-SHA256. Replicas must share {@code settle.link-secret}.
 */
@Component
public class SignedLinks {

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  private final byte[] secret;

  SignedLinks(@Value("${settle.link-secret:}") String secret, @Value("${settle.embedded:true}") boolean embedded) {
    if (secret.isBlank() && embedded) {
      // embedded mode: links live as long as this run, like its database
      this.secret = new byte[32];
      new SecureRandom().nextBytes(this.secret);
    } else if (secret.isBlank() || secret.strip().length() < RequiredSecrets.MIN_LINK_SECRET) {
      // RequiredSecrets stops the start before this; a key is never made up where replicas must share it
      throw new IllegalStateException("settle.link-secret must be set, at least " + RequiredSecrets.MIN_LINK_SECRET + " characters");
    } else {
      this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }
  }

  public String sign(String purpose, String payload, LocalDate expires) {
    String body = purpose + "|" + payload + "|" + expires;
    return B64.encodeToString(body.getBytes(StandardCharsets.UTF_8)) + "." + B64.encodeToString(mac(body));
  }

  /** The payload, if the token is intact, meant for this purpose and not expired. */
  public Optional<String> verify(String purpose, String token, LocalDate today) {
    return open(purpose, token).filter(s -> !s.expires().isBefore(today)).map(Signed::payload);
  }

  /** What an intact token signed for this purpose says, expired or not: an expired link can still be told apart from a forged one. */
  public record Signed(String payload, LocalDate expires) {}

  public Optional<Signed> open(String purpose, String token) {
    try {
      String[] parts = token.split("\\.");
      if (parts.length != 2) {
        return Optional.empty();
      }
      String body = new String(B64D.decode(parts[0]), StandardCharsets.UTF_8);
      if (!MessageDigest.isEqual(mac(body), B64D.decode(parts[1]))) {
        return Optional.empty();
      }
      String[] fields = body.split("\\|");
      if (fields.length != 3 || !fields[0].equals(purpose)) {
        return Optional.empty();
      }
      return Optional.of(new Signed(fields[1], LocalDate.parse(fields[2])));
    } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private byte[] mac(String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
