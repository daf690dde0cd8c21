package settle.communication.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Plain sockets with Nagle's algorithm off, for the SMTP client (spring.mail.properties names this class). SMTP is a
 * conversation of short lines, each waiting for its answer: with Nagle on, a line written in two pieces waited for the
 * relay to acknowledge the first, which cost tens of milliseconds per command even on loopback.
 */
public final class NoDelaySocketFactory extends SocketFactory {

  private static final NoDelaySocketFactory INSTANCE = new NoDelaySocketFactory();

  /** How Jakarta Mail obtains a factory it is given by class name. */
  public static SocketFactory getDefault() {
    return INSTANCE;
  }

  @Override
  public Socket createSocket() throws IOException {
    Socket socket = new Socket();
    socket.setTcpNoDelay(true);
    return socket;
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return connected(new InetSocketAddress(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localAddress, int localPort) throws IOException {
    return connected(new InetSocketAddress(host, port), new InetSocketAddress(localAddress, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return connected(new InetSocketAddress(host, port));
  }

  @Override
  public Socket createSocket(InetAddress host, int port, InetAddress localAddress, int localPort) throws IOException {
    return connected(new InetSocketAddress(host, port), new InetSocketAddress(localAddress, localPort));
  }

  private Socket connected(InetSocketAddress to, InetSocketAddress... from) throws IOException {
    Socket socket = createSocket();
    if (from.length > 0) {
      socket.bind(from[0]);
    }
    socket.connect(to);
    return socket;
  }
}
