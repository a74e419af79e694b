package org.actionhero4j.internal.boot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.actionhero4j.EndpointReply;
import org.actionhero4j.EndpointRequest;
import org.actionhero4j.HttpEndpoint;
import org.actionhero4j.internal.ErrorTexts;
import org.actionhero4j.internal.web.QueryString;
import org.actionhero4j.spi.HttpExchange;
import org.actionhero4j.spi.HttpResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exact paths plugins answer ({@link HttpEndpoint}), looked up before Primus, files and actions.
 * Each answer runs on the worker pool.
 */
final class PluginEndpoints {

  private static final Logger log = LoggerFactory.getLogger(PluginEndpoints.class);

  private final Executor executor;
  private final ErrorTexts errors;
  private final Map<String, HttpEndpoint> byPath = new ConcurrentHashMap<>();

  PluginEndpoints(Executor executor, ErrorTexts errors) {
    this.executor = executor;
    this.errors = errors;
  }

  /** Adds an endpoint; a second one for the same path is a start-up error. */
  void add(HttpEndpoint endpoint) {
    String path = endpoint.path();
    if (path == null || !path.startsWith("/")) {
      throw new IllegalStateException(
          "endpoint " + endpoint.getClass().getName() + " has path '" + path + "'; it must start with /");
    }
    HttpEndpoint before = byPath.putIfAbsent(path, endpoint);
    if (before != null) {
      throw new IllegalStateException(
          "endpoints " + before.getClass().getName() + " and " + endpoint.getClass().getName()
              + " both answer " + path);
    }
  }

  /** Answers the exchange when an endpoint owns its path; false otherwise. */
  boolean answer(HttpExchange exchange) {
    HttpEndpoint endpoint = byPath.get(exchange.rawPath());
    if (endpoint == null) {
      return false;
    }
    String method = exchange.method().toUpperCase(Locale.ROOT);
    if (!method.equals("GET") && !method.equals("HEAD")) {
      exchange.respond(
          new HttpResponse(405, Map.of("Allow", List.of("GET, HEAD")), new byte[0]));
      return true;
    }
    try {
      executor.execute(() -> run(endpoint, method, exchange));
    } catch (RejectedExecutionException e) {
      exchange.respond(reply(new EndpointReply(503, "text/plain; charset=utf-8", bytes(errors.serverShuttingDown())), false));
    }
    return true;
  }

  private void run(HttpEndpoint endpoint, String method, HttpExchange exchange) {
    EndpointReply reply;
    try {
      reply = endpoint.handle(request(method, exchange));
    } catch (Exception | LinkageError e) {
      log.error("endpoint {} failed", endpoint.path(), e);
      reply = new EndpointReply(500, "text/plain; charset=utf-8", bytes(errors.internalError()));
    }
    exchange.respond(reply(reply, method.equals("HEAD")));
  }

  private static EndpointRequest request(String method, HttpExchange exchange) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    String raw = exchange.rawQuery();
    if (raw != null && !raw.isEmpty()) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        String key = QueryString.decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : QueryString.decode(pair.substring(eq + 1));
        if (!key.isEmpty()) {
          query.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
      }
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : exchange.headerNames()) {
      headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(exchange.headers(name)));
    }
    return new EndpointRequest(method, exchange.rawPath(), query, headers);
  }

  private static HttpResponse reply(EndpointReply reply, boolean head) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Content-Type", List.of(reply.contentType()));
    headers.put("Cache-Control", List.of("no-store"));
    return new HttpResponse(reply.status(), headers, head ? new byte[0] : reply.body());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
