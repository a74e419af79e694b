package org.actionhero4j.internal.connections;

/** How messages reach one connection: a socket, an HTTP exchange or a test recorder. */
public interface ConnectionChannel {

  /** Sends one message; must not block. */
  void deliver(OutboundMessage message);

  /**
   * Ends the connection. {@code reconnect} false: a deliberate end the client must not retry
   * (Primus' {@code server::close}); true: the client should reconnect (shutdown).
   */
  void end(boolean reconnect);
}
