package org.actionhero4j.plugin.redis;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON messages nodes exchange over pub/sub. Every message carries {@code messageType},
 * {@code serverId} and {@code serverToken} (as in Actionhero); a message with another token is
 * ignored.
 */
final class BusMessages {

  static final String CHAT = "chat";
  static final String DO = "do";
  static final String DO_RESPONSE = "doResponse";
  static final String NODES_LOST = "nodesLost";
  /**
   * The answer of a node with another {@code serverToken} to a call it cannot run; it carries no
   * token, and tells the caller not to wait for that node.
   */
  static final String TOKEN_MISMATCH = "tokenMismatch";

  private static final Logger log = LoggerFactory.getLogger(BusMessages.class);
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  /** Bounds the memory spent on remembering whom we already logged about. */
  private static final int MAX_REMEMBERED_SENDERS = 1024;

  private final String serverId;
  private final String serverToken;
  private final Set<String> strangers = ConcurrentHashMap.newKeySet();

  BusMessages(String serverId, String serverToken) {
    this.serverId = serverId;
    this.serverToken = serverToken;
  }

  /** The fingerprint of this node's token (see {@link #fingerprint}). */
  String tokenFingerprint() {
    return fingerprint(serverToken);
  }

  /** A new message of this type from this node. */
  Map<String, Object> create(String messageType) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("messageType", messageType);
    message.put("serverId", serverId);
    message.put("serverToken", serverToken);
    return message;
  }

  static String encode(Object value) {
    return MAPPER.writeValueAsString(value);
  }

  static Object decode(String text) {
    return MAPPER.readValue(text, Object.class);
  }

  /**
   * A message that is JSON with a {@code messageType}; {@code trusted} when it carries this
   * cluster's token.
   */
  record Received(Map<String, Object> message, boolean trusted) {
    String type() {
      return (String) message.get("messageType");
    }

    String sender() {
      return String.valueOf(message.get("serverId"));
    }
  }

  /** The message, unless it is not JSON or has no messageType. */
  Optional<Received> accept(String channel, String text) {
    Object decoded;
    try {
      decoded = decode(text);
    } catch (JacksonException e) {
      log.debug("ignoring a message on {} that is not JSON: {}", channel, e.getOriginalMessage());
      return Optional.empty();
    }
    if (!(decoded instanceof Map<?, ?> raw) || !(raw.get("messageType") instanceof String)) {
      log.debug("ignoring a message on {} without messageType", channel);
      return Optional.empty();
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> message = (Map<String, Object>) raw;
    return Optional.of(new Received(message, serverToken.equals(message.get("serverToken"))));
  }

  /** Logs, once per sender, that a node on this prefix has another token and is ignored. */
  void strangerSeen(String sender) {
    if (strangers.size() < MAX_REMEMBERED_SENDERS && strangers.add(sender)) {
      log.warn(
          "node {} uses this cluster's redis.keyPrefix with another general.serverToken: its messages"
              + " are ignored and calls do not wait for it; give every node of one cluster the same token",
          sender);
    }
  }

  /** A short fingerprint of a token, to compare tokens without publishing them. */
  static String fingerprint(String token) {
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(("actionhero4j:" + token).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest, 0, 8);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }
}
