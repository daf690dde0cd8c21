package settle.engine.internal;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import settle.common.DatabaseRoles;
import settle.engine.RenewableEngine;

/**
 * Embedded mode: starts the in-memory Camunda engine, a fresh PostgreSQL and an SMTP capture
 * inside the JVM before any bean is created, and points the ordinary configuration at them.
 * Anything already configured (a datasource URL, a mail host) is left alone.
 */
public class EmbeddedRuntime implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedRuntime.class);

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 10;
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    ConfigurableEnvironment env = context.getEnvironment();
    if (!env.getProperty("settle.embedded", Boolean.class, true)) {
      return;
    }
    // a simulation (settle.simulation) gets its own database and mailbox whatever else is configured: it must never
    // write to the live data nor send a mail
    boolean scratch = env.getProperty("settle.simulation.scratch", Boolean.class, false);
    var beans = (DefaultListableBeanFactory) context.getBeanFactory();
    Map<String, Object> props = new HashMap<>();

    // PostgreSQL's initdb and start run in their own processes: they go on while this thread starts the engine
    CompletableFuture<EmbeddedPostgres> postgresStarting = scratch || !env.containsProperty("spring.datasource.url")
        ? CompletableFuture.supplyAsync(EmbeddedRuntime::startPostgres) : null;
    // renewable, so a simulation can give each batch of its customers a fresh engine (settle.simulation)
    ZeebeTestEngine engine = new RenewableEngine();
    engine.start();
    int enginePort = RenewableEngine.port(engine);
    beans.registerSingleton("embeddedEngine", engine);
    beans.registerDisposableBean("embeddedEngine", engine::stop);
    props.put("camunda.client.grpc-address", "http://127.0.0.1:" + enginePort);
    props.put("camunda.client.rest-address", "http://127.0.0.1:" + enginePort);
    log.info("In-memory Camunda engine on 127.0.0.1:{} (evaluation and tests only)", enginePort);

    if (postgresStarting != null) {
      EmbeddedPostgres postgres = postgresStarting.join();
      beans.registerSingleton("embeddedPostgres", postgres);
      beans.registerDisposableBean("embeddedPostgres", postgres::close);
      // migrations run as the owner, the application as a role that cannot change the audit trail
      props.putAll(DatabaseRoles.create(postgres.getPostgresDatabase(), "localhost", postgres.getPort()));
      if (scratch) {
        props.put("spring.flyway.url", props.get("spring.datasource.url"));
      }
      log.info("Embedded PostgreSQL on 127.0.0.1:{} (fresh on every start)", postgres.getPort());
    }

    if (scratch || !env.containsProperty("spring.mail.host")) {
      // a port the server binds itself: one chosen beforehand may be taken by someone else before the bind
      GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
      smtp.start();
      int smtpPort = smtp.getSmtp().getPort();
      beans.registerSingleton("embeddedSmtp", smtp);
      beans.registerDisposableBean("embeddedSmtp", smtp::stop);
      props.put("spring.mail.host", "127.0.0.1");
      props.put("spring.mail.port", smtpPort);
      log.info("Embedded SMTP capture on 127.0.0.1:{}", smtpPort);
    }
    env.getPropertySources().addFirst(new MapPropertySource("settle-embedded", props));
  }

  private static EmbeddedPostgres startPostgres() {
    try {
      return EmbeddedPostgres.builder().setRegisterShutdownHook(true).start();
    } catch (IOException e) {
      throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
    }
  }
}
