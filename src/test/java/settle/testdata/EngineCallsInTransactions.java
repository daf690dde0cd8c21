package settle.testdata;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Every request to the engine started while the calling thread is inside a database transaction. The Camunda Spring
 * client builds its channel with every {@link ClientInterceptor} bean in the context, so this one sees each gRPC call
 * as it is started, on the caller's thread. A call inside a transaction holds that transaction's locks while the engine
 * answers, and fails the business change with it when the engine is away: such work belongs in the engine outbox.
 *
 * <p>The outbox relay is the one allowed caller: it delivers rows it claimed in its own short transaction
 * ({@code for update skip locked}, so replicas share them), and it locks nothing but those rows.
 */
public final class EngineCallsInTransactions implements ClientInterceptor {

  private static final String RELAY = "settle.engine.internal.EngineOutboxRelay";

  /** The gRPC method, the thread, and the first Settle frame that asked for it (outside the engine module's client wrapper). */
  public record Call(String method, String thread, String caller) {
    @Override
    public String toString() {
      return method + " from " + caller + " on " + thread;
    }
  }

  private final List<Call> calls = new CopyOnWriteArrayList<>();

  @Override
  public <Q, A> ClientCall<Q, A> interceptCall(MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      StackTraceElement[] stack = Thread.currentThread().getStackTrace();
      if (Arrays.stream(stack).noneMatch(frame -> frame.getClassName().equals(RELAY))) {
        calls.add(new Call(method.getFullMethodName(), Thread.currentThread().getName(), callerIn(stack)));
      }
    }
    return next.newCall(method, options);
  }

  private static String callerIn(StackTraceElement[] stack) {
    return Arrays.stream(stack)
        .filter(frame -> frame.getClassName().startsWith("settle.") && !frame.getClassName().startsWith("settle.testdata.EngineCalls")
            && !frame.getClassName().equals("settle.engine.EngineCommands"))
        .findFirst().map(StackTraceElement::toString).orElse("(no Settle frame)");
  }

  /** How many were recorded so far: a test reads the ones after its own mark. */
  public int mark() {
    return calls.size();
  }

  public List<Call> since(int mark) {
    return List.copyOf(calls.subList(mark, calls.size()));
  }
}
