package org.actionhero4j.spi;

/**
 * Core's side of one WebSocket. A transport calls these methods in order for one socket, never
 * concurrently, and never after {@link #onClose}.
 */
public interface SocketListener {

  /** A complete text message arrived. */
  void onText(String text);

  /** A binary message arrived; Primus' JSON parser ignores those. */
  default void onBinary(byte[] data) {}

  /** A WebSocket ping control frame arrived (the transport answers it with a pong itself). */
  void onPing();

  /**
   * The socket is closed, by either side or by an error. Called once. {@code code} is the first
   * close status sent or received, {@link CloseCode#NO_STATUS} when the peer's close frame had
   * none, {@link CloseCode#ABNORMAL} when the connection dropped without a close frame.
   */
  void onClose(CloseCode code, String reason);
}
