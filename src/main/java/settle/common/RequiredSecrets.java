package settle.common;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Outside embedded mode there are no default secrets: Settle refuses to start until each is set,
 * naming the missing property, rather than run with a password anyone can read in this repository.
 * Runs once the configuration is read and before anything connects.
 */
public class RequiredSecrets implements EnvironmentPostProcessor {

  /** An HMAC key shorter than this is guessable; 32 characters of a random string is the least. */
  public static final int MIN_LINK_SECRET = 32;

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    check(environment);
  }

  public static void check(ConfigurableEnvironment environment) {
    List<String> problems = new ArrayList<>();
    String linkSecret = environment.getProperty("settle.link-secret", "");
    String auditKey = environment.getProperty("settle.audit.signing-key", "");
    boolean embedded = environment.getProperty("settle.embedded", Boolean.class, true);
    if (!embedded) {
      if (environment.getProperty("spring.datasource.password", "").isBlank()) {
        problems.add("spring.datasource.password is not set (env SPRING_DATASOURCE_PASSWORD)");
      }
      if (linkSecret.isBlank()) {
        problems.add("settle.link-secret is not set (env SETTLE_LINK_SECRET): the key that signs hold and portal links,"
            + " the same on every replica");
      }
      if (auditKey.isBlank()) {
        problems.add("settle.audit.signing-key is not set (env SETTLE_AUDIT_SIGNING_KEY): the key that signs audit checkpoints"
            + " and packs, kept outside the database, the same on every replica");
      }
      if (environment.getProperty("settle.payments.gateway.secret", "").isBlank()) {
        problems.add("settle.payments.gateway.secret is not set (env SETTLE_PAYMENT_GATEWAY_SECRET): the secret the payment"
            + " provider signs its webhooks with, from its dashboard");
      }
      if (environment.getProperty("spring.flyway.password", "").isBlank()) {
        problems.add("spring.flyway.password is not set (env SPRING_FLYWAY_PASSWORD): migrations run as the owner role"
            + " (spring.flyway.user), the application as a role that cannot change the audit trail");
      }
    }
    if (!auditKey.isBlank() && auditKey.strip().length() < MIN_LINK_SECRET) {
      problems.add("settle.audit.signing-key must be at least " + MIN_LINK_SECRET + " characters (it has " + auditKey.strip().length() + ")");
    }
    if (!linkSecret.isBlank() && linkSecret.strip().length() < MIN_LINK_SECRET) {
      problems.add("settle.link-secret must be at least " + MIN_LINK_SECRET + " characters (it has " + linkSecret.strip().length() + ")");
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Settle will not start without its secrets: " + String.join("; ", problems));
    }
  }
}
