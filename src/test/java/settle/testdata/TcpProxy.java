package settle.testdata;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on loopback in front of a server (the engine's gRPC port, an SMTP server), which a test cuts and
 * restores: cut, it drops every open connection and closes each new one at once, as a server that went away would.
 * For SMTP it can also play a server that takes a mail and then loses the line before its answer reaches the client.
 */
public final class TcpProxy implements AutoCloseable {

  private final ServerSocket server;
  private final int targetPort;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger connections = new AtomicInteger();
  private final Set<Integer> loseAnswerAfterData = ConcurrentHashMap.newKeySet();
  private volatile boolean cut;

  public TcpProxy(int targetPort) {
    this.targetPort = targetPort;
    try {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread.ofVirtual().name("proxy-" + server.getLocalPort()).start(this::accept);
  }

  public int port() {
    return server.getLocalPort();
  }

  /** The line goes down: open connections are dropped, new ones closed as soon as they come. */
  public void cut() {
    cut = true;
    open.forEach(TcpProxy::close);
    open.clear();
  }

  public void restore() {
    cut = false;
  }

  /** Connections accepted so far. */
  public int connections() {
    return connections.get();
  }

  /**
   * On the {@code n}th connection (counting from 1), the mail is passed to the server in full, the server's "250" after
   * the end of DATA is swallowed and the line dropped: the server has the mail, the client does not know it.
   */
  public void loseTheAnswerAfterDataOnConnection(int n) {
    loseAnswerAfterData.add(n);
  }

  private void accept() {
    while (!server.isClosed()) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        return; // closed
      }
      int number = connections.incrementAndGet();
      if (cut) {
        close(client);
        continue;
      }
      Socket upstream;
      try {
        upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
      } catch (IOException e) {
        close(client);
        continue;
      }
      open.add(client);
      open.add(upstream);
      boolean loseAnswer = loseAnswerAfterData.contains(number);
      Thread.ofVirtual().start(() -> pump(client, upstream, false));
      Thread.ofVirtual().start(() -> pump(upstream, client, loseAnswer));
    }
  }

  private void pump(Socket from, Socket to, boolean loseAnswerAfterData) {
    byte[] buffer = new byte[16 * 1024];
    boolean dataStarted = false;
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        if (loseAnswerAfterData) {
          String reply = new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
          if (dataStarted && reply.startsWith("250")) {
            break; // the server took the mail; its answer never arrives
          }
          dataStarted |= reply.startsWith("354");
        }
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // the other side or cut() closed the line
    } finally {
      close(from);
      close(to);
      open.remove(from);
      open.remove(to);
    }
  }

  private static void close(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already gone
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // already closed
    }
    cut();
  }
}
