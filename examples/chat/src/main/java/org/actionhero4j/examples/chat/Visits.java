package org.actionhero4j.examples.chat;

import jakarta.inject.Inject;
import org.actionhero4j.Action;
import org.actionhero4j.ActionContext;
import org.actionhero4j.ActionDefinition;
import org.actionhero4j.Connection;
import org.actionhero4j.ConnectionMiddleware;

/**
 * Visits per browser: the same cookie identifies the browser over HTTP and over its WebSocket, so
 * both count towards one visit counter (kept, bounded, in {@link Visitors}).
 */
final class Visits {

  private Visits() {}

  /** Counts every connection (HTTP request or socket) of a browser. */
  static final class Counter implements ConnectionMiddleware {
    private final Visitors visitors;

    @Inject
    Counter(Visitors visitors) {
      this.visitors = visitors;
    }

    @Override
    public String name() {
      return "visit counter";
    }

    /** Counting is a bounded in-memory map: HTTP requests for non-blocking actions stay inline. */
    @Override
    public boolean nonBlocking() {
      return true;
    }

    @Override
    public void create(Connection connection) {
      visitors.visit(connection.fingerprint());
    }
  }

  /** {@code visits}: how often this browser has connected. */
  static final class VisitsAction implements Action {
    record Reply(String fingerprint, int visits) {}

    private final Visitors visitors;

    @Inject
    VisitsAction(Visitors visitors) {
      this.visitors = visitors;
    }

    @Override
    public ActionDefinition definition() {
      return ActionDefinition.named("visits")
          .description("How many times this browser (by its fingerprint cookie) has connected")
          .outputExample(new Reply("abc", 3))
          .build();
    }

    @Override
    public Reply run(ActionContext ctx) {
      String fingerprint = ctx.connection().fingerprint();
      return new Reply(fingerprint, visitors.of(fingerprint).map(Visitors.Visitor::visits).orElse(0));
    }
  }
}
