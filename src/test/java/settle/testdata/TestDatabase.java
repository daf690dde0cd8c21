package settle.testdata;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.MapPropertySource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * Chooses the tests' PostgreSQL: SETTLE_TEST_DB_URL if set, else a Testcontainers PostgreSQL where a
 * Docker engine runs, else nothing, and embedded mode starts an embedded PostgreSQL. All are real PostgreSQL.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

  private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);
  private static PostgreSQLContainer<?> container;

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    var env = context.getEnvironment();
    if (env.containsProperty("spring.datasource.url")) {
      return;
    }
    String url = System.getenv("SETTLE_TEST_DB_URL");
    Map<String, Object> props;
    if (url != null && !url.isBlank()) {
      props = Map.of("spring.datasource.url", url,
          "spring.datasource.username", System.getenv().getOrDefault("SETTLE_TEST_DB_USER", "postgres"),
          "spring.datasource.password", System.getenv().getOrDefault("SETTLE_TEST_DB_PASSWORD", ""));
      log.info("Tests use the PostgreSQL at {}", url);
    } else if (dockerAvailable()) {
      props = containerRoles();
      log.info("Tests use a Testcontainers PostgreSQL");
    } else {
      log.info("No Docker engine: tests use an embedded PostgreSQL");
      return;
    }
    env.getPropertySources().addFirst(new MapPropertySource("settle-test-database", props));
  }

  private static boolean dockerAvailable() {
    if (System.getenv("DOCKER_HOST") == null && !java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"))) {
      return false;
    }
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The owner and application roles, as in embedded mode, created once in the shared container. */
  private static synchronized Map<String, Object> containerRoles() {
    if (roles == null) {
      var superuser = new org.springframework.jdbc.datasource.DriverManagerDataSource(container().getJdbcUrl(),
          container().getUsername(), container().getPassword());
      roles = settle.common.DatabaseRoles.create(superuser, container().getHost(), container().getMappedPort(5432));
    }
    return roles;
  }

  private static Map<String, Object> roles;

  private static synchronized PostgreSQLContainer<?> container() {
    if (container == null) {
      container = new PostgreSQLContainer<>("postgres:17-alpine");
      container.start();
    }
    return container;
  }
}
