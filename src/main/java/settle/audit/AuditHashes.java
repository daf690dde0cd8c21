package settle.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The trail's arithmetic, in one place for the application and the offline pack verifier (which runs without Spring
 * or a database): the chain hash of an entry, SHA-256 of a file, and HMAC-SHA256 signatures with the audit key.
 */
public final class AuditHashes {

  private AuditHashes() {}

  /** An entry's link: it covers the previous link and the entry, so changing or removing one breaks every later link. */
  public static String link(String prev, Instant at, String actor, String action, String subject, String details) {
    return sha256(String.join("\u001f", prev, at.toString(), actor, action, subject, details).getBytes(StandardCharsets.UTF_8));
  }

  /** What a checkpoint signs: the chain's head at a position. */
  public static String checkpointText(long position, long entryId, String headHash, Instant at) {
    return "settle-audit-checkpoint|" + position + "|" + entryId + "|" + headHash + "|" + at;
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String sign(String key, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Compares in constant time, so a forger learns nothing from how long a refusal takes. */
  public static boolean signedBy(String key, String text, String signature) {
    return signature != null && MessageDigest.isEqual(sign(key, text).getBytes(StandardCharsets.UTF_8),
        signature.getBytes(StandardCharsets.UTF_8));
  }
}
