package org.actionhero4j.internal.socket.engineio;

import org.actionhero4j.internal.Json;
import org.actionhero4j.spi.HttpExchange;
import org.actionhero4j.spi.HttpResponse;

/** The errors of Engine.IO's handshake and requests, with the reference server's codes and texts. */
enum EngineError {
  UNKNOWN_TRANSPORT(0, "Transport unknown"),
  UNKNOWN_SID(1, "Session ID unknown"),
  BAD_HANDSHAKE_METHOD(2, "Bad handshake method"),
  BAD_REQUEST(3, "Bad request"),
  FORBIDDEN(4, "Forbidden"),
  UNSUPPORTED_PROTOCOL_VERSION(5, "Unsupported protocol version");

  private final int code;
  private final String message;

  EngineError(int code, String message) {
    this.code = code;
    this.message = message;
  }

  /** An HTTP request's answer: 403 or 400 with {@code {"code":n,"message":"…"}}. */
  HttpResponse response(HttpExchange request) {
    return Polling.headers(request, this == FORBIDDEN ? 403 : 400)
        .text("application/json", "{\"code\":" + code + ",\"message\":" + Json.encode(message) + "}");
  }

  /** A refused WebSocket upgrade's answer: 400 (403 when forbidden) with the bare message. */
  HttpResponse upgradeResponse(HttpExchange request) {
    return Polling.headers(request, this == FORBIDDEN ? 403 : 400).text("text/html", message);
  }
}
