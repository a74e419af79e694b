package org.actionhero4j.internal.socket;

import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.actionhero4j.internal.web.Responses;
import org.actionhero4j.spi.HttpExchange;
import org.actionhero4j.spi.HttpResponse;

/**
 * Checks the parts of a WebSocket upgrade (RFC 6455 4.2.1) a transport would otherwise answer in
 * its own way, or not at all: {@code Connection: Upgrade}, a {@code Sec-WebSocket-Key} of 16
 * base64 bytes (else 400), and {@code Sec-WebSocket-Version: 13} (else 426 naming 13).
 */
final class UpgradeRequest {

  private UpgradeRequest() {}

  /** The answer to an upgrade request that cannot be upgraded, or empty when it can. */
  static Optional<HttpResponse> problem(HttpExchange exchange) {
    boolean connectionUpgrade =
        exchange.headers("Connection").stream()
            .flatMap(v -> List.of(v.split(",")).stream())
            .anyMatch(t -> t.trim().equalsIgnoreCase("upgrade"));
    if (!connectionUpgrade) {
      return bad(400, "a WebSocket upgrade needs Connection: Upgrade");
    }
    List<String> keys = exchange.headers("Sec-WebSocket-Key");
    if (keys.size() != 1 || !isNonce(keys.get(0))) {
      return bad(400, "a WebSocket upgrade needs one Sec-WebSocket-Key of 16 base64-encoded bytes");
    }
    List<String> versions = exchange.headers("Sec-WebSocket-Version");
    if (versions.size() != 1 || !versions.get(0).trim().equals("13")) {
      return Optional.of(
          Responses.status(426)
              .header("Sec-WebSocket-Version", "13")
              .header("Connection", "close")
              .text("text/plain; charset=utf-8", "only WebSocket version 13 is supported\n"));
    }
    return Optional.empty();
  }

  private static boolean isNonce(String key) {
    try {
      return Base64.getDecoder().decode(key.trim()).length == 16;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static Optional<HttpResponse> bad(int status, String why) {
    return Optional.of(
        Responses.status(status)
            .header("Connection", "close")
            .text("text/plain; charset=utf-8", why + "\n"));
  }
}
