package org.actionhero4j.internal.socket;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Primus' heartbeat, one timer for every socket: each tick, a socket that answered nothing since the
 * previous ping is closed (without {@code primus::server::close}, so the client reconnects), and the
 * others get a new ping.
 */
final class Heartbeats {

  private final Set<SocketConnection> sockets = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService timer;

  Heartbeats(long intervalMillis) {
    if (intervalMillis > 0) {
      timer =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "primus-heartbeat");
                t.setDaemon(true);
                return t;
              });
      timer.scheduleAtFixedRate(this::tick, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    } else {
      timer = null;
    }
  }

  void add(SocketConnection socket) {
    sockets.add(socket);
  }

  void remove(SocketConnection socket) {
    sockets.remove(socket);
  }

  int size() {
    return sockets.size();
  }

  private void tick() {
    long now = System.currentTimeMillis();
    for (SocketConnection socket : sockets) {
      socket.heartbeat(now);
    }
  }

  void stop() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
