package settle.engine.internal;

import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.value.JobWorkerValue;
import io.camunda.client.api.worker.BackoffSupplier;
import io.camunda.client.api.worker.JobHandler;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobWorkerManager;
import io.camunda.client.jobhandling.parameter.ParameterResolverStrategy;
import io.camunda.client.jobhandling.result.ResultProcessorStrategy;
import io.camunda.client.metrics.MetricsRecorder;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The Camunda client's worker manager, opening every {@code @JobWorker} with its handler wrapped in an
 * {@link ObservedJobHandler}: one place for job metrics and the logging context, not one per worker. It is the primary
 * manager ({@link EngineConfiguration}), the one the client's annotation processor opens the workers with.
 */
class ObservedJobWorkerManager extends JobWorkerManager {

  private final MeterRegistry registry;

  ObservedJobWorkerManager(CommandExceptionHandlingStrategy commandExceptions, MetricsRecorder metricsRecorder,
                           ParameterResolverStrategy parameters, ResultProcessorStrategy results, BackoffSupplier backoff,
                           JobExceptionHandlingStrategy jobExceptions, MeterRegistry registry) {
    super(commandExceptions, metricsRecorder, parameters, results, backoff, jobExceptions);
    this.registry = registry;
  }

  /** The two-argument {@code openWorker} builds the bean-invoking handler and comes here with it. */
  @Override
  public JobWorker openWorker(CamundaClient client, JobWorkerValue worker, JobHandler handler) {
    return super.openWorker(client, worker, new ObservedJobHandler(handler, registry));
  }
}
