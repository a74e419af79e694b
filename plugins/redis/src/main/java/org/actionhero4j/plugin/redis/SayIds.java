package org.actionhero4j.plugin.redis;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Makes {@code say} idempotent across a retry. Every published chat message carries an id, and a
 * node delivers each id at most once. When publishing timed out (the message may still be
 * delivered), the sender remembers the id under the say's content for a while, so that the same say
 * repeated by the same connection to the same room reuses the id and is dropped by receivers that
 * already delivered it.
 */
final class SayIds {

  /** How long an unconfirmed say is remembered for a retry. */
  private static final long RETRY_WINDOW_MILLIS = 60_000;
  private static final int MAX_UNCONFIRMED = 10_000;
  private static final int MAX_DELIVERED = 50_000;

  private record Unconfirmed(String id, long until) {}

  private final Map<String, Unconfirmed> unconfirmed = new LinkedHashMap<>();
  private final Map<String, Boolean> delivered =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > MAX_DELIVERED;
        }
      };

  /** What identifies a say for a retry: sender, room and the message's JSON. */
  static String contentKey(String from, String room, String messageJson) {
    return from.length() + ":" + from + room.length() + ":" + room + messageJson;
  }

  /** The id to publish a say under: the unconfirmed one of an identical say, or a new one. */
  synchronized String idFor(String contentKey) {
    Unconfirmed u = unconfirmed.get(contentKey);
    if (u != null && u.until() > System.currentTimeMillis()) {
      return u.id();
    }
    unconfirmed.remove(contentKey);
    return UUID.randomUUID().toString();
  }

  /** Publishing timed out: a retry of the same say must reuse this id. */
  synchronized void unconfirmed(String contentKey, String id) {
    unconfirmed.put(contentKey, new Unconfirmed(id, System.currentTimeMillis() + RETRY_WINDOW_MILLIS));
    if (unconfirmed.size() > MAX_UNCONFIRMED) {
      unconfirmed.remove(unconfirmed.keySet().iterator().next());
    }
  }

  /** Publishing succeeded: the next identical say is a new message. */
  synchronized void confirmed(String contentKey) {
    unconfirmed.remove(contentKey);
  }

  /** True the first time a node sees this id (ids of the last {@value #MAX_DELIVERED} kept). */
  synchronized boolean firstDelivery(String id) {
    return delivered.put(id, Boolean.TRUE) == null;
  }
}
