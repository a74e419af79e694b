package org.actionhero4j.spi;

/** A started transport. */
public interface RunningServer {

  /** The bound port (the real one when 0 was asked for). */
  int port();

  /** Stops accepting new TCP connections; open connections and sockets keep working. */
  void stopAccepting();

  /** Closes every remaining connection and releases the port. Idempotent. */
  void close();
}
