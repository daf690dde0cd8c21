package settle.engine.internal;

import io.camunda.client.api.worker.BackoffSupplier;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobWorkerManager;
import io.camunda.client.jobhandling.parameter.ParameterResolverStrategy;
import io.camunda.client.jobhandling.result.ResultProcessorStrategy;
import io.camunda.client.metrics.MetricsRecorder;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
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
    return DemoClock.of(engine, clock -> {
      if (startHour != null) {
        java.time.ZonedDateTime now = java.time.ZonedDateTime.now(clock);
        java.time.ZonedDateTime start = now.truncatedTo(java.time.temporal.ChronoUnit.DAYS).withHour(startHour);
        clock.advance(java.time.Duration.between(now, start.isAfter(now) ? start : start.plusDays(1)));
      }
    });
  }

  /** The in-memory engine answers from its record stream; a cluster through its REST API. */
  @Bean
  EngineModels engineModels(ObjectProvider<ZeebeTestEngine> embeddedEngine, EngineCommands commands) {
    ZeebeTestEngine engine = embeddedEngine.getIfAvailable();
    return engine != null ? new RecordStreamModels(engine) : new ClusterModels(commands);
  }

  /**
   * Every job worker's handler timed and its job put into the logging context, in one place (README "Observability").
   * The client's auto-configuration defines its own manager unconditionally; the annotation processor that opens the
   * workers takes the primary one.
   */
  @Bean
  @Primary
  JobWorkerManager observedJobWorkerManager(CommandExceptionHandlingStrategy commandExceptions, MetricsRecorder metricsRecorder,
                                            ParameterResolverStrategy parameters, ResultProcessorStrategy results,
                                            BackoffSupplier backoff, JobExceptionHandlingStrategy jobExceptions,
                                            MeterRegistry registry) {
    return new ObservedJobWorkerManager(commandExceptions, metricsRecorder, parameters, results, backoff, jobExceptions, registry);
  }
}
