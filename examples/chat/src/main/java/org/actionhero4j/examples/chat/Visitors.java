package org.actionhero4j.examples.chat;

import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the chat remembers per browser (by {@link org.actionhero4j.Connection#fingerprint()}, the
 * cookie shared by HTTP and the socket): its nickname and how often it connected. Bounded: the
 * least recently seen browser is forgotten first once {@link #CAPACITY} are known.
 */
@Singleton
final class Visitors {

  static final int CAPACITY = 10_000;

  /** One browser. */
  record Visitor(String nickname, int visits) {}

  private final Map<String, Visitor> byFingerprint =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Visitor> eldest) {
          return size() > CAPACITY;
        }
      };

  /** Counts a connection of this browser; returns its visit count. */
  synchronized int visit(String fingerprint) {
    Visitor v = byFingerprint.getOrDefault(fingerprint, new Visitor("", 0));
    Visitor next = new Visitor(v.nickname(), v.visits() + 1);
    byFingerprint.put(fingerprint, next);
    return next.visits();
  }

  synchronized void nickname(String fingerprint, String nickname) {
    Visitor v = byFingerprint.getOrDefault(fingerprint, new Visitor("", 0));
    byFingerprint.put(fingerprint, new Visitor(nickname, v.visits()));
  }

  synchronized Optional<Visitor> of(String fingerprint) {
    return Optional.ofNullable(byFingerprint.get(fingerprint));
  }

  synchronized int size() {
    return byFingerprint.size();
  }
}
