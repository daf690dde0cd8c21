package settle.communication.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * The JVM's plain sockets with Nagle's algorithm off, for the SMTP client (spring.mail.properties names this class).
 * SMTP is a conversation of short lines, each waiting for its answer: with Nagle on, a line written in two pieces waited
 * for the relay to acknowledge the first, which cost tens of milliseconds per command even on loopback.
 */
public final class NoDelaySocketFactory extends SocketFactory {

  private static final SocketFactory PLAIN = SocketFactory.getDefault();
  private static final NoDelaySocketFactory INSTANCE = new NoDelaySocketFactory();

  /** How Jakarta Mail obtains a factory it is given by class name. */
  public static SocketFactory getDefault() {
    return INSTANCE;
  }

  // Jakarta Mail asks for an unconnected socket and connects it itself; the rest complete the factory
  @Override
  public Socket createSocket() throws IOException {
    return noDelay(PLAIN.createSocket());
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return noDelay(PLAIN.createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localAddress, int localPort) throws IOException {
    return noDelay(PLAIN.createSocket(host, port, localAddress, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return noDelay(PLAIN.createSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress host, int port, InetAddress localAddress, int localPort) throws IOException {
    return noDelay(PLAIN.createSocket(host, port, localAddress, localPort));
  }

  private static Socket noDelay(Socket socket) throws IOException {
    socket.setTcpNoDelay(true);
    return socket;
  }
}
