package org.actionhero4j.internal.socket;

import org.actionhero4j.internal.Json;

/**
 * Primus 8's {@code websockets}/{@code json} framing: one JSON document per text frame, protocol
 * messages as JSON strings {@code "primus::<type>::<value>"}.
 */
public final class PrimusFraming {

  /** The Primus version we speak, reported by {@code /primus/spec}. */
  public static final String PRIMUS_VERSION = "8.0.9";

  static final String SERVER_CLOSE = Json.encode("primus::server::close");

  private PrimusFraming() {}

  /** A decoded inbound frame. */
  public sealed interface Inbound {}

  /** {@code "primus::pong::<n>"}: a heartbeat answer. */
  public record Pong() implements Inbound {}

  /** {@code "primus::id::"}: the client asks for its id. */
  public record IdRequest() implements Inbound {}

  /** Anything else: application data (any JSON value). */
  public record Data(Object value) implements Inbound {}

  /** Not valid JSON: dropped. */
  public record Invalid(String reason) implements Inbound {}

  public static Inbound decode(String text) {
    Object value;
    try {
      value = Json.decode(text);
    } catch (IllegalArgumentException e) {
      return new Invalid(e.getMessage());
    }
    if (value instanceof String s && s.startsWith("primus::")) {
      if (s.startsWith("primus::pong::")) {
        return new Pong();
      }
      if (s.equals("primus::id::")) {
        return new IdRequest();
      }
    }
    return new Data(value);
  }

  public static String ping(long epochMillis) {
    return Json.encode("primus::ping::" + epochMillis);
  }

  public static String id(String connectionId) {
    return Json.encode("primus::id::" + connectionId);
  }
}
