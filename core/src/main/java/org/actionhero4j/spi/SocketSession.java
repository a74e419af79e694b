package org.actionhero4j.spi;

/** What core can do with one WebSocket. Safe to call from any thread. */
public interface SocketSession {

  /**
   * Queues one text frame. {@code whenWritten} is called once the frame left for the network (with
   * {@code null}) or could not be sent (with the failure). Frames are sent in call order.
   */
  void sendText(String text, WriteCallback whenWritten);

  /** Sends a close frame with this code and reason and then closes the TCP connection. */
  void close(int code, String reason);

  /** Drops the TCP connection without a close handshake. */
  void abort();

  /** Completion of {@link #sendText}. */
  @FunctionalInterface
  interface WriteCallback {
    /** {@code failure} is null on success. */
    void done(Throwable failure);
  }
}
