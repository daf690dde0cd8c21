package settle.testdata;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.SeekingEngineFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import settle.SettleApplication;
import settle.common.DatabaseRoles;
import settle.engine.RenewableEngine;

/**
 * Settle replicas as on a cluster ({@code settle.embedded=false}: no demo users, every secret configured, the same on
 * each) against one engine, one PostgreSQL and one SMTP server, each replica reaching the engine through a proxy of its
 * own and the mail server through a shared one, so a test can take either away and bring it back. The engine is the
 * in-memory one (the gRPC API a cluster's gateway serves); each replica is handed it as a bean too, only so the demo
 * clock can move time and tests can read its record stream. Used by TwoReplicasIT (work shared, faults survived) and
 * OrchestrationBenchmark (one replica against two).
 */
public final class Replicas implements AutoCloseable {

  public final ZeebeTestEngine engine;
  public final GreenMail smtp;
  /** The replicas' shared line to the mail server. */
  public final TcpProxy mailLine;
  private final int enginePort;
  private final EmbeddedPostgres postgres;
  private final Map<String, Object> database;
  private final List<Replica> started = new ArrayList<>();
  private final List<ReplicaProcess> processes = new ArrayList<>();
  /** Where replicas in JVMs of their own write their output, kept for reading after a failure. */
  private static final Path LOGS = Path.of("target", "replica-logs");

  /** One Settle application context; {@code engineLine} is its own proxy to the engine. */
  public record Replica(String name, ConfigurableApplicationContext context, TcpProxy engineLine, Journeys journeys) {
    public <T> T bean(Class<T> type) {
      return context.getBean(type);
    }

    /** Jobs of this type this replica's workers completed. */
    public long handled(String type) {
      return bean(MeterRegistry.class).find("settle.job.handling").tag("type", type).tag("outcome", "completed")
          .timers().stream().mapToLong(Timer::count).sum();
    }

    /** Jobs this replica's workers handled, however they left them. */
    public long handledAll() {
      return bean(MeterRegistry.class).find("settle.job.handling").timers().stream().mapToLong(Timer::count).sum();
    }
  }

  private Replicas() throws IOException {
    engine = SeekingEngineFactory.create();
    engine.start();
    enginePort = RenewableEngine.port(engine);
    postgres = EmbeddedPostgres.builder().start();
    database = DatabaseRoles.create(postgres.getPostgresDatabase(), "localhost", postgres.getPort());
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    smtp.start();
    mailLine = new TcpProxy(smtp.getSmtp().getPort());
  }

  /** The engine, the database and the mail server, with no replica yet. */
  public static Replicas start() throws IOException {
    return new Replicas();
  }

  /**
   * A replica started and ready. {@code settings} are more {@code key=value} properties for it (none of the ones set
   * here: a property given twice on the command line reads as both values).
   */
  public Replica replica(String name, String... settings) {
    TcpProxy engineLine = new TcpProxy(enginePort);
    List<String> args = arguments(name, 0, engineLine.port(), settings);
    ConfigurableApplicationContext context = new SpringApplicationBuilder(SettleApplication.class)
        .initializers(ctx -> {
          var beans = (DefaultListableBeanFactory) ctx.getBeanFactory();
          // not disposable here: the engine and the mail server outlive a replica
          beans.registerSingleton("embeddedEngine", engine);
          beans.registerSingleton("embeddedSmtp", smtp);
        })
        .run(args.toArray(String[]::new));
    Replica replica = new Replica(name, context, engineLine, new Journeys(context));
    started.add(replica);
    return replica;
  }

  /**
   * A replica in a JVM of its own, on the test's classpath, as on a cluster node: a test can kill it outright. It
   * reaches the engine directly and knows nothing of the in-memory engine, so its clock is the system's. Returns once
   * its readiness group answers UP.
   */
  public ReplicaProcess process(String name, String... settings) throws IOException {
    int port = freePort();
    Files.createDirectories(LOGS);
    Path log = Files.createTempFile(LOGS, name + "-", ".log");
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(), "-Xmx768m",
        "-cp", System.getProperty("java.class.path"), SettleApplication.class.getName()));
    command.addAll(arguments(name, port, enginePort, settings));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    ReplicaProcess replica = new ReplicaProcess(name, process, log);
    processes.add(replica);
    HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build();
    try (HttpClient http = HttpClient.newHttpClient()) {
      Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
          .failFast(name + " exited before it was ready; its log: " + log, () -> !process.isAlive())
          .ignoreExceptionsInstanceOf(IOException.class) // not listening yet
          .until(() -> http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }
    return replica;
  }

  /** A replica's own JVM and its log (standard output and error). */
  public record ReplicaProcess(String name, Process process, Path log) {
    /** {@code kill -9}: SIGKILL on Linux, so no shutdown hook runs and nothing is closed or handed back. */
    public int kill() throws InterruptedException {
      process.destroyForcibly();
      return process.waitFor();
    }
  }

  private List<String> arguments(String name, int port, int engineAt, String... settings) {
    List<String> args = new ArrayList<>(List.of(
        "--server.port=" + port,
        "--settle.embedded=false", "--settle.demo-data=false",
        "--camunda.client.grpc-address=http://127.0.0.1:" + engineAt,
        "--camunda.client.rest-address=http://127.0.0.1:" + engineAt,
        "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + mailLine.port(),
        // the same secrets on each, as the README asks of replicas
        "--settle.link-secret=replicas-share-this-link-secret-0123456789",
        "--settle.audit.signing-key=replicas-share-this-audit-signing-key-0123456789",
        "--settle.payments.gateway.secret=replicas-share-this-gateway-secret",
        "--spring.datasource.hikari.data-source-properties.ApplicationName=" + name,
        // as @SettleTest: every day a business day, business time from 20:00 UTC, no monthly or daily reviews
        "--settle.calendar.weekend=", "--settle.calendar.weekends.SA=", "--settle.calendar.weekends.EG=",
        "--settle.calendar.public-holidays=false", "--settle.credit-review.monthly=false", "--settle.demo-clock.start-hour=20",
        "--settle.risk.daily-rescoring=false"));
    database.forEach((key, value) -> args.add("--" + key + "=" + value));
    for (String setting : settings) {
      args.add("--" + setting);
    }
    return args;
  }

  /** Settle's database, as the superuser: to look behind the replicas' backs. */
  public DataSource settleDatabase() {
    return postgres.getDatabase("postgres", "settle");
  }

  @Override
  public void close() throws IOException {
    for (ReplicaProcess replica : processes) {
      // gone before the engine and the database it holds connections to
      try {
        replica.kill();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (Replica replica : started) {
      replica.context().close();
      replica.engineLine().close();
    }
    mailLine.close();
    smtp.stop();
    engine.stop();
    postgres.close();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
