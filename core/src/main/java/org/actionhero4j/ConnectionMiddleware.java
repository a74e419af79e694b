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

  /**
   * Whether {@link #create} and {@link #destroy} never block. An HTTP request opens and ends a
   * connection around its action, so a non-blocking action runs inline over HTTP only when every
   * connection middleware says true here. False by default.
   */
  default boolean nonBlocking() {
    return false;
  }

  /** A throw refuses the connection. */
  default void create(Connection connection) throws Exception {}

  /** Before the connection leaves its rooms; a throw is logged and the connection ends anyway. */
  default void destroy(Connection connection) throws Exception {}
}
