package org.actionhero4j.internal.boot;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.actionhero4j.config.ConfigException;
import org.actionhero4j.config.WebConfig;
import org.actionhero4j.config.WebsocketConfig;
import org.actionhero4j.internal.ErrorTexts;
import org.actionhero4j.internal.socket.PrimusEndpoint;
import org.actionhero4j.internal.web.HttpsRedirect;
import org.actionhero4j.internal.web.RequestScreen;
import org.actionhero4j.internal.web.Responses;
import org.actionhero4j.internal.web.TlsContext;
import org.actionhero4j.internal.web.TrackedExchange;
import org.actionhero4j.internal.web.WebRequestHandler;
import org.actionhero4j.spi.HttpExchange;
import org.actionhero4j.spi.HttpHandler;
import org.actionhero4j.spi.HttpResponse;
import org.actionhero4j.spi.ListenerSecurity;
import org.actionhero4j.spi.RunningServer;
import org.actionhero4j.spi.ServerBinding;
import org.actionhero4j.spi.Transport;
import org.actionhero4j.spi.support.InFlight;
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
  private final RequestScreen screen;
  private final long drainMillis;
  /** HTTP requests received and not yet answered. */
  private final InFlight inFlight = new InFlight();
  private final PluginEndpoints endpoints;
  private volatile Optional<RunningServer> server = Optional.empty();
  private volatile Optional<RunningServer> redirectServer = Optional.empty();
  private volatile Optional<Transport> transport = Optional.empty();
  private volatile boolean accepting = true;

  FrontDoor(
      WebConfig web,
      WebsocketConfig websocket,
      ErrorTexts errors,
      PrimusEndpoint primus,
      WebRequestHandler handler,
      RequestScreen screen,
      PluginEndpoints endpoints,
      long drainMillis) {
    this.web = web;
    this.websocket = websocket;
    this.errors = errors;
    this.primus = primus;
    this.handler = handler;
    this.screen = screen;
    this.drainMillis = drainMillis;
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
    ListenerSecurity security = TlsContext.of(web.secure());
    primus.start();
    long ping = websocket.server().pingInterval();
    long idle = idleTimeout(ping);
    int maxMessage = websocket.server().maxLength();
    transport = Optional.of(chosen);
    RunningServer main = chosen.start(new ServerBinding(web.bindIp(), web.port(), maxMessage, idle, this, security));
    server = Optional.of(main);
    if (security instanceof ListenerSecurity.Tls && web.secure().redirectPort() > 0) {
      HttpsRedirect redirect = new HttpsRedirect(main.port(), web.bindIp());
      redirectServer =
          Optional.of(
              chosen.start(new ServerBinding(web.bindIp(), web.secure().redirectPort(), maxMessage, idle, redirect)));
    }
  }

  /**
   * Long enough for a quiet WebSocket between Primus pings and for a long-poll held until the next
   * Engine.IO ping.
   */
  private long idleTimeout(long ping) {
    WebsocketConfig.EngineIo eio = websocket.server().engineIo();
    long sockets = ping > 0 ? Math.max(ping * 3, 10_000) : 3_600_000;
    return Math.max(sockets, eio.pingInterval() + eio.pingTimeout());
  }

  @Override
  public void handle(HttpExchange received) {
    HttpExchange exchange = new TrackedExchange(received, inFlight, () -> !accepting);
    if (endpoints.answer(exchange)) {
      return;
    }
    if (!accepting) {
      exchange.respond(
          Responses.status(503).header("Connection", "close").text("text/plain", errors.serverShuttingDown()));
      return;
    }
    try {
      Optional<HttpResponse> refused = screen.refusal(exchange);
      if (refused.isPresent()) {
        exchange.respond(refused.get());
        return;
      }
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
    redirectServer.ifPresent(RunningServer::close);
    server.ifPresent(RunningServer::stopAccepting);
  }

  /**
   * Releases the port(s), once every HTTP request already received has its answer (bounded by
   * {@code general.shutdownTimeoutMillis}).
   */
  void close() {
    if (!inFlight.awaitZero(TimeUnit.MILLISECONDS.toNanos(drainMillis))) {
      log.warn("HTTP requests still unanswered after {} ms; closing anyway", drainMillis);
    }
    primus.stop();
    redirectServer.ifPresent(RunningServer::close);
    server.ifPresent(RunningServer::close);
  }
}
