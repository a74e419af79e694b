package org.actionhero4j;

/**
 * Runs around actions: global middleware around every action, the others around the actions that
 * name them. Lower {@link #priority()} runs first; ties keep registration order. A throw in
 * {@link #preProcessor} stops the action and becomes its error.
 */
public interface ActionMiddleware {

  /** Names the middleware in logs and in {@code ActionDefinition.middleware(...)}; unique per kind. */
  String name();

  /** Whether this middleware runs for every action. */
  default boolean global() {
    return false;
  }

  /** Lower runs first (default 100); ties keep registration order. */
  default int priority() {
    return 100;
  }

  /**
   * Whether both processors never block (no I/O, no waiting, microseconds): then an action that
   * promised the same ({@code ActionDefinition.Builder.nonBlocking()}) may run, over HTTP, on the
   * thread that read the request. False by default: the action then runs on the worker pool.
   */
  default boolean nonBlocking() {
    return false;
  }

  /** Before validation; may change params, the response, toProcess or toRender. */
  default void preProcessor(ActionContext ctx) throws Exception {}

  /** After the action ran; may change the response or toRender. */
  default void postProcessor(ActionContext ctx) throws Exception {}
}
