package settle.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import settle.testdata.Settings;
import settle.SettleApplication;

/** Production has no default secrets: without them Settle does not start, and says which is missing. */
class RequiredSecretsTest {

  private static final String LONG_SECRET = "k2V9q7Lr0pXw4sN8tYb3cMe6hJ1uA5dZ";

  @Test
  void theClusterProfileWithoutItsSecretsRefusesToStartNamingEachMissingProperty() {
    assertThatThrownBy(() -> new SpringApplicationBuilder(SettleApplication.class).profiles("cluster")
        .web(WebApplicationType.NONE).run())
        .hasMessageContaining("spring.datasource.password is not set")
        .hasMessageContaining("settle.link-secret is not set")
        .hasMessageContaining("settle.payments.gateway.secret is not set");
  }

  @Test
  void outsideEmbeddedModeTheDatabasePasswordTheLinkSecretAndThePaymentGatewaySecretAreRequired() {
    Settings cluster = new Settings().with("settle.embedded", "false");
    assertThatThrownBy(() -> RequiredSecrets.check(cluster)).hasMessageContaining("spring.datasource.password");
    cluster.with("spring.datasource.password", "s3cret-from-the-vault");
    assertThatThrownBy(() -> RequiredSecrets.check(cluster)).hasMessageContaining("settle.link-secret is not set")
        .message().doesNotContain("spring.datasource.password");
    cluster.with("settle.link-secret", LONG_SECRET);
    assertThatThrownBy(() -> RequiredSecrets.check(cluster)).hasMessageContaining("settle.audit.signing-key is not set")
        .hasMessageContaining("spring.flyway.password is not set");
    cluster.with("settle.audit.signing-key", LONG_SECRET).with("spring.flyway.password", "owner-from-the-vault");
    assertThatThrownBy(() -> RequiredSecrets.check(cluster)).hasMessageContaining("settle.payments.gateway.secret is not set")
        .message().doesNotContain("settle.audit.signing-key");
    cluster.with("settle.payments.gateway.secret", "whsec-from-the-providers-dashboard");
    assertThatCode(() -> RequiredSecrets.check(cluster)).doesNotThrowAnyException();
  }

  @Test
  void aLinkSecretShorterThan32CharactersIsRefusedInEveryMode() {
    Settings embedded = new Settings().with("settle.link-secret", "short");
    assertThatThrownBy(() -> RequiredSecrets.check(embedded)).hasMessageContaining("settle.link-secret must be at least 32 characters");
    assertThatThrownBy(() -> new SignedLinks("short", true)).hasMessageContaining("at least 32");
  }

  @Test
  void aBlankLinkSecretIsReplacedByARandomKeyOnlyInEmbeddedMode() {
    assertThatThrownBy(() -> new SignedLinks(" ", false)).hasMessageContaining("settle.link-secret must be set");
    SignedLinks embedded = new SignedLinks("", true);
    String token = embedded.sign("hold", "1:1:hold", LocalDate.of(2030, 1, 1));
    assertThat(embedded.verify("hold", token, LocalDate.of(2029, 1, 1))).contains("1:1:hold");
    // two replicas with the same configured secret accept each other's links
    assertThat(new SignedLinks(LONG_SECRET, false).verify("hold",
        new SignedLinks(LONG_SECRET, false).sign("hold", "2:1:hold", LocalDate.of(2030, 1, 1)), LocalDate.of(2029, 1, 1)))
        .contains("2:1:hold");
  }
}
