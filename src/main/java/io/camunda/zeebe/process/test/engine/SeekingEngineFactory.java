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
import io.grpc.netty.NettyServerBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The in-memory engine of zeebe-process-test (its log, gateway, job streamer and controlled clock), wired as its own
 * {@link EngineFactory} wires it, with {@link SeekingInMemoryDb} as its state store (a scan seeks instead of copying the
 * whole state) and {@link TypedRecordSource} as its record stream. In the test engine's package because its parts are
 * package-private. Embedded mode and tests only.
 */
public final class SeekingEngineFactory {

  private static final int PARTITION = 1;
  private static final int PARTITION_COUNT = 1;

  private SeekingEngineFactory() {}

  /**
   * An engine whose gateway listens on a free port of the loopback interface, serving once {@link ZeebeTestEngine#start()
   * started}. The port is free when chosen but another process (a second test JVM, say) may bind it first: then
   * another one is chosen. The gateway binds before the engine's parts exist, so a lost port leaves nothing running.
   */
  public static ZeebeTestEngine create() {
    for (int attempt = 1; ; attempt++) {
      try {
        return create(freeLoopbackPort());
      } catch (UncheckedIOException e) {
        if (attempt == 5) {
          throw e;
        }
      }
    }
  }

  /**
   * An engine whose gateway listens on {@code port} of the loopback interface (it has no authentication: nothing
   * beyond this machine may reach it); {@link UncheckedIOException} if the port is taken.
   */
  public static ZeebeTestEngine create(int port) {
    InMemoryLogStorage storage = new InMemoryLogStorage();
    ControlledActorClock clock = new ControlledActorClock();
    LogStream log = LogStream.builder().withPartitionId(PARTITION).withLogStorage(storage).withClock(clock)
        .withMeterRegistry(new SimpleMeterRegistry()).build();
    CommandWriter writer = new CommandWriter(log.newLogStreamWriter());
    GatewayRequestStore requests = new GatewayRequestStore();
    InMemoryJobStreamer jobs = new InMemoryJobStreamer(writer);
    GrpcToLogStreamGateway gateway = new GrpcToLogStreamGateway(writer, PARTITION, PARTITION_COUNT, port, requests, jobs);
    Server server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
        .addService(gateway).build();
    try {
      server.start();
    } catch (IOException e) {
      log.close();
      throw new UncheckedIOException("Port " + port + " is taken", e);
    }
    ActorScheduler scheduler = ActorScheduler.newActorScheduler().setActorClock(clock).build();
    scheduler.start();
    CommandSender sender = new CommandSender(writer);
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
    return new InMemoryEngine(new Started(server), processor, gateway, db, log, scheduler,
        new TypedRecordSource(log.newLogStreamReader(), PARTITION), clock, monitor);
  }

  private static int freeLoopbackPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A server already listening, for {@link InMemoryEngine#start()}, which starts its server again. */
  private static final class Started extends Server {

    private final Server server;

    Started(Server server) {
      this.server = server;
    }

    @Override
    public Server start() {
      return this;
    }

    @Override
    public int getPort() {
      return server.getPort();
    }

    @Override
    public Server shutdown() {
      server.shutdown();
      return this;
    }

    @Override
    public Server shutdownNow() {
      server.shutdownNow();
      return this;
    }

    @Override
    public boolean isShutdown() {
      return server.isShutdown();
    }

    @Override
    public boolean isTerminated() {
      return server.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
      return server.awaitTermination(timeout, unit);
    }

    @Override
    public void awaitTermination() throws InterruptedException {
      server.awaitTermination();
    }
  }
}
