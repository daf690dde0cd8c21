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
  private final AtomicInteger mails = new AtomicInteger();
  private final Set<Integer> loseAnswerToMail = ConcurrentHashMap.newKeySet();
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

  /** Mails the server has been asked to take so far (its "354" answers to DATA), on all connections. */
  public int mails() {
    return mails.get();
  }

  /**
   * The {@code n}th mail (counting from 1, as {@link #mails()} does) is passed to the server in full, the server's "250"
   * after the end of its DATA is swallowed and the line dropped: the server has the mail, the client does not know it.
   */
  public void loseTheAnswerToMail(int n) {
    loseAnswerToMail.add(n);
  }

  private void accept() {
    while (!server.isClosed()) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        return; // closed
      }
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
      Thread.ofVirtual().start(() -> pump(client, upstream, false));
      Thread.ofVirtual().start(() -> pump(upstream, client, true));
    }
  }

  private void pump(Socket from, Socket to, boolean fromServer) {
    byte[] buffer = new byte[16 * 1024];
    // the mail whose DATA the server last took, while its answer is awaited; 0 when none
    int mail = 0;
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        if (fromServer) {
          String reply = new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
          if (mail > 0 && reply.startsWith("250") && loseAnswerToMail.contains(mail)) {
            break; // the server took the mail; its answer never arrives
          }
          // the answer after DATA's "354" is the mail's, whatever it says
          mail = reply.startsWith("354") ? mails.incrementAndGet() : 0;
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
