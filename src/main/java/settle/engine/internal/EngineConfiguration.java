package settle.engine.internal;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import settle.engine.DemoClock;
import settle.engine.EngineCommands;
import settle.engine.EngineModels;

@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

  /**
   * Business code asks this clock for the time; in embedded mode it follows the engine's clock. With
   * {@code settle.demo-clock.start-hour} set, embedded business time starts at the next such hour (UTC), so what happens
   * on a given day does not depend on the hour of the day a run was started at (the tests set it).
   */
  @Bean
  Clock clock(ObjectProvider<ZeebeTestEngine> embeddedEngine, @Value("${settle.demo-clock.start-hour:}") Integer startHour) {
    ZeebeTestEngine engine = embeddedEngine.getIfAvailable();
    if (engine == null) {
      return Clock.systemUTC();
    }
    DemoClock clock = new DemoClock(engine);
    if (startHour != null) {
      java.time.ZonedDateTime now = java.time.ZonedDateTime.now(clock);
      java.time.ZonedDateTime start = now.truncatedTo(java.time.temporal.ChronoUnit.DAYS).withHour(startHour);
      clock.advance(java.time.Duration.between(now, start.isAfter(now) ? start : start.plusDays(1)));
    }
    return clock;
  }

  /** The in-memory engine answers from its record stream; a cluster through its REST API. */
  @Bean
  EngineModels engineModels(ObjectProvider<ZeebeTestEngine> embeddedEngine, EngineCommands commands) {
    ZeebeTestEngine engine = embeddedEngine.getIfAvailable();
    return engine != null ? new RecordStreamModels(engine) : new ClusterModels(commands);
  }
}
