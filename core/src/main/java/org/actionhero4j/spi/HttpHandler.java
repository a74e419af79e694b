package org.actionhero4j.spi;

/** Core's entry point for every HTTP request a transport receives. */
@FunctionalInterface
public interface HttpHandler {

  /**
   * Handles one request. Called on the transport's IO thread; implementations must not block and
   * complete the exchange later with {@link HttpExchange#respond} or {@link HttpExchange#upgrade}.
   */
  void handle(HttpExchange exchange);
}
