package org.actionhero4j.internal.socket;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.actionhero4j.config.WebConfig;
import org.actionhero4j.config.WebsocketConfig;
import org.actionhero4j.internal.ErrorTexts;
import org.actionhero4j.internal.Json;
import org.actionhero4j.internal.actions.ActionPipeline;
import org.actionhero4j.internal.connections.ConnectionRegistry;
import org.actionhero4j.internal.socket.engineio.EngineIoServer;
import org.actionhero4j.internal.socket.engineio.EngineIoSettings;
import org.actionhero4j.internal.socket.engineio.SessionRelay;
import org.actionhero4j.internal.verbs.VerbDispatcher;
import org.actionhero4j.internal.web.ClientAddress;
import org.actionhero4j.internal.web.OriginPolicy;
import org.actionhero4j.internal.web.QueryString;
import org.actionhero4j.internal.web.RequestHosts;
import org.actionhero4j.internal.web.Responses;
import org.actionhero4j.internal.web.StaticFiles;
import org.actionhero4j.spi.HttpExchange;
import org.actionhero4j.spi.HttpResponse;
import org.actionhero4j.spi.SocketAcceptor;
import org.actionhero4j.spi.Observer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything under {@code websocket.server.pathname}: requests naming {@code EIO} go to the
 * Engine.IO server (long-polling, and WebSockets carrying Engine.IO packets); other WebSocket
 * upgrades speak raw Primus framing (origin and connection cap checked); {@code /spec}; and 426 for
 * any other request, as Primus answers. Both kinds of socket become the same
 * {@link SocketConnection}.
 */
public final class PrimusEndpoint {

  private static final Logger log = LoggerFactory.getLogger(PrimusEndpoint.class);

  private final WebsocketConfig.Server config;
  private final WebConfig web;
  private final OriginPolicy origins;
  private final Heartbeats heartbeats;
  private final SocketServices services;
  private final Set<SocketConnection> open = ConcurrentHashMap.newKeySet();
  private final String pathname;
  private final EngineIoServer engineIo;

  public PrimusEndpoint(
      WebsocketConfig websocket,
      WebConfig web,
      String welcomeMessage,
      StaticFiles staticFiles,
      ErrorTexts errors,
      Executor executor,
      ConnectionRegistry connections,
      ActionPipeline pipeline,
      VerbDispatcher verbs,
      RequestHosts hosts,
      Observer observer,
      SessionRelay relay) {
    this.config = websocket.server();
    this.web = web;
    this.origins = new OriginPolicy(config.origins(), hosts);
    this.heartbeats = new Heartbeats(config.pingInterval());
    this.services =
        new SocketServices(
            executor,
            connections,
            pipeline,
            verbs,
            new FileVerb(staticFiles, errors),
            errors,
            config,
            heartbeats,
            welcomeMessage == null ? "" : welcomeMessage,
            observer);
    String p = config.pathname();
    this.pathname = p.startsWith("/") ? p : "/" + p;
    WebsocketConfig.EngineIo eio = config.engineIo();
    this.engineIo =
        new EngineIoServer(
            new EngineIoSettings(
                eio.pingInterval(),
                eio.pingTimeout(),
                eio.maxPayload() > 0 ? eio.maxPayload() : config.maxLength(),
                config.transports().contains("polling"),
                config.transports().contains("websocket")),
            config.origins(),
            hosts,
            new EngineIoServer.Sockets() {
              @Override
              public Optional<HttpResponse> refusal(HttpExchange handshake) {
                return overCap();
              }

              @Override
              public SocketAcceptor opener(HttpExchange handshake) {
                return connectionOpener(handshake);
              }
            },
            relay);
  }

  /** Answers an Engine.IO request another node relayed here ({@link SessionRelay#CALL}). */
  public CompletionStage<Object> answerRelayed(List<Object> args) {
    return engineIo.answerRelayed(args);
  }

  /** Starts the heartbeat timers. */
  public void start() {
    heartbeats.start();
    engineIo.start();
  }

  /** Whether a request path belongs to Primus (a plain prefix match, as Primus does). */
  public boolean claims(String rawPath) {
    return rawPath.startsWith(pathname);
  }

  public void handle(HttpExchange exchange) {
    String path = exchange.rawPath();
    if (EngineIoServer.speaks(exchange)) {
      engineIo.handle(exchange, isUpgrade(exchange));
    } else if (isUpgrade(exchange)) {
      upgrade(exchange);
    } else if (path.equals(pathname + "/spec")) {
      Map<String, Object> spec = new LinkedHashMap<>();
      spec.put("pingInterval", config.pingInterval());
      spec.put("pathname", pathname);
      spec.put("version", PrimusFraming.PRIMUS_VERSION);
      spec.put("parser", "json");
      spec.put("transformer", "websockets");
      exchange.respond(Responses.status(200).text("application/json", Json.encode(spec)));
    } else {
      exchange.respond(
          Responses.status(426)
              .header("Cache-Control", "no-store, no-cache, must-revalidate, max-age=0")
              .header("Pragma", "no-cache")
              .text("text/plain", "Upgrade Required"));
    }
  }

  private static boolean isUpgrade(HttpExchange exchange) {
    if (!"GET".equals(exchange.method())) {
      return false;
    }
    for (String upgrade : exchange.headers("Upgrade")) {
      if (upgrade.toLowerCase(java.util.Locale.ROOT).contains("websocket")) {
        return true;
      }
    }
    return false;
  }

  private void upgrade(HttpExchange exchange) {
    Optional<HttpResponse> invalid = UpgradeRequest.problem(exchange);
    if (invalid.isPresent()) {
      exchange.respond(invalid.get());
      return;
    }
    String origin = first(exchange.headers("Origin"));
    if (!origins.allows(origin, first(exchange.headers("Host")))) {
      log.info("refused a socket from origin {}", origin);
      exchange.respond(Responses.status(403).text("text/plain", "origin not allowed: " + origin));
      return;
    }
    Optional<HttpResponse> refusal = overCap();
    if (refusal.isPresent()) {
      exchange.respond(refusal.get());
      return;
    }
    exchange.upgrade(connectionOpener(exchange));
  }

  private Optional<HttpResponse> overCap() {
    int cap = web.maxConnections();
    if (cap > 0 && open.size() >= cap) {
      log.warn("refused a socket: {} are open, the cap (web.maxConnections) is {}", open.size(), cap);
      return Optional.of(
          Responses.status(503)
              .header("Retry-After", "5")
              .text("text/plain", "too many connections; try again later"));
    }
    return Optional.empty();
  }

  /** Opens a connection on a new socket, with the fingerprint and address of its first request. */
  private SocketAcceptor connectionOpener(HttpExchange exchange) {
    String cookieKey = web.fingerprintOptions().cookieKey();
    String fingerprint = QueryString.cookie(exchange.headers("Cookie"), cookieKey);
    if (fingerprint == null || fingerprint.isEmpty()) {
      Object fromQuery = QueryString.parse(exchange.rawQuery()).get(cookieKey);
      fingerprint = fromQuery == null ? null : String.valueOf(fromQuery);
    }
    ClientAddress address = ClientAddress.of(exchange::headers, exchange.remoteAddress());
    String fp = fingerprint == null ? "" : fingerprint;
    return session -> {
      SocketConnection socket =
          new SocketConnection(services, session, fp, address.ip(), address.port(), open::remove);
      open.add(socket);
      socket.start();
      return socket;
    };
  }

  private static String first(List<String> values) {
    return values.isEmpty() ? null : values.get(0);
  }

  /** Open sockets (including those whose connection is still being created). */
  public int openSockets() {
    return open.size();
  }

  /** Stops the heartbeat timers. */
  public void stop() {
    heartbeats.stop();
    engineIo.stop();
  }
}
