package org.actionhero4j;

import java.util.Map;
import java.util.Optional;

/**
 * One run of an action: its connection, params, response and flags. Middleware receives the same
 * object before and after the action, so per-request state belongs in {@link #locals()}, not in
 * the connection's {@link #session()}.
 */
public interface ActionContext {

  /** The caller. */
  Connection connection();

  /** The action's definition (absent while the action is unknown). */
  Optional<ActionDefinition> definition();

  /** The requested action name ({@code params.action}), if the request named one. */
  Optional<String> actionName();

  /**
   * The request's params as JSON values: mutable in preProcessors until validation ends, read-only
   * from then on. Over sockets values keep their JSON types; over HTTP they are strings unless a
   * JSON body sent them. Inputs with a declared type hold the converted value once validated.
   */
  Map<String, Object> params();

  /**
   * A param converted to a type: {@code ctx.param("times", Integer.class)}. Records and POJOs are
   * bound from object params the way Jackson binds them.
   *
   * @throws ActionheroException with status 422 when the param is absent or cannot be converted
   */
  <T> T param(String name, Class<T> type);

  /**
   * A param converted to a type, or empty when the request did not send it.
   *
   * @throws ActionheroException with status 422 when it is present but cannot be converted
   */
  <T> Optional<T> optionalParam(String name, Class<T> type);

  /** The response object; what it holds when the run ends is what the caller receives. */
  Map<String, Object> response();

  /** Per-request state for middleware, discarded when the request ends. */
  RequestLocals locals();

  /** The connection's session map, shared by every request of this connection. */
  Map<String, Object> session();

  /** The id the reply carries. */
  MessageId messageId();

  /** Whether a reply is sent (set false when the action answers by itself, e.g. with a file). */
  boolean toRender();

  /** Sets whether a reply is sent. */
  void setToRender(boolean toRender);

  /** Whether the action runs; a preProcessor may set this to false to answer by itself. */
  boolean toProcess();

  /** Sets whether the action runs. */
  void setToProcess(boolean toProcess);
}
