package org.actionhero4j.internal.socket.engineio;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.actionhero4j.internal.Json;
import org.actionhero4j.internal.web.OriginPolicy;
import org.actionhero4j.internal.web.RequestHosts;
import org.actionhero4j.internal.web.QueryString;
import org.actionhero4j.internal.web.Responses;
import org.actionhero4j.spi.HttpExchange;
import org.actionhero4j.spi.HttpResponse;
import org.actionhero4j.spi.SocketAcceptor;
import org.actionhero4j.spi.SocketSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Engine.IO v4 server: the handshake, long-polling (GET to receive, POST to send), WebSocket
 * sessions (direct, or upgraded from polling), and the reference server's errors. Each session is
 * handed to core as a {@link SocketSession}, so what carries it stays invisible above.
 *
 * <p>In a cluster, a polling request whose session another node holds is relayed to that node
 * ({@link SessionRelay}); a WebSocket upgrade of such a session cannot be (the socket would stay
 * here) and is refused with 400, so the client keeps polling.
 */
public final class EngineIoServer {

  /** Where new sessions go. */
  public interface Sockets {
    /** Why this handshake may not open a session (e.g. a connection cap), if it may not. */
    Optional<HttpResponse> refusal(HttpExchange handshake);

    /**
     * How core opens the connection of a session, read from the request that opened it while that
     * request is still at hand.
     */
    SocketAcceptor opener(HttpExchange handshake);
  }

  private static final Logger log = LoggerFactory.getLogger(EngineIoServer.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final EngineIoSettings settings;
  private final OriginPolicy origins;
  private final Sockets sockets;
  private final SessionRelay relay;
  private final Map<String, EngineSession> sessions = new ConcurrentHashMap<>();
  private volatile ScheduledExecutorService timer;

  public EngineIoServer(
      EngineIoSettings settings, List<String> origins, RequestHosts hosts, Sockets sockets, SessionRelay relay) {
    this.settings = settings;
    this.origins = new OriginPolicy(origins, hosts);
    this.sockets = sockets;
    this.relay = relay;
  }

  /** Whether a request speaks Engine.IO (it names a protocol version with {@code EIO}). */
  public static boolean speaks(HttpExchange exchange) {
    return QueryString.parse(exchange.rawQuery()).containsKey("EIO");
  }

  /**
   * Starts the heartbeat timer. A session cancels and reschedules its timeout on every packet it
   * receives, so a cancelled task leaves the queue at once; otherwise each packet would stay queued
   * (with its session) for pingInterval + pingTimeout, and a client sending many small packets would
   * fill the heap.
   */
  public synchronized void start() {
    if (timer == null) {
      ScheduledThreadPoolExecutor heartbeat =
          new ScheduledThreadPoolExecutor(
              1,
              r -> {
                Thread t = new Thread(r, "engine.io-heartbeat");
                t.setDaemon(true);
                return t;
              });
      heartbeat.setRemoveOnCancelPolicy(true);
      timer = heartbeat;
    }
  }

  /** Timer tasks waiting to run (each open session has its ping or its timeout, or both). */
  int scheduledTasks() {
    ScheduledExecutorService running = timer;
    return running instanceof ScheduledThreadPoolExecutor pool ? pool.getQueue().size() : 0;
  }

  /** Stops the timer; sessions still open are expected to be ended by then. */
  public synchronized void stop() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }

  /** Open sessions, however carried. */
  public int sessions() {
    return sessions.size();
  }

  /**
   * Answers one Engine.IO request. {@code upgrade} tells whether it asks for a WebSocket upgrade.
   */
  public void handle(HttpExchange exchange, boolean upgrade) {
    Map<String, Object> query = QueryString.parse(exchange.rawQuery());
    String transport = String.valueOf(query.getOrDefault("transport", ""));
    boolean known =
        ("polling".equals(transport) && settings.polling())
            || ("websocket".equals(transport) && settings.websocket());
    if (!known) {
      refuse(exchange, upgrade, EngineError.UNKNOWN_TRANSPORT);
      return;
    }
    String origin = first(exchange.headers("Origin"));
    if (!origins.allows(origin, first(exchange.headers("Host")))) {
      log.info("refused an engine.io request from origin {}", origin);
      refuse(exchange, upgrade, EngineError.FORBIDDEN);
      return;
    }
    if ("OPTIONS".equals(exchange.method())) {
      exchange.respond(Polling.preflight(exchange));
      return;
    }
    Object sid = query.get("sid");
    if (sid != null) {
      EngineSession session = sessions.get(String.valueOf(sid));
      Optional<String> owner =
          session != null || exchange instanceof RelayedExchange
              ? Optional.empty()
              : relay.issuerElsewhere(String.valueOf(sid));
      if (owner.isPresent()) {
        relay(exchange, upgrade, owner.get());
      } else if (session == null) {
        refuse(exchange, upgrade, EngineError.UNKNOWN_SID);
      } else if (upgrade) {
        if (!"websocket".equals(transport) || session.upgraded()) {
          refuse(exchange, true, EngineError.BAD_REQUEST);
        } else {
          exchange.upgrade(session::probe);
        }
      } else if (!"polling".equals(transport) || session.upgraded()) {
        refuse(exchange, false, EngineError.BAD_REQUEST);
      } else if ("GET".equals(exchange.method())) {
        session.poll(exchange);
      } else if ("POST".equals(exchange.method())) {
        exchange.readBody(
            settings.maxPayload(),
            body -> session.post(exchange, new String(body, StandardCharsets.UTF_8)),
            failure -> tooLarge(exchange, failure));
      } else {
        refuse(exchange, false, EngineError.BAD_REQUEST);
      }
      return;
    }
    if (!"GET".equals(exchange.method())) {
      refuse(exchange, upgrade, EngineError.BAD_HANDSHAKE_METHOD);
    } else if (!"4".equals(query.get("EIO"))) {
      refuse(exchange, upgrade, EngineError.UNSUPPORTED_PROTOCOL_VERSION);
    } else if ("websocket".equals(transport) != upgrade) {
      refuse(exchange, upgrade, EngineError.BAD_REQUEST);
    } else {
      handshake(exchange, upgrade);
    }
  }

  /** A request of a session another node issued: relayed there, unless it asks for a WebSocket. */
  private void relay(HttpExchange exchange, boolean upgrade, String owner) {
    if (upgrade) {
      exchange.respond(EngineError.BAD_REQUEST.response(exchange));
      return;
    }
    long timeout = relay.timeoutMillis(exchange.method(), settings);
    if ("POST".equals(exchange.method())) {
      exchange.readBody(
          settings.maxPayload(),
          body -> relay.relay(owner, exchange, new String(body, StandardCharsets.UTF_8), timeout, EngineIoServer::unknownSid),
          failure -> tooLarge(exchange, failure));
    } else {
      relay.relay(owner, exchange, null, timeout, EngineIoServer::unknownSid);
    }
  }

  private static void unknownSid(HttpExchange exchange) {
    refuse(exchange, false, EngineError.UNKNOWN_SID);
  }

  /**
   * Answers a request another node relayed here (the {@link SessionRelay#CALL} cluster call):
   * completes with the response this node gives it.
   */
  public CompletionStage<Object> answerRelayed(List<Object> args) {
    return SessionRelay.answer(args, exchange -> handle(exchange, false));
  }

  private void handshake(HttpExchange exchange, boolean upgrade) {
    Optional<HttpResponse> refusal = sockets.refusal(exchange);
    if (refusal.isPresent()) {
      exchange.respond(refusal.get());
      return;
    }
    SocketAcceptor opener = sockets.opener(exchange);
    EngineSession session = new EngineSession(relay.newSid(RANDOM), settings, timer, s -> sessions.remove(s.sid(), s));
    sessions.put(session.sid(), session);
    if (upgrade) {
      exchange.upgrade(
          socket -> {
            socket.sendText(openPacket(session.sid(), List.of()));
            session.carriedBy(socket);
            session.open(opener.accept(session));
            return WebSocketFrames.carrying(session, socket);
          });
    } else {
      List<String> upgrades = settings.websocket() ? List.of("websocket") : List.of();
      session.open(opener.accept(session));
      exchange.respond(Polling.payload(exchange, openPacket(session.sid(), upgrades)));
    }
  }

  private String openPacket(String sid, List<String> upgrades) {
    Map<String, Object> open = new LinkedHashMap<>();
    open.put("sid", sid);
    open.put("upgrades", new ArrayList<>(upgrades));
    open.put("pingInterval", settings.pingInterval());
    open.put("pingTimeout", settings.pingTimeout());
    open.put("maxPayload", settings.maxPayload());
    return PacketCodec.encode(new Packet.Text(Packet.Type.OPEN, Json.encode(open)));
  }

  private static void tooLarge(HttpExchange exchange, Throwable failure) {
    if (failure instanceof HttpExchange.BodyTooLargeException) {
      exchange.respond(Polling.headers(exchange, 413).empty());
    } else {
      log.debug("engine.io POST body could not be read: {}", failure.toString());
      exchange.respond(Responses.status(400).empty());
    }
  }

  private static void refuse(HttpExchange exchange, boolean upgrade, EngineError error) {
    exchange.respond(upgrade ? error.upgradeResponse(exchange) : error.response(exchange));
  }

  private static String first(List<String> values) {
    return values.isEmpty() ? null : values.get(0);
  }
}
