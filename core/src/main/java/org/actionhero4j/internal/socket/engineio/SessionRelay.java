package org.actionhero4j.internal.socket.engineio;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.actionhero4j.internal.Failures;
import org.actionhero4j.spi.ClusterBus;
import org.actionhero4j.spi.HttpExchange;
import org.actionhero4j.spi.HttpResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polling requests for sessions held by another node: a cluster needs no sticky sessions.
 *
 * <p>A sid is 144 random bits followed by the id of the node that issued it (both base64url), so
 * any node reads the owner off the sid without asking Redis. A GET or POST whose session another
 * node holds is sent to that node with {@link ClusterBus#callNode} (method, path, query, body and
 * the headers the owner's checks read), run there as if it had arrived there, and the owner's
 * status, headers and body become this request's response. The {@link #CALL} handler is the
 * owner's side.
 */
public final class SessionRelay {

  /** The cluster call a relayed request travels as. */
  public static final String CALL = "engineio.relay";

  /** The headers the owner reads: the origin check and CORS, the client's address, cookies. */
  private static final List<String> FORWARDED =
      List.of("Origin", "Host", "Cookie", "Content-Type", "X-Forwarded-For", "X-Forwarded-Proto", "User-Agent");

  private static final Logger log = LoggerFactory.getLogger(SessionRelay.class);
  private static final int RANDOM_BYTES = 18;
  /** base64url of {@link #RANDOM_BYTES} bytes, without padding. */
  private static final int RANDOM_CHARS = 24;
  private static final int MAX_SID = 1024;

  private final String nodeId;
  private final String tag;
  private final ClusterBus bus;
  private final Executor executor;
  private final long rpcTimeoutMillis;

  /**
   * @param executor where calls start (publishing may block briefly on the bus)
   * @param rpcTimeoutMillis the bus's usual wait, which also bounds the margin a long-poll gets
   */
  public SessionRelay(String nodeId, ClusterBus bus, Executor executor, long rpcTimeoutMillis) {
    this.nodeId = nodeId;
    this.tag = Base64.getUrlEncoder().withoutPadding().encodeToString(nodeId.getBytes(StandardCharsets.UTF_8));
    this.bus = bus;
    this.executor = executor;
    this.rpcTimeoutMillis = rpcTimeoutMillis;
  }

  /** A new sid of this node. */
  String newSid(SecureRandom random) {
    byte[] bytes = new byte[RANDOM_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + tag;
  }

  /** The node that issued a sid, when that is a node other than this one. */
  Optional<String> issuerElsewhere(String sid) {
    if (sid.length() <= RANDOM_CHARS || sid.length() > MAX_SID) {
      return Optional.empty();
    }
    try {
      String issuer = new String(Base64.getUrlDecoder().decode(sid.substring(RANDOM_CHARS)), StandardCharsets.UTF_8);
      return issuer.isEmpty() || issuer.equals(nodeId) ? Optional.empty() : Optional.of(issuer);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** How long a relayed request may wait for its answer: a long-poll, until the session's next ping. */
  long timeoutMillis(String method, EngineIoSettings settings) {
    return "GET".equals(method)
        ? Math.max(settings.pingInterval(), settings.pingTimeout()) + rpcTimeoutMillis
        : rpcTimeoutMillis;
  }

  /**
   * Sends a request to the node that holds its session and answers it with that node's response;
   * when that node is gone, {@code ownerGone} answers instead.
   */
  void relay(String owner, HttpExchange exchange, String body, long timeoutMillis, Consumer<HttpExchange> ownerGone) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("method", exchange.method());
    request.put("path", exchange.rawPath());
    request.put("query", exchange.rawQuery());
    Map<String, Object> headers = new LinkedHashMap<>();
    for (String name : FORWARDED) {
      List<String> values = exchange.headers(name);
      if (!values.isEmpty()) {
        headers.put(name, new ArrayList<Object>(values));
      }
    }
    request.put("headers", headers);
    request.put("secure", exchange.secure());
    request.put("ip", exchange.remoteAddress() == null ? "" : exchange.remoteAddress().getHostString());
    request.put("port", exchange.remoteAddress() == null ? 0 : exchange.remoteAddress().getPort());
    request.put("body", body);
    try {
      executor.execute(
          () ->
              bus.callNode(owner, CALL, List.of(request), timeoutMillis)
                  .whenComplete((answer, failure) -> answered(exchange, answer, failure, ownerGone)));
    } catch (RejectedExecutionException e) {
      unavailable(exchange, "the node is stopping");
    }
  }

  private static void answered(HttpExchange exchange, Object answer, Throwable failure, Consumer<HttpExchange> ownerGone) {
    if (failure == null) {
      HttpResponse response = response(answer);
      if (response != null) {
        exchange.respond(response);
      } else {
        unavailable(exchange, "the answer of the node holding the session is malformed");
      }
      return;
    }
    Throwable cause = Failures.unwrap(failure);
    if (cause instanceof ClusterBus.NoSuchNodeException) {
      ownerGone.accept(exchange);
    } else {
      unavailable(exchange, Failures.messageOf(cause));
    }
  }

  /** The node holding the session did not answer (or the bus is down): the client starts over. */
  private static void unavailable(HttpExchange exchange, String why) {
    log.debug("an engine.io request could not be relayed: {}", why);
    exchange.respond(
        Polling.headers(exchange, 503).text("text/plain; charset=UTF-8", "the node holding this session did not answer"));
  }

  @SuppressWarnings("unchecked")
  private static HttpResponse response(Object answer) {
    if (!(answer instanceof Map<?, ?> m) || !(m.get("status") instanceof Number status)) {
      return null;
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    readHeaders(m.get("headers"), headers);
    Object body = m.get("body");
    return new HttpResponse(
        status.intValue(), headers, body == null ? new byte[0] : String.valueOf(body).getBytes(StandardCharsets.UTF_8));
  }

  /** Puts relayed headers (JSON: name to list of values) into {@code into}. */
  static void readHeaders(Object json, Map<String, List<String>> into) {
    if (json instanceof Map<?, ?> h) {
      h.forEach((name, values) -> {
        List<String> list = new ArrayList<>();
        if (values instanceof List<?> l) {
          l.forEach(v -> list.add(String.valueOf(v)));
        }
        into.put(String.valueOf(name), List.copyOf(list));
      });
    }
  }

  /**
   * The owner's side: runs a relayed request through {@code server} as if it had arrived here and
   * completes with the response it gets.
   */
  static CompletionStage<Object> answer(List<Object> args, Consumer<RelayedExchange> server) {
    if (args.isEmpty() || !(args.get(0) instanceof Map<?, ?> raw)) {
      return java.util.concurrent.CompletableFuture.failedFuture(
          new IllegalArgumentException("a relayed engine.io request must be an object"));
    }
    @SuppressWarnings("unchecked")
    RelayedExchange exchange = RelayedExchange.of((Map<String, Object>) raw);
    server.accept(exchange);
    return exchange.response().thenApply(SessionRelay::encode);
  }

  private static Object encode(HttpResponse response) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", response.status());
    Map<String, Object> headers = new LinkedHashMap<>();
    response.headers().forEach((name, values) -> headers.put(name, new ArrayList<Object>(values)));
    m.put("headers", headers);
    // Every answer of the Engine.IO server is text (payloads carry binary packets as base64).
    m.put("body", new String(response.body(), StandardCharsets.UTF_8));
    return m;
  }
}
