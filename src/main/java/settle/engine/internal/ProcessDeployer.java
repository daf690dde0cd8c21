package settle.engine.internal;

import io.camunda.client.api.command.DeployResourceCommandStep1;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import settle.engine.EngineCommands;
import settle.engine.ProcessResources;

/**
 * Deploys every model in bpmn/ and dmn/ at start-up, in one deployment so decisions and the
 * processes calling them arrive together. Unchanged models keep their version.
 */
@Component("processDeployment")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProcessDeployer implements ApplicationRunner, HealthIndicator {

  private static final Logger log = LoggerFactory.getLogger(ProcessDeployer.class);
  private static final int ATTEMPTS = 30;

  private final EngineCommands engine;
  private volatile List<String> deployed = List.of();

  ProcessDeployer(EngineCommands engine) {
    this.engine = engine;
  }

  @Override
  public void run(ApplicationArguments args) throws InterruptedException {
    List<Resource> resources = ProcessResources.all();
    for (int attempt = 1; ; attempt++) {
      try {
        engine.call(client -> {
          DeployResourceCommandStep1 step1 = client.newDeployResourceCommand();
          DeployResourceCommandStep2 step2 = null;
          for (Resource r : resources) {
            step2 = step2 == null ? step1.addResourceBytes(bytes(r), r.getFilename())
                : step2.addResourceBytes(bytes(r), r.getFilename());
          }
          return step2.requestTimeout(Duration.ofSeconds(30)).send().join();
        });
        deployed = resources.stream().map(Resource::getFilename).toList();
        log.info("Deployed {}", deployed);
        return;
      } catch (RuntimeException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
        log.warn("Deployment attempt {} failed ({}); retrying", attempt, e.getMessage());
        Thread.sleep(2_000);
      }
    }
  }

  @Override
  public Health health() {
    return deployed.isEmpty() ? Health.down().withDetail("deployed", "nothing yet").build()
        : Health.up().withDetail("deployed", deployed).build();
  }

  private static byte[] bytes(Resource resource) {
    try (var in = resource.getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
