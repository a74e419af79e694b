package org.actionhero4j.spi;

import java.util.concurrent.CompletionStage;

/** What core can do with one WebSocket. Safe to call from any thread. */
public interface SocketSession {

  /**
   * Queues one text frame; frames are sent in call order. The stage completes once the frame left
   * for the network, or exceptionally when it cannot be sent (the socket is closing or closed).
   */
  CompletionStage<Void> sendText(String text);

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
