package org.actionhero4j.plugin.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import org.actionhero4j.ActionheroException;
import org.actionhero4j.ChatMiddleware;
import org.actionhero4j.ChatRooms;
import org.actionhero4j.Connection;

/**
 * Rooms and their members across the cluster ({@code actionhero.rooms},
 * {@code actionhero.room.members}, read at each scrape), and the joins, leaves and messages this
 * node handled.
 */
final class RoomMeters implements ChatMiddleware {

  private final MeterRegistry registry;
  private final Counter joins;
  private final Counter leaves;
  private final Counter messages;

  RoomMeters(MeterRegistry registry) {
    this.registry = registry;
    this.joins = Counter.builder("actionhero.room.joins").description("room joins on this node").register(registry);
    this.leaves = Counter.builder("actionhero.room.leaves").description("room leaves on this node").register(registry);
    this.messages = Counter.builder("actionhero.room.messages")
        .description("chat messages this node broadcast").register(registry);
  }

  @Inject
  void rooms(ChatRooms rooms) {
    Gauge.builder("actionhero.rooms", rooms, r -> orNaN(() -> r.list().size()))
        .description("rooms in the cluster").register(registry);
    Gauge.builder("actionhero.room.members", rooms, RoomMeters::members)
        .description("members of all rooms in the cluster").register(registry);
  }

  private static double members(ChatRooms rooms) {
    return orNaN(() -> {
      long total = 0;
      for (String room : rooms.list()) {
        try {
          total += rooms.status(room).membersCount();
        } catch (ActionheroException e) {
          // deleted between list and status
        }
      }
      return total;
    });
  }

  /** A gauge the cluster bus cannot answer reads as NaN, which Prometheus shows as a gap. */
  private static double orNaN(java.util.function.LongSupplier read) {
    try {
      return read.getAsLong();
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }

  @Override
  public String name() {
    return "metrics:rooms";
  }

  @Override
  public int priority() {
    return Integer.MAX_VALUE;
  }

  @Override
  public void join(Connection connection, String room) {
    joins.increment();
  }

  @Override
  public void leave(Connection connection, String room) {
    leaves.increment();
  }

  @Override
  public Optional<Map<String, Object>> onSayReceive(
      Optional<Connection> sender, String room, Map<String, Object> payload) {
    messages.increment();
    return Optional.of(payload);
  }
}
