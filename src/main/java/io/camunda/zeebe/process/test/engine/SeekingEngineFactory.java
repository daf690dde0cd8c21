package io.camunda.zeebe.process.test.engine;

import io.camunda.security.auth.BrokerRequestAuthorizationConverter;
import io.camunda.security.configuration.SecurityConfiguration;
import io.camunda.search.clients.SearchClientsProxy;
import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.engine.Engine;
import io.camunda.zeebe.engine.EngineConfiguration;
import io.camunda.zeebe.engine.processing.EngineProcessors;
import io.camunda.zeebe.engine.processing.message.command.SubscriptionCommandSender;
import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.db.SeekingInMemoryDb;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.camunda.zeebe.scheduler.ActorScheduler;
import io.camunda.zeebe.scheduler.clock.ControlledActorClock;
import io.camunda.zeebe.stream.impl.ControllableStreamClockImpl;
import io.camunda.zeebe.stream.impl.StreamProcessor;
import io.camunda.zeebe.util.FeatureFlags;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;

/**
 * The in-memory engine of zeebe-process-test (its log, gateway, job streamer and controlled clock), wired as its own
 * {@link EngineFactory} wires it, with {@link SeekingInMemoryDb} as its state store: a scan seeks instead of copying the
 * whole state. In the test engine's package because its parts are package-private. Embedded mode and tests only.
 */
public final class SeekingEngineFactory {

  private static final int PARTITION = 1;
  private static final int PARTITION_COUNT = 1;

  private SeekingEngineFactory() {}

  /** An engine whose gateway will listen on {@code port} once {@link ZeebeTestEngine#start() started}. */
  public static ZeebeTestEngine create(int port) {
    ControlledActorClock clock = new ControlledActorClock();
    ActorScheduler scheduler = ActorScheduler.newActorScheduler().setActorClock(clock).build();
    scheduler.start();
    InMemoryLogStorage storage = new InMemoryLogStorage();
    LogStream log = LogStream.builder().withPartitionId(PARTITION).withLogStorage(storage).withClock(clock)
        .withMeterRegistry(new SimpleMeterRegistry()).build();
    CommandWriter writer = new CommandWriter(log.newLogStreamWriter());
    CommandSender sender = new CommandSender(writer);
    GatewayRequestStore requests = new GatewayRequestStore();
    InMemoryJobStreamer jobs = new InMemoryJobStreamer(writer);
    GrpcToLogStreamGateway gateway = new GrpcToLogStreamGateway(writer, PARTITION, PARTITION_COUNT, port, requests, jobs);
    Server server = ServerBuilder.forPort(port).addService(gateway).build();
    GrpcResponseWriter responses = new GrpcResponseWriter(gateway, requests, null);
    ZeebeDb<ZbColumnFamilies> db = new SeekingInMemoryDb<>();

    SecurityConfiguration security = new SecurityConfiguration();
    security.getAuthorizations().setEnabled(false);
    StreamProcessor processor = StreamProcessor.builder().logStream(log).zeebeDb(db).commandResponseWriter(responses)
        .partitionCommandSender(sender)
        .recordProcessors(List.of(new Engine(context -> EngineProcessors.createEngineProcessors(context, PARTITION_COUNT,
            new SubscriptionCommandSender(context.getPartitionId(), sender), sender, FeatureFlags.createDefault(), jobs,
            SearchClientsProxy.noop(), new BrokerRequestAuthorizationConverter(security)), new EngineConfiguration(), security)))
        .actorSchedulingService(scheduler).clock(new ControllableStreamClockImpl(clock)).meterRegistry(new SimpleMeterRegistry())
        .build();
    EngineStateMonitor monitor = new EngineStateMonitor(storage, processor);
    return new InMemoryEngine(server, processor, gateway, db, log, scheduler,
        new RecordStreamSourceImpl(log.newLogStreamReader(), PARTITION), clock, monitor);
  }
}
