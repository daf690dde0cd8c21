package settle.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.SeekingEngineFactory;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.DeploymentIntent;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;
import settle.SettleApplication;

/**
 * Restarts of Settle against one engine and one database, as on a cluster: a new application context each time,
 * the same in-memory engine and the same PostgreSQL underneath.
 */
class ModelDeploymentTest {

  private static final String TABLE = "task-priority.dmn";

  private ZeebeTestEngine engine;
  private int enginePort;
  private EmbeddedPostgres postgres;
  private GreenMail smtp;
  private final List<ConfigurableApplicationContext> settles = new ArrayList<>();

  @BeforeEach
  void engineDatabaseAndMail() throws IOException {
    engine = SeekingEngineFactory.create();
    engine.start();
    enginePort = RenewableEngine.port(engine);
    postgres = EmbeddedPostgres.builder().start();
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    smtp.start();
  }

  @AfterEach
  void stopAll() throws IOException {
    settles.forEach(ConfigurableApplicationContext::close);
    smtp.stop();
    postgres.close();
    engine.stop();
  }

  @Test
  void aNewerTableDeployedFromOutsideStaysInForceAfterARestart() {
    stop(startSettle(ProcessResources.IN_THE_JAR));
    assertThat(lowRiskWeight()).isEqualTo(1);

    deployFromOutside(table().replace("<outputEntry id=\"low-risk-out-1\"><text>1</text>",
        "<outputEntry id=\"low-risk-out-1\"><text>7</text>"));
    assertThat(lowRiskWeight()).isEqualTo(7);

    ConfigurableApplicationContext restarted = startSettle(ProcessResources.IN_THE_JAR);
    assertThat(lowRiskWeight()).isEqualTo(7);
    // Settle still knows only its own version 1; the outside version 2 is the engine's
    ModelDeployments deployments = restarted.getBean(ModelDeployments.class);
    assertThat(deployments.history(TABLE)).extracting(DeployedModel::version).containsExactly(1);
    assertThat(restarted.getBean(EngineModels.class).latest(DeployedModel.Kind.DMN, "task-priority-definitions"))
        .map(EngineModels.InForce::version).contains(2);
  }

  @Test
  void anUnchangedJarDeploysNothingNew() {
    ConfigurableApplicationContext first = startSettle(ProcessResources.IN_THE_JAR);
    List<DeployedModel> recorded = first.getBean(ModelDeployments.class).current();
    assertThat(recorded).hasSize(ProcessResources.all().size())
        .allSatisfy(m -> {
          assertThat(m.version()).isEqualTo(1);
          assertThat(m.deployedBy()).isEqualTo(DeployedModel.STARTUP);
          assertThat(m.checksum()).hasSize(64);
        });
    stop(first);
    long deploymentsBefore = deploymentCommands();

    ConfigurableApplicationContext second = startSettle(ProcessResources.IN_THE_JAR);
    assertThat(deploymentCommands()).isEqualTo(deploymentsBefore);
    assertThat(second.getBean(ModelDeployments.class).current()).isEqualTo(recorded);
    assertThat(health(second)).containsEntry(TABLE, "unchanged");
  }

  @Test
  void anEditedFileInANewJarIsDeployedButNeverOverANewerVersionFromOutside(@TempDir Path jar) throws IOException {
    FileSystemUtils.copyRecursively(Path.of("bpmn"), jar.resolve("bpmn"));
    FileSystemUtils.copyRecursively(Path.of("dmn"), jar.resolve("dmn"));
    String location = jar.toUri().toString();
    stop(startSettle(location));

    editLowRiskWeight(jar, "4");
    ConfigurableApplicationContext upgraded = startSettle(location);
    assertThat(lowRiskWeight()).isEqualTo(4);
    assertThat(upgraded.getBean(ModelDeployments.class).latest(TABLE)).get()
        .extracting(DeployedModel::version, DeployedModel::deployedBy).containsExactly(2, DeployedModel.STARTUP);
    assertThat(health(upgraded)).containsEntry(TABLE, "deployed as version 2");
    stop(upgraded);

    deployFromOutside(Files.readString(jar.resolve("dmn").resolve(TABLE)).replace("<text>4</text>", "<text>7</text>"));
    editLowRiskWeight(jar, "9");
    ConfigurableApplicationContext next = startSettle(location);
    assertThat(lowRiskWeight()).isEqualTo(7);
    assertThat(next.getBean(ModelDeployments.class).latest(TABLE)).get().extracting(DeployedModel::version).isEqualTo(2);
    assertThat(health(next)).containsEntry(TABLE, "not deployed: version 3 was deployed outside Settle after its version 2");
  }

  private void editLowRiskWeight(Path jar, String weight) throws IOException {
    Path file = jar.resolve("dmn").resolve(TABLE);
    String edited = Files.readString(file).replaceAll("(<outputEntry id=\"low-risk-out-1\"><text>)\\d+(</text>)", "$1" + weight + "$2");
    assertThat(edited).isNotEqualTo(Files.readString(file));
    Files.writeString(file, edited);
  }

  private ConfigurableApplicationContext startSettle(String modelsLocation) {
    ConfigurableApplicationContext settle = new SpringApplicationBuilder(SettleApplication.class)
        // the engine outlives each Settle, as a cluster does
        .initializers(context -> context.getBeanFactory().registerSingleton("embeddedEngine", engine))
        .run("--settle.embedded=false", "--settle.demo-data=false", "--server.port=0",
            "--camunda.client.grpc-address=http://127.0.0.1:" + enginePort,
            "--camunda.client.rest-address=http://127.0.0.1:" + enginePort,
            "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
            "--spring.datasource.username=postgres", "--spring.datasource.password=unused-by-trust-auth",
            "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort(),
            "--spring.flyway.user=postgres", "--spring.flyway.password=unused-by-trust-auth",
            "--settle.link-secret=a-test-secret-of-at-least-thirty-two-characters",
            "--settle.audit.signing-key=a-test-signing-key-of-at-least-thirty-two-characters",
            "--settle.models.location=" + modelsLocation);
    settles.add(settle);
    return settle;
  }

  private void stop(ConfigurableApplicationContext settle) {
    settle.close();
    settles.remove(settle);
  }

  /** The weight the table in force gives a low-risk customer's task. */
  private int lowRiskWeight() {
    try (ZeebeClient client = engine.createClient()) {
      String output = client.newEvaluateDecisionCommand().decisionId("task-priority")
          .variables(Map.of("riskRating", "LOW", "daysPastDue", 3)).send().join().getDecisionOutput();
      return Integer.parseInt(output.strip());
    }
  }

  private void deployFromOutside(String xml) {
    try (ZeebeClient client = engine.createClient()) {
      client.newDeployResourceCommand().addResourceBytes(xml.getBytes(StandardCharsets.UTF_8), TABLE).send().join();
    }
  }

  private static String table() {
    try {
      return Files.readString(Path.of("dmn", TABLE));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private long deploymentCommands() {
    return StreamSupport.stream(settle.engine.EngineRecords.all(engine).spliterator(), false)
        .filter(r -> r.getValueType() == ValueType.DEPLOYMENT && r.getIntent() == DeploymentIntent.CREATE).count();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> health(ConfigurableApplicationContext settle) {
    return (Map<String, String>) settle.getBean("processDeployment", HealthIndicator.class).health().getDetails().get("models");
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
