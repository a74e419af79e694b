package org.actionhero4j;

/**
 * Runs when connections come and go. {@link #create} completes before anything is sent to the new
 * connection; {@link #destroy} runs before the connection leaves its rooms.
 */
public interface ConnectionMiddleware {

  /** Names the middleware in logs and in {@code ActionDefinition.middleware(...)}; unique per kind. */
  String name();

  /** Lower runs first (default 100); ties keep registration order. */
  default int priority() {
    return 100;
  }

  /** A throw refuses the connection. */
  default void create(Connection connection) throws Exception {}

  /** Before the connection leaves its rooms; a throw is logged and the connection ends anyway. */
  default void destroy(Connection connection) throws Exception {}
}
