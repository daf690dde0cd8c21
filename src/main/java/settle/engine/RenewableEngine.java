package settle.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.process.test.api.RecordStreamSource;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.SeekingEngineFactory;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Embedded mode's in-memory engine (zeebe-process-test's, with a state store whose scans seek rather than copy the whole
 * state: {@link SeekingEngineFactory}), which a simulation may replace by a fresh one on the same port between batches
 * of its customers ({@link DemoClock#renewEngine}). The in-memory engine keeps every record it wrote: a fresh engine per
 * batch keeps that to the batch's size. The client reaches the new engine at the same address; readers of the record
 * stream start again from its first record when the {@link #generation()} changes.
 */
public final class RenewableEngine implements ZeebeTestEngine {

  private final int port;
  private volatile ZeebeTestEngine current;
  private volatile long generation;

  /** A fresh engine on a free loopback port, which its renewals keep. */
  public RenewableEngine() {
    this.current = SeekingEngineFactory.create();
    this.port = port(current);
  }

  /** The port of an engine's gateway. */
  public static int port(ZeebeTestEngine engine) {
    String address = engine.getGatewayAddress();
    return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
  }

  /** How many times the engine was replaced: a record index of another generation means nothing in this one. */
  public long generation() {
    return generation;
  }

  /** Stops this engine (everything it held is gone) and starts a fresh one whose clock is {@code ahead} of real time. */
  synchronized void renew(Duration ahead) {
    // no reader of the log meets the old engine under the new generation, or the new one under the old
    synchronized (EngineRecords.LOCK) {
      current.stop();
      ZeebeTestEngine fresh = SeekingEngineFactory.create(port);
      fresh.start();
      if (ahead.isPositive()) {
        fresh.increaseTime(ahead);
      }
      current = fresh;
      generation++;
    }
  }

  @Override
  public void start() {
    current.start();
  }

  @Override
  public void stop() {
    current.stop();
  }

  @Override
  public RecordStreamSource getRecordStreamSource() {
    return current.getRecordStreamSource();
  }

  @Override
  @SuppressWarnings("deprecation")
  public ZeebeClient createClient() {
    return current.createClient();
  }

  @Override
  @SuppressWarnings("deprecation")
  public ZeebeClient createClient(ObjectMapper objectMapper) {
    return current.createClient(objectMapper);
  }

  @Override
  public String getGatewayAddress() {
    return current.getGatewayAddress();
  }

  @Override
  public void increaseTime(Duration timeToAdd) {
    current.increaseTime(timeToAdd);
  }

  @Override
  public void waitForIdleState(Duration timeout) throws InterruptedException, TimeoutException {
    current.waitForIdleState(timeout);
  }

  @Override
  public void waitForBusyState(Duration timeout) throws InterruptedException, TimeoutException {
    current.waitForBusyState(timeout);
  }
}
