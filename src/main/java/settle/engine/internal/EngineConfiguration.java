package settle.engine.internal;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import settle.engine.DemoClock;
import settle.engine.EngineCommands;
import settle.engine.EngineModels;

@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

  /** Business code asks this clock for the time; in embedded mode it follows the engine's clock. */
  @Bean
  Clock clock(ObjectProvider<ZeebeTestEngine> embeddedEngine) {
    ZeebeTestEngine engine = embeddedEngine.getIfAvailable();
    return engine != null ? new DemoClock(engine) : Clock.systemUTC();
  }

  /** The in-memory engine answers from its record stream; a cluster through its REST API. */
  @Bean
  EngineModels engineModels(ObjectProvider<ZeebeTestEngine> embeddedEngine, EngineCommands commands) {
    ZeebeTestEngine engine = embeddedEngine.getIfAvailable();
    return engine != null ? new RecordStreamModels(engine) : new ClusterModels(commands);
  }
}
