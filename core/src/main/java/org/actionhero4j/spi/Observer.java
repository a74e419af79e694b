package org.actionhero4j.spi;

/**
 * Sees what the node does, for metrics. A plugin provides one with
 * {@code context.provide(Observer.class, observer)}; without one nothing is observed. Methods are
 * called on hot paths (IO and worker threads): they must be quick and must not throw or block.
 */
public interface Observer {

  /** Observes nothing. */
  Observer NONE = new Observer() {};

  /**
   * An action run ended.
   *
   * @param action the action's name ({@code ""} when the request named none)
   * @param connectionType e.g. {@code web}, {@code websocket}
   * @param outcome {@code ok}, or the failure: {@code unknown_action}, {@code invalid_params},
   *     {@code missing_params}, {@code failed}, {@code internal_error},
   *     {@code server_shutting_down}, {@code too_many_pending}, {@code unsupported_connection_type}
   * @param nanos how long it took
   */
  default void actionCompleted(String action, String connectionType, String outcome, long nanos) {}

  /** A socket frame arrived. */
  default void socketFrameReceived() {}

  /** A socket frame was handed to the transport. */
  default void socketFrameSent() {}

  /**
   * A socket fell behind its outbound bounds.
   *
   * @param closed true when the socket was closed for it, false when the frame was dropped
   */
  default void slowConsumer(boolean closed) {}
}
