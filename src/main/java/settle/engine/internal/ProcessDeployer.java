package settle.engine.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import settle.engine.DeployedModel;
import settle.engine.EngineModels;
import settle.engine.ModelDeployments;
import settle.engine.ModelDeployments.ModelFile;
import settle.engine.ProcessResources;

/**
 * At start-up, deploys the jar's copy of a model only when it is new to Settle (Settle never deployed those bytes:
 * an older copy, say from a replica not yet upgraded, never comes back) and the engine's version in force is the
 * one Settle recorded last (nobody deployed a newer one from Modeler or elsewhere since). Anything else is left
 * as the engine has it, and said so in the log and the health details.
 */
@Component("processDeployment")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProcessDeployer implements ApplicationRunner, HealthIndicator {

  private static final Logger log = LoggerFactory.getLogger(ProcessDeployer.class);
  private static final int ATTEMPTS = 30;

  private final ModelDeployments deployments;
  private final EngineModels engine;
  private final TransactionTemplate transaction;
  private final String location;
  /** What start-up did with each file, in words, by file name. */
  private volatile Map<String, String> outcome = Map.of();

  ProcessDeployer(ModelDeployments deployments, EngineModels engine, TransactionTemplate transaction,
                  @Value("${settle.models.location:" + ProcessResources.IN_THE_JAR + "}") String location) {
    this.deployments = deployments;
    this.engine = engine;
    this.transaction = transaction;
    this.location = location;
  }

  @Override
  public void run(ApplicationArguments args) throws InterruptedException {
    List<ModelFile> files = ProcessResources.all(location).stream()
        .map(r -> new ModelFile(r.getFilename(), bytes(r))).toList();
    for (int attempt = 1; ; attempt++) {
      try {
        outcome = transaction.execute(tx -> deployWhatIsNew(files));
        log.info("Models at start-up: {}", outcome);
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

  private Map<String, String> deployWhatIsNew(List<ModelFile> files) {
    deployments.lock();
    Map<String, String> said = new LinkedHashMap<>();
    List<ModelFile> toDeploy = new ArrayList<>();
    for (ModelFile file : files) {
      if (deployments.deployedBefore(file.resourceName(), file.checksum())) {
        said.put(file.resourceName(), "unchanged");
        continue;
      }
      Optional<DeployedModel> last = deployments.latest(file.resourceName());
      if (last.isPresent()) {
        Optional<EngineModels.InForce> inForce = engine.latest(last.get().kind(), last.get().definitionId());
        if (inForce.isEmpty()) {
          said.put(file.resourceName(), "not deployed: the engine could not say which version is in force");
          log.warn("{} changed in the jar but was not deployed: the engine could not say which version is in force",
              file.resourceName());
          continue;
        }
        if (inForce.get().version() != last.get().version()) {
          said.put(file.resourceName(), "not deployed: version " + inForce.get().version()
              + " was deployed outside Settle after its version " + last.get().version());
          log.warn("{} changed in the jar but was not deployed: the engine has version {}, deployed outside Settle after"
              + " Settle's version {}", file.resourceName(), inForce.get().version(), last.get().version());
          continue;
        }
      }
      toDeploy.add(file);
    }
    if (!toDeploy.isEmpty()) {
      for (DeployedModel m : deployments.deploy(toDeploy, DeployedModel.STARTUP)) {
        said.put(m.resourceName(), "deployed as version " + m.version());
      }
    }
    return said;
  }

  @Override
  public Health health() {
    return outcome.isEmpty() ? Health.down().withDetail("models", "not deployed yet").build()
        : Health.up().withDetail("models", outcome).build();
  }

  private static byte[] bytes(Resource resource) {
    try (var in = resource.getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
