package org.actionhero4j.examples.chat;

import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.actionhero4j.ActionheroException;
import org.actionhero4j.ChatRooms;
import org.actionhero4j.Connection;
import org.actionhero4j.Connections;
import org.actionhero4j.Initializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server push: every few seconds each socket gets {@code {context:"stats", ...}} through
 * {@link Connection#send}. Its own context keeps it out of the client's {@code api} event, which
 * Actionhero's own pages (and its documented snippet) show in an alert box.
 */
final class StatsPush implements Initializer {

  private static final Logger log = LoggerFactory.getLogger(StatsPush.class);
  static final long PERIOD_SECONDS = 5;

  private final Connections connections;
  private final ChatRooms rooms;
  private final Visitors visitors;
  private ScheduledExecutorService timer;

  @Inject
  StatsPush(Connections connections, ChatRooms rooms, Visitors visitors) {
    this.connections = connections;
    this.rooms = rooms;
    this.visitors = visitors;
  }

  @Override
  public String name() {
    return "stats push";
  }

  @Override
  public void start() {
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "chat-stats-push");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleAtFixedRate(this::push, PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
  }

  private void push() {
    try {
      Map<String, Object> members = new LinkedHashMap<>();
      for (String room : rooms.list()) {
        members.put(room, rooms.status(room).membersCount());
      }
      for (Connection c : connections.local()) {
        if (Connection.WEBSOCKET.equals(c.type())) {
          Map<String, Object> stats = new LinkedHashMap<>();
          stats.put("context", "stats");
          stats.put("rooms", members);
          stats.put("visits", visitors.of(c.fingerprint()).map(Visitors.Visitor::visits).orElse(0));
          c.send(stats);
        }
      }
    } catch (ActionheroException | IllegalStateException e) {
      log.debug("stats push skipped: {}", e.getMessage());
    }
  }

  @Override
  public void stop() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
