package org.actionhero4j;

import java.util.Map;

/**
 * A unit of work callable over HTTP and over a socket alike, with the same inputs, validation,
 * middleware and errors on both.
 *
 * <pre>{@code
 * public final class Echo implements Action {
 *   public ActionDefinition definition() {
 *     return ActionDefinition.named("echo")
 *         .description("returns what it is sent")
 *         .input(Input.named("message").required())
 *         .build();
 *   }
 *
 *   public Map<String, Object> run(ActionContext ctx) {
 *     return Map.of("message", ctx.params().get("message"));
 *   }
 * }
 * }</pre>
 *
 * Actions are created by Guice, so they may {@code @Inject} what they need (e.g. {@link ChatRooms}).
 * One instance serves every request: keep no per-request state in fields.
 */
public interface Action {

  /** Name, version, inputs and the rest; read once at start. */
  ActionDefinition definition();

  /**
   * Runs the action on a worker thread (blocking is fine). The returned entries are merged into
   * {@link ActionContext#response()}; returning an empty map is the same as writing into the
   * response directly. Throwing ends the action with the exception's message as {@code error}; an
   * {@link ActionheroException} may also carry an HTTP status.
   */
  Map<String, Object> run(ActionContext ctx) throws Exception;
}
