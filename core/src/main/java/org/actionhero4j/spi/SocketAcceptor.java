package org.actionhero4j.spi;

/** Called by a transport once a WebSocket upgrade has completed. */
@FunctionalInterface
public interface SocketAcceptor {

  /**
   * Returns the listener for the new socket's events. Called exactly once per socket, before any
   * listener method.
   */
  SocketListener accept(SocketSession session);
}
