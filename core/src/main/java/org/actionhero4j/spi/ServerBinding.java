package org.actionhero4j.spi;

/**
 * What core asks of a transport when it starts it.
 *
 * @param host the address to bind, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}
 * @param port the port; {@code 0} picks a free one, reported by {@link RunningServer#port()}
 * @param maxMessageBytes the largest inbound WebSocket message (text or binary); a larger one closes
 *     the socket with status 1009
 * @param socketIdleTimeoutMillis how long a WebSocket may stay silent before the transport itself
 *     drops it; core's heartbeat normally closes dead sockets much earlier
 * @param handler receives every HTTP request, upgrades included
 * @param security plain HTTP, or TLS (then HTTP/2 is offered too)
 */
public record ServerBinding(
    String host,
    int port,
    int maxMessageBytes,
    long socketIdleTimeoutMillis,
    HttpHandler handler,
    ListenerSecurity security) {

  /** A plain HTTP binding. */
  public ServerBinding(String host, int port, int maxMessageBytes, long socketIdleTimeoutMillis, HttpHandler handler) {
    this(host, port, maxMessageBytes, socketIdleTimeoutMillis, handler, ListenerSecurity.plain());
  }
}
