package org.actionhero4j.internal.boot;

import java.util.Optional;
import java.util.OptionalInt;
import org.actionhero4j.config.ConfigException;
import org.actionhero4j.config.WebConfig;
import org.actionhero4j.config.WebsocketConfig;
import org.actionhero4j.internal.ErrorTexts;
import org.actionhero4j.internal.socket.PrimusEndpoint;
import org.actionhero4j.internal.web.Responses;
import org.actionhero4j.internal.web.WebRequestHandler;
import org.actionhero4j.spi.HttpExchange;
import org.actionhero4j.spi.HttpHandler;
import org.actionhero4j.spi.RunningServer;
import org.actionhero4j.spi.ServerBinding;
import org.actionhero4j.spi.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one port: starts the chosen transport and sends each request to Primus (sockets) or to the
 * HTTP API and static files.
 */
final class FrontDoor implements HttpHandler {

  private static final Logger log = LoggerFactory.getLogger(FrontDoor.class);

  private final WebConfig web;
  private final WebsocketConfig websocket;
  private final ErrorTexts errors;
  private final PrimusEndpoint primus;
  private final WebRequestHandler handler;
  private final PluginEndpoints endpoints;
  private volatile Optional<RunningServer> server = Optional.empty();
  private volatile Optional<Transport> transport = Optional.empty();
  private volatile boolean accepting = true;

  FrontDoor(
      WebConfig web,
      WebsocketConfig websocket,
      ErrorTexts errors,
      PrimusEndpoint primus,
      WebRequestHandler handler,
      PluginEndpoints endpoints) {
    this.web = web;
    this.websocket = websocket;
    this.errors = errors;
    this.primus = primus;
    this.handler = handler;
    this.endpoints = endpoints;
  }

  /**
   * Starts the transport when web is enabled.
   *
   * @throws ConfigException when web is enabled and no transport is on the classpath
   */
  void start() throws Exception {
    if (!web.enabled()) {
      return;
    }
    Transport chosen =
        TransportSelector.select(web.transport(), Thread.currentThread().getContextClassLoader())
            .orElseThrow(
                () ->
                    new ConfigException(
                        "web.enabled is true but no transport is on the classpath: add the dependency"
                            + " org.actionhero4j:actionhero4j-transport-undertow or"
                            + " org.actionhero4j:actionhero4j-transport-jetty (or set web.enabled: false)"));
    primus.start();
    long ping = websocket.server().pingInterval();
    transport = Optional.of(chosen);
    server =
        Optional.of(
            chosen.start(
                new ServerBinding(
                    web.bindIp(),
                    web.port(),
                    websocket.server().maxLength(),
                    ping > 0 ? Math.max(ping * 3, 10_000) : 3_600_000,
                    this)));
  }

  @Override
  public void handle(HttpExchange exchange) {
    if (endpoints.answer(exchange)) {
      return;
    }
    if (!accepting) {
      exchange.respond(
          Responses.status(503).header("Connection", "close").text("text/plain", errors.serverShuttingDown()));
      return;
    }
    try {
      if (websocket.enabled() && primus.claims(exchange.rawPath())) {
        primus.handle(exchange);
      } else {
        handler.handle(exchange);
      }
    } catch (RuntimeException e) {
      log.error("request {} {} failed", exchange.method(), exchange.rawPath(), e);
      exchange.respond(Responses.status(500).text("text/plain", errors.internalError()));
    }
  }

  OptionalInt port() {
    return server.map(s -> OptionalInt.of(s.port())).orElse(OptionalInt.empty());
  }

  Optional<String> transportName() {
    return transport.map(Transport::name);
  }

  /** Refuses new connections and requests from now on. */
  void stopAccepting() {
    accepting = false;
    server.ifPresent(RunningServer::stopAccepting);
  }

  /** Releases the port. */
  void close() {
    primus.stop();
    server.ifPresent(RunningServer::close);
  }
}
