package settle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker/compose.yml, read as compose reads it (there is no Docker engine in the build): the services, what each
 * publishes, what each replica needs to start, and Prometheus scraping both replicas where the application serves its
 * metrics, with Grafana provisioned from files that exist.
 */
class DockerComposeTest {

  private static final Path DOCKER = Path.of("docker");
  private static final List<String> REPLICAS = List.of("settle-1", "settle-2");

  /** What a replica cannot start without on a cluster (settle.common.RequiredSecrets and application-cluster.yml). */
  private static final List<String> REPLICA_SECRETS = List.of("SPRING_DATASOURCE_PASSWORD", "SPRING_FLYWAY_PASSWORD",
      "SETTLE_LINK_SECRET", "SETTLE_AUDIT_SIGNING_KEY", "SETTLE_PAYMENT_GATEWAY_SECRET", "SETTLE_ADMIN_PASSWORD");
  private static final List<String> REPLICA_SETTINGS = List.of("CAMUNDA_GRPC_ADDRESS", "CAMUNDA_REST_ADDRESS",
      "SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_FLYWAY_USER", "SPRING_MAIL_HOST", "SPRING_MAIL_PORT",
      "SETTLE_PUBLIC_URL");

  private final Map<String, Object> services = map(yaml(DOCKER.resolve("compose.yml")).get("services"));

  @Test
  void theClusterRunsTheEngineDatabaseMailCatcherTwoReplicasPrometheusAndGrafana() {
    assertThat(services).containsKeys("camunda", "postgres", "mail", "settle-1", "settle-2", "prometheus", "grafana");
  }

  @Test
  void onlySettleIsPublishedToEveryoneAndTheToolsToThisMachineOnly() {
    assertThat(ports("settle-1")).containsExactly("8081:8080");
    assertThat(ports("settle-2")).containsExactly("8082:8080");
    assertThat(ports("mail")).containsExactly("127.0.0.1:8025:8025");
    assertThat(ports("prometheus")).containsExactly("127.0.0.1:9090:9090");
    assertThat(ports("grafana")).containsExactly("127.0.0.1:3000:3000");
    // the engine runs without authentication: reachable by Settle inside the network only
    assertThat(ports("camunda")).isEmpty();
    assertThat(ports("postgres")).isEmpty();
  }

  @Test
  void eachReplicaGetsEverySettingAndSecretItNeedsWithNoDefaultForTheSecrets() {
    for (String replica : REPLICAS) {
      Map<String, String> environment = environment(replica);
      assertThat(environment).as(replica).containsKeys(REPLICA_SETTINGS.toArray(String[]::new));
      for (String secret : REPLICA_SECRETS) {
        assertThat(environment).as(replica).containsKey(secret);
        assertThat(environment.get(secret)).as(replica + " " + secret).matches("\\$\\{[A-Z_]+:\\?.+}");
      }
      assertThat(environment.get("CAMUNDA_GRPC_ADDRESS")).isEqualTo("http://camunda:26500");
      assertThat(environment.get("SPRING_DATASOURCE_URL")).isEqualTo("jdbc:postgresql://postgres:5432/settle");
      assertThat(environment.get("SPRING_MAIL_HOST")).isEqualTo("mail");
    }
    assertThat(environment("grafana").get("GF_SECURITY_ADMIN_PASSWORD")).matches("\\$\\{GRAFANA_ADMIN_PASSWORD:\\?.+}");
  }

  @Test
  void prometheusScrapesBothReplicasWhereTheApplicationServesItsMetrics() throws IOException {
    Path config = mountedFile("prometheus", "/etc/prometheus/prometheus.yml");
    List<Map<String, Object>> jobs = list(yaml(config).get("scrape_configs"));
    Map<String, Object> settle = jobs.stream().filter(job -> "settle".equals(job.get("job_name"))).findFirst().orElseThrow();

    List<String> targets = new ArrayList<>();
    list(settle.get("static_configs")).forEach(group -> targets.addAll(strings(group.get("targets"))));
    List<String> replicas = REPLICAS.stream().map(replica -> replica + ":" + containerPort(replica)).toList();
    assertThat(targets).containsExactlyInAnyOrderElementsOf(replicas);

    Map<String, Object> application = yaml(Path.of("src/main/resources/application.yml"));
    Map<String, Object> web = map(map(map(application.get("management")).get("endpoints")).get("web"));
    String basePath = (String) web.getOrDefault("base-path", "/actuator");
    assertThat(settle.get("metrics_path")).isEqualTo(basePath + "/prometheus");
    assertThat(String.valueOf(map(web.get("exposure")).get("include")).split(",")).contains("prometheus");
  }

  @Test
  void grafanaIsProvisionedWithPrometheusAndTheSettleDashboard() throws IOException {
    Path provisioning = mountedFile("grafana", "/etc/grafana/provisioning");
    Map<String, Object> datasource = list(yaml(provisioning.resolve("datasources/prometheus.yml")).get("datasources")).getFirst();
    assertThat(datasource.get("url")).isEqualTo("http://prometheus:9090");

    Map<String, Object> provider = list(yaml(provisioning.resolve("dashboards/settle.yml")).get("providers")).getFirst();
    String dashboardsPath = (String) map(provider.get("options")).get("path");
    Path dashboards = mountedFile("grafana", dashboardsPath);
    JsonNode dashboard = new ObjectMapper().readTree(dashboards.resolve("settle.json").toFile());
    assertThat(dashboard.path("panels").size()).isGreaterThanOrEqualTo(8);
    List<String> expressions = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      assertThat(panel.path("datasource").path("uid").asText()).isEqualTo(datasource.get("uid"));
      panel.path("targets").forEach(target -> expressions.add(target.path("expr").asText()));
    }
    assertThat(String.join("\n", expressions)).contains("settle_job_handling_seconds_count", "settle_outbox_depth",
        "settle_outbox_lag_seconds", "settle_mails_sent_total", "settle_mails_failed_total", "settle_statements_imported_total",
        "settle_statement_lines_total", "settle_tasks_open");
  }

  private List<String> ports(String service) {
    return strings(map(services.get(service)).getOrDefault("ports", List.of()));
  }

  private String containerPort(String service) {
    String mapping = ports(service).getFirst();
    return mapping.substring(mapping.lastIndexOf(':') + 1);
  }

  private Map<String, String> environment(String service) {
    Map<String, String> environment = new LinkedHashMap<>();
    for (String entry : strings(map(services.get(service)).get("environment"))) {
      int equals = entry.indexOf('=');
      environment.put(entry.substring(0, equals), entry.substring(equals + 1));
    }
    return environment;
  }

  /** The file or folder on this side of a service's volume mounted at {@code target}; it must exist. */
  private Path mountedFile(String service, String target) {
    for (String volume : strings(map(services.get(service)).get("volumes"))) {
      String[] parts = volume.split(":");
      if (parts[1].equals(target)) {
        Path source = DOCKER.resolve(parts[0]).normalize();
        assertThat(source).as(volume).exists();
        return source;
      }
    }
    throw new AssertionError(service + " mounts nothing at " + target);
  }

  private static Map<String, Object> yaml(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return new Yaml().load(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return (List<Map<String, Object>>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object value) {
    return (List<String>) value;
  }
}
