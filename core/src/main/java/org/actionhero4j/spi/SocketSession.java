package org.actionhero4j.spi;

import java.util.concurrent.CompletionStage;

/** What core can do with one WebSocket. Safe to call from any thread. */
public interface SocketSession {

  /**
   * Queues one text frame; frames are sent in call order. The stage completes once the frame left
   * for the network, or exceptionally when it cannot be sent (the socket is closing or closed).
   *
   * <p>The same frame may be handed to many sessions at once (a broadcast): a transport writes
   * {@link TextFrame#bytes()}, its own view of the bytes encoded once for all of them, rather than
   * encoding {@link TextFrame#text()} again.
   */
  CompletionStage<Void> sendText(TextFrame frame);

  /** Queues one text frame of this text: {@link #sendText(TextFrame)} of a frame made for it. */
  default CompletionStage<Void> sendText(String text) {
    return sendText(TextFrame.of(text));
  }

  /**
   * Sends a close frame with this code and reason (cut to the 123 bytes a close frame holds) and
   * closes the TCP connection once the peer answers, or after a grace period.
   *
   * @throws IllegalArgumentException when the code cannot be sent ({@link CloseCode#sendable()})
   */
  void close(CloseCode code, String reason);

  /** Drops the TCP connection without a close handshake. */
  void abort();
}
