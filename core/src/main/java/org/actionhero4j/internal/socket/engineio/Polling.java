package org.actionhero4j.internal.socket.engineio;

import java.util.List;
import org.actionhero4j.internal.web.Responses;
import org.actionhero4j.spi.HttpExchange;
import org.actionhero4j.spi.HttpResponse;

/**
 * The HTTP responses of long-polling: never cached, and readable cross-origin (with credentials)
 * by the origin that asked, which the server has already checked against
 * {@code websocket.server.origins}.
 */
final class Polling {

  private Polling() {}

  /** A poll's answer: a payload of packets. */
  static HttpResponse payload(HttpExchange request, String payload) {
    return headers(request, 200).text("text/plain; charset=UTF-8", payload);
  }

  /** The answer to a POST whose packets were taken. */
  static HttpResponse ok(HttpExchange request) {
    return headers(request, 200).text("text/html", "ok");
  }

  /** The answer to a CORS preflight. */
  static HttpResponse preflight(HttpExchange request) {
    Responses r =
        headers(request, 204)
            .header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
            .header("Access-Control-Max-Age", "2592000");
    List<String> asked = request.headers("Access-Control-Request-Headers");
    if (!asked.isEmpty()) {
      r.header("Access-Control-Allow-Headers", String.join(", ", asked));
    }
    return r.empty();
  }

  /** The status with the no-cache and CORS headers every polling response carries. */
  static Responses headers(HttpExchange request, int status) {
    Responses r =
        Responses.status(status)
            .header("Cache-Control", "no-store, no-cache, must-revalidate, max-age=0")
            .header("Pragma", "no-cache");
    List<String> origin = request.headers("Origin");
    if (!origin.isEmpty() && !origin.get(0).isBlank()) {
      r.header("Access-Control-Allow-Origin", origin.get(0).trim())
          .header("Access-Control-Allow-Credentials", "true")
          .addHeader("Vary", "Origin");
    }
    return r;
  }
}
