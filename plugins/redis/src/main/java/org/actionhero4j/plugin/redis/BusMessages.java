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

  /** The message, unless it is not JSON, not ours to read, or signed with another token. */
  Optional<Map<String, Object>> accept(String channel, String text) {
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
    if (!serverToken.equals(message.get("serverToken"))) {
      String sender = String.valueOf(message.get("serverId"));
      if (strangers.size() < MAX_REMEMBERED_SENDERS && strangers.add(sender)) {
        log.debug(
            "ignoring cluster messages from {}: its serverToken is not this cluster's", sender);
      }
      return Optional.empty();
    }
    return Optional.of(message);
  }
}
