package org.actionhero4j;

/**
 * Runs when connections come and go. {@link #create} completes before anything is sent to the new
 * connection; {@link #destroy} runs before the connection leaves its rooms.
 */
public interface ConnectionMiddleware {

  String name();

  default int priority() {
    return 100;
  }

  /** A throw refuses the connection. */
  default void create(Connection connection) throws Exception {}

  default void destroy(Connection connection) throws Exception {}
}
