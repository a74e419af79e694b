package org.actionhero4j.internal.socket;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Primus' heartbeat, one timer for every socket: each tick, a socket that answered nothing since the
 * previous ping is closed (without {@code primus::server::close}, so the client reconnects), and the
 * others get a new ping. The timer thread starts with {@link #start()}.
 */
final class Heartbeats {

  /** A socket that takes part in the heartbeat. */
  interface Beating {
    /** One tick: ping, or close when the previous ping went unanswered. */
    void heartbeat(long now);
  }

  private final Set<Beating> sockets = ConcurrentHashMap.newKeySet();
  private final long intervalMillis;
  private volatile ScheduledExecutorService timer;

  Heartbeats(long intervalMillis) {
    this.intervalMillis = intervalMillis;
  }

  synchronized void start() {
    if (intervalMillis > 0 && timer == null) {
      timer =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "primus-heartbeat");
                t.setDaemon(true);
                return t;
              });
      timer.scheduleAtFixedRate(this::tick, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }
  }

  void add(Beating socket) {
    sockets.add(socket);
  }

  void remove(Beating socket) {
    sockets.remove(socket);
  }

  private void tick() {
    long now = System.currentTimeMillis();
    for (Beating socket : sockets) {
      socket.heartbeat(now);
    }
  }

  synchronized void stop() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }
}
