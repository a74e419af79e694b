package org.actionhero4j.plugin.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.actionhero4j.Connection;
import org.actionhero4j.ConnectionMiddleware;
import org.actionhero4j.Connections;

/**
 * Connections by type: {@code actionhero.connections.opened} (every one created) and
 * {@code actionhero.connections.open} (held by this node now).
 */
final class ConnectionMeters implements ConnectionMiddleware {

  private final MeterRegistry registry;
  private final Map<String, Counter> created = new ConcurrentHashMap<>();
  private Connections connections;

  ConnectionMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  @Inject
  void connections(Connections connections) {
    this.connections = connections;
    for (String type : new String[] {Connection.WEB, Connection.WEBSOCKET}) {
      meters(type);
    }
  }

  @Override
  public String name() {
    return "metrics:connections";
  }

  @Override
  public int priority() {
    return Integer.MIN_VALUE;
  }

  @Override
  public void create(Connection connection) {
    meters(connection.type()).increment();
  }

  private Counter meters(String type) {
    return created.computeIfAbsent(
        type,
        t -> {
          Gauge.builder("actionhero.connections.open", this, m -> m.current(t))
              .description("connections this node holds, by type")
              .tag("type", t)
              .register(registry);
          return Counter.builder("actionhero.connections.opened")
              .description("connections created on this node, by type")
              .tag("type", t)
              .register(registry);
        });
  }

  private double current(String type) {
    return connections == null
        ? 0
        : connections.local().stream().filter(c -> c.type().equals(type)).count();
  }
}
