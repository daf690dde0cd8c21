package io.camunda.zeebe.process.test.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SeekingEngineFactoryTest {

  @Test
  void aTakenPortIsRefusedBeforeAnyOfTheEnginesThreadsStart() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      long actorsBefore = actorThreads();

      assertThatThrownBy(() -> SeekingEngineFactory.create(taken.getLocalPort())).isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining(String.valueOf(taken.getLocalPort()));

      assertThat(actorThreads()).as("no actor scheduler was left running").isEqualTo(actorsBefore);
    }
  }

  @Test
  void anEngineOnAFreePortAnswersOnTheLoopbackInterface() {
    ZeebeTestEngine engine = SeekingEngineFactory.create();
    engine.start();
    try (var client = engine.createClient()) {
      assertThat(engine.getGatewayAddress()).doesNotEndWith(":0");
      assertThat(client.newTopologyRequest().send().join().getBrokers()).hasSize(1);
    } finally {
      engine.stop();
    }
  }

  private static long actorThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("zb-")).count();
  }
}
