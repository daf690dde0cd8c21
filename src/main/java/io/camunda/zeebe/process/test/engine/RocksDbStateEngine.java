package io.camunda.zeebe.process.test.engine;

import io.camunda.security.auth.BrokerRequestAuthorizationConverter;
import io.camunda.security.configuration.SecurityConfiguration;
import io.camunda.search.clients.SearchClientsProxy;
import io.camunda.zeebe.db.AccessMetricsConfiguration;
import io.camunda.zeebe.db.ConsistencyChecksSettings;
import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.db.impl.rocksdb.RocksDbConfiguration;
import io.camunda.zeebe.db.impl.rocksdb.ZeebeRocksDbFactory;
import io.camunda.zeebe.engine.Engine;
import io.camunda.zeebe.engine.EngineConfiguration;
import io.camunda.zeebe.engine.processing.EngineProcessors;
import io.camunda.zeebe.engine.processing.message.command.SubscriptionCommandSender;
import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.camunda.zeebe.scheduler.ActorScheduler;
import io.camunda.zeebe.scheduler.clock.ControlledActorClock;
import io.camunda.zeebe.stream.impl.ControllableStreamClockImpl;
import io.camunda.zeebe.stream.impl.StreamProcessor;
import io.camunda.zeebe.util.FeatureFlags;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The test engine of zeebe-process-test (its log, gateway, job streamer and controlled clock) with the broker's own state
 * store, RocksDB, in a temporary directory, in place of the test engine's map.
 *
 * <p>Why: the test engine's map copies the whole state into a new sorted map at every scan of a column family, and the
 * engine scans at nearly every command, so each command costs in proportion to everything open. With a few hundred
 * collection loops open that is most of the engine's time (start-up, simulation, the orchestration benchmark); RocksDB
 * seeks instead. This class lives in the test engine's package because its parts are package-private; it wires them as
 * {@link EngineFactory} does and changes only the state store. It is embedded mode's engine, never production's.
 */
public final class RocksDbStateEngine extends InMemoryEngine {

  private static final int PARTITION = 1;
  /** RocksDB's budget for its caches and write buffers; the broker's default (512 MB) is sized for a server of its own. */
  private static final long MEMORY = 128L * 1024 * 1024;

  private final Path directory;

  private RocksDbStateEngine(Server server, StreamProcessor processor, GrpcToLogStreamGateway gateway, ZeebeDb<ZbColumnFamilies> db,
      LogStream log, ActorScheduler scheduler, RecordStreamSourceImpl records, ControlledActorClock clock,
      EngineStateMonitor monitor, Path directory) {
    super(server, processor, gateway, db, log, scheduler, records, clock, monitor);
    this.directory = directory;
  }

  /** An engine whose gateway listens on {@code port}; {@link #start()} it, and {@link #stop()} removes its state. */
  public static ZeebeTestEngine create(int port) {
    Path directory;
    try {
      directory = Files.createTempDirectory("settle-engine-state-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
    GrpcToLogStreamGateway gateway = new GrpcToLogStreamGateway(writer, PARTITION, 1, port, requests, jobs);
    Server server = ServerBuilder.forPort(port).addService(gateway).build();
    GrpcResponseWriter responses = new GrpcResponseWriter(gateway, requests, intent -> { });

    ZeebeDb<ZbColumnFamilies> db = new ZeebeRocksDbFactory<ZbColumnFamilies>(new RocksDbConfiguration().setMemoryLimit(MEMORY), new ConsistencyChecksSettings(),
        new AccessMetricsConfiguration(AccessMetricsConfiguration.Kind.NONE, PARTITION), SimpleMeterRegistry::new)
        .createDb(directory.toFile());

    SecurityConfiguration security = new SecurityConfiguration();
    security.getAuthorizations().setEnabled(false);
    StreamProcessor processor = StreamProcessor.builder().logStream(log).zeebeDb(db).commandResponseWriter(responses)
        .partitionCommandSender(sender)
        .recordProcessors(List.of(new Engine(context -> EngineProcessors.createEngineProcessors(context, 1,
            new SubscriptionCommandSender(context.getPartitionId(), sender), sender, FeatureFlags.createDefault(), jobs,
            SearchClientsProxy.noop(), new BrokerRequestAuthorizationConverter(security)), new EngineConfiguration(), security)))
        .actorSchedulingService(scheduler).clock(new ControllableStreamClockImpl(clock)).meterRegistry(new SimpleMeterRegistry())
        .build();
    EngineStateMonitor monitor = new EngineStateMonitor(storage, processor);
    return new RocksDbStateEngine(server, processor, gateway, db, log, scheduler,
        new RecordStreamSourceImpl(log.newLogStreamReader(), PARTITION), clock, monitor, directory);
  }

  /** Where its state lives while it runs. */
  public Path directory() {
    return directory;
  }

  @Override
  public void stop() {
    super.stop();
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
