package org.actionhero4j;

/**
 * Runs around actions: global middleware around every action, the others around the actions that
 * name them. Lower {@link #priority()} runs first; ties keep registration order. A throw in
 * {@link #preProcessor} stops the action and becomes its error.
 */
public interface ActionMiddleware {

  String name();

  /** Whether this middleware runs for every action. */
  default boolean global() {
    return false;
  }

  default int priority() {
    return 100;
  }

  /** Before validation; may change params, the response, toProcess or toRender. */
  default void preProcessor(ActionContext ctx) throws Exception {}

  /** After the action ran; may change the response or toRender. */
  default void postProcessor(ActionContext ctx) throws Exception {}
}
