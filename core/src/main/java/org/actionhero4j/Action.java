package org.actionhero4j;

/**
 * A unit of work callable over HTTP and over a socket alike, with the same inputs, validation,
 * middleware and errors on both.
 *
 * <pre>{@code
 * public final class Echo implements Action {
 *   record Reply(String message) {}
 *
 *   public ActionDefinition definition() {
 *     return ActionDefinition.named("echo")
 *         .description("returns what it is sent")
 *         .input(Input.named("message").asString().required())
 *         .build();
 *   }
 *
 *   public Reply run(ActionContext ctx) {
 *     return new Reply(ctx.param("message", String.class));
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
   * Runs the action on a worker thread (blocking is fine) and returns its result: a record, a POJO
   * (serialised by Jackson) or a {@code Map}, whose properties are merged into
   * {@link ActionContext#response()}. Return {@code Map.of()} when everything is already in the
   * response. Declaring the concrete return type (e.g. {@code Reply run(...)}) documents the
   * response shape.
   *
   * <p>Failure is an exception: an {@link ActionheroException} reaches the caller with its message,
   * status and code; any other exception answers {@code "internal error"} with status 500 and is
   * logged once with its stack trace.
   */
  Object run(ActionContext ctx) throws Exception;
}
