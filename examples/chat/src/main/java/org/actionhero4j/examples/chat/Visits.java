package org.actionhero4j.examples.chat;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.actionhero4j.Action;
import org.actionhero4j.ActionContext;
import org.actionhero4j.ActionDefinition;
import org.actionhero4j.Connection;
import org.actionhero4j.ConnectionMiddleware;

/**
 * A per-browser session keyed by {@link Connection#fingerprint()}: the same cookie identifies the
 * browser over HTTP and over its WebSocket, so both count towards one visit counter.
 */
final class Visits {

  private Visits() {}

  /** Visit counts by fingerprint (in memory: this is a demo). */
  @Singleton
  static final class Book {
    private final Map<String, Integer> visits = new ConcurrentHashMap<>();

    int record(String fingerprint) {
      return visits.merge(fingerprint, 1, Integer::sum);
    }

    int of(String fingerprint) {
      return visits.getOrDefault(fingerprint, 0);
    }
  }

  /** Counts every connection (HTTP request or socket) of a browser. */
  static final class Counter implements ConnectionMiddleware {
    private final Book book;

    @Inject
    Counter(Book book) {
      this.book = book;
    }

    @Override
    public String name() {
      return "visit counter";
    }

    @Override
    public void create(Connection connection) {
      connection.session().put("visits", book.record(connection.fingerprint()));
    }
  }

  /** {@code visits}: how often this browser has connected. */
  static final class VisitsAction implements Action {
    private final Book book;

    @Inject
    VisitsAction(Book book) {
      this.book = book;
    }

    @Override
    public ActionDefinition definition() {
      return ActionDefinition.named("visits")
          .description("How many times this browser (by its fingerprint cookie) has connected")
          .outputExample(Map.of("fingerprint", "abc", "visits", 3))
          .build();
    }

    @Override
    public Map<String, Object> run(ActionContext ctx) {
      String fingerprint = ctx.connection().fingerprint();
      return Map.of("fingerprint", fingerprint, "visits", book.of(fingerprint));
    }
  }
}
