package org.actionhero4j.spi;

/**
 * A socket backend (Undertow, Jetty, ...), found with {@link java.util.ServiceLoader} under
 * {@code META-INF/services/org.actionhero4j.spi.Transport}.
 *
 * <p>A transport only moves bytes: it hands every HTTP request to {@link ServerBinding#handler()} and
 * performs a WebSocket upgrade when core asks for one. Every decision about paths, status codes,
 * framing and Actionhero semantics is made by core, so all transports behave alike.
 */
public interface Transport {

  /** The short name used by the {@code web.transport} config key, e.g. {@code "undertow"}. */
  String name();

  /**
   * Binds the listening socket and starts serving. Returns once the port accepts connections.
   *
   * @throws Exception when the port cannot be bound; the message should name host and port
   */
  RunningServer start(ServerBinding binding) throws Exception;
}
