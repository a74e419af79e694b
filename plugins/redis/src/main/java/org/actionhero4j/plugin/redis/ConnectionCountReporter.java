package org.actionhero4j.plugin.redis;

import jakarta.inject.Inject;
import org.actionhero4j.Connections;
import org.actionhero4j.Initializer;

/** Lets each heartbeat report how many connections this node holds (for {@code clusterStatus}). */
final class ConnectionCountReporter implements Initializer {

  private final RedisClusterBus bus;
  private final Connections connections;

  @Inject
  ConnectionCountReporter(RedisClusterBus bus, Connections connections) {
    this.bus = bus;
    this.connections = connections;
  }

  @Override
  public String name() {
    return "redis-connection-count";
  }

  @Override
  public void start() {
    bus.connectionCount(() -> connections.local().size());
  }
}
