package org.actionhero4j.internal.web;

import org.actionhero4j.internal.Node;
import org.actionhero4j.spi.HttpExchange;

/** HTTP requests that are not Primus': actions under {@code /api}, static files elsewhere. */
final class WebRequestHandler {

  private final Node node;
  private final StaticFiles staticFiles;

  WebRequestHandler(Node node, StaticFiles staticFiles) {
    this.node = node;
    this.staticFiles = staticFiles;
  }

  void handle(HttpExchange exchange) {
    exchange.respond(Responses.status(404).text("text/plain", node.errors().fileNotFound()));
  }
}
