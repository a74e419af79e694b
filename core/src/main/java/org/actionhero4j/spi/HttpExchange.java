package org.actionhero4j.spi;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.Consumer;

/**
 * One HTTP request as a transport sees it, and the means to answer it. Exactly one of
 * {@link #respond} or {@link #upgrade} must be called, from any thread.
 */
public interface HttpExchange {

  /** The request method in upper case, e.g. {@code GET}. */
  String method();

  /** The raw (not percent-decoded) request path, starting with {@code /}. */
  String rawPath();

  /** The raw query string without {@code ?}; empty when absent. */
  String rawQuery();

  /** Every value of a header (case-insensitive name); empty when absent. */
  List<String> headers(String name);

  /** Every header name present in the request. */
  List<String> headerNames();

  /** Whether the request came over TLS (HTTPS or WSS). */
  default boolean secure() {
    return false;
  }

  /** The peer of the TCP connection. */
  InetSocketAddress remoteAddress();

  /**
   * Reads the whole request body, then calls {@code onBody} (possibly on another thread). A body
   * longer than {@code maxBytes} calls {@code onError} with {@link BodyTooLargeException}.
   */
  void readBody(int maxBytes, Consumer<byte[]> onBody, Consumer<Throwable> onError);

  /** Sends the response. {@code body} is sent as is, unless the method is HEAD. */
  void respond(HttpResponse response);

  /**
   * Completes a WebSocket upgrade (RFC 6455, no subprotocol, no compression) and then calls
   * {@code acceptor} with the new session. The caller has already checked that this request is an
   * upgrade request.
   */
  void upgrade(SocketAcceptor acceptor);

  /** Thrown through {@link #readBody}'s error callback when the body exceeds its limit. */
  final class BodyTooLargeException extends RuntimeException {
    public BodyTooLargeException(int maxBytes) {
      super("request body larger than " + maxBytes + " bytes");
    }
  }
}
