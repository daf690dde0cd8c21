package settle.audit.internal;

import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import settle.common.RequiredSecrets;

/**
 * The key that signs checkpoints and audit packs ({@code settle.audit.signing-key}). The database never holds it, so
 * whoever can rewrite the tables cannot forge a checkpoint. A cluster must configure it (RequiredSecrets refuses to
 * start without it); embedded mode makes one per start and prints it once, for verifying packs offline.
 */
@Component
public class AuditSigningKey {

  private static final Logger log = LoggerFactory.getLogger(AuditSigningKey.class);

  private final String key;

  AuditSigningKey(@Value("${settle.audit.signing-key:}") String configured, @Value("${settle.embedded:true}") boolean embedded) {
    if (!configured.isBlank()) {
      if (configured.strip().length() < RequiredSecrets.MIN_LINK_SECRET) {
        throw new IllegalStateException("settle.audit.signing-key must be at least " + RequiredSecrets.MIN_LINK_SECRET + " characters");
      }
      key = configured.strip();
    } else if (embedded) {
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      key = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      log.warn("Audit signing key for this run (embedded mode; keep it to verify audit packs offline): {}", key);
    } else {
      throw new IllegalStateException("settle.audit.signing-key must be set, at least " + RequiredSecrets.MIN_LINK_SECRET + " characters");
    }
  }

  public String key() {
    return key;
  }
}
