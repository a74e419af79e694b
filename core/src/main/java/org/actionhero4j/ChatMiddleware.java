package org.actionhero4j;

import java.util.Map;
import java.util.Optional;

/** Runs around room membership and chat. Lower {@link #priority()} runs first. */
public interface ChatMiddleware {

  /** Names the middleware in logs and in {@code ActionDefinition.middleware(...)}; unique per kind. */
  String name();

  /** Lower runs first (default 100); ties keep registration order. */
  default int priority() {
    return 100;
  }

  /** Before a connection joins; a throw refuses the join and its message reaches the caller. */
  default void join(Connection connection, String room) throws Exception {}

  /** Before a connection leaves; a throw refuses the leave and the connection stays. */
  default void leave(Connection connection, String room) throws Exception {}

  /**
   * Once per message, on the sender's node, before it is published. Return the (possibly changed)
   * payload, or empty to silence the message for everyone. A throw fails the sender's {@code say}.
   *
   * @param sender the sending connection; empty for a server broadcast
   */
  default Optional<Map<String, Object>> onSayReceive(
      Optional<Connection> sender, String room, Map<String, Object> payload) throws Exception {
    return Optional.of(payload);
  }

  /**
   * Once per receiving connection, with a copy of the payload. Return it (possibly changed), or empty
   * to skip this receiver. A throw is logged and this receiver misses the message.
   */
  default Optional<Map<String, Object>> say(
      Connection receiver, String room, Map<String, Object> payload) throws Exception {
    return Optional.of(payload);
  }
}
