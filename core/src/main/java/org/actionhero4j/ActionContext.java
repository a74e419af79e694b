package org.actionhero4j;

import java.util.Map;
import java.util.Optional;

/**
 * One run of an action: its connection, params, response and flags. Middleware receives the same
 * object before and after the action.
 */
public interface ActionContext {

  /** The caller. */
  Connection connection();

  /** The action's definition (absent while the action is unknown). */
  Optional<ActionDefinition> definition();

  /** The requested action name ({@code params.action}). */
  String actionName();

  /**
   * The request's params: mutable in preProcessors until validation ends, read-only from then on.
   * Values keep their JSON types over sockets; over HTTP they are strings unless a JSON body sent
   * them.
   */
  Map<String, Object> params();

  /** Convenience: a param as a string, or empty. */
  default Optional<String> param(String name) {
    Object value = params().get(name);
    return value == null ? Optional.empty() : Optional.of(String.valueOf(value));
  }

  /** The response object; what it holds is what the caller receives. */
  Map<String, Object> response();

  /** The connection's session map, shared by every request of this connection. */
  Map<String, Object> session();

  /** The id the reply carries. */
  Object messageId();

  /** Whether a reply is sent (set false when the action answers by itself, e.g. with a file). */
  boolean toRender();

  void setToRender(boolean toRender);

  /** Whether the action runs; a preProcessor may set this to false to answer by itself. */
  boolean toProcess();

  void setToProcess(boolean toProcess);
}
