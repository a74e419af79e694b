package org.actionhero4j.internal.socket;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  /**
   * Not valid JSON (or nested too deeply): answered with an error carrying the messageId, when one
   * could be read from the text.
   */
  public record Invalid(String reason, Optional<Object> messageId) implements Inbound {}

  private static final Pattern MESSAGE_ID =
      Pattern.compile("\"messageId\"\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.){0,200}\"|-?[0-9][0-9.eE+-]{0,400})");

  /** Decodes a frame; numbers keep their exact value ({@link Json#decodeExact}). */
  public static Inbound decode(String text) {
    Object value;
    try {
      value = Json.decodeExact(text);
    } catch (IllegalArgumentException e) {
      return new Invalid(e.getMessage(), readableMessageId(text));
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

  private static Optional<Object> readableMessageId(String text) {
    Matcher m = MESSAGE_ID.matcher(text);
    if (!m.find()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Json.decodeExact(m.group(1)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** A heartbeat frame. */
  public static String ping(long epochMillis) {
    return Json.encode("primus::ping::" + epochMillis);
  }

  /** The answer to {@code primus::id::}. */
  public static String id(String connectionId) {
    return Json.encode("primus::id::" + connectionId);
  }
}
