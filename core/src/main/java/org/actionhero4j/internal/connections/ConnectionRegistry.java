package org.actionhero4j.internal.connections;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.actionhero4j.Connection;
import org.actionhero4j.ConnectionMiddleware;
import org.actionhero4j.Connections;
import org.actionhero4j.internal.ClusterCalls;
import org.actionhero4j.internal.Json;
import org.actionhero4j.internal.middleware.MiddlewareRegistry;
import org.actionhero4j.spi.ClusterBus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The connections this node holds, their creation and their destruction. */
public final class ConnectionRegistry implements Connections {

  private static final Logger log = LoggerFactory.getLogger(ConnectionRegistry.class);

  /** How a connection ends. */
  public enum Ending {
    /** The server ends it for good; the client must not reconnect. */
    DELIBERATE,
    /** The server goes away; the client should reconnect elsewhere. */
    RECONNECT,
    /** The client or the network already closed it. */
    CLOSED
  }

  /** Told about every connection that ends, after its destroy middleware ran. */
  @FunctionalInterface
  public interface EndListener {
    /** Called once per destroyed connection, before it is forgotten. */
    void ended(LocalConnection connection);
  }

  /** Names of the cluster calls this registry answers for other nodes. */
  public static final String SEND = "connections.send";

  public static final String DESTROY = "connections.destroy";

  private final Map<String, LocalConnection> connections = new ConcurrentHashMap<>();
  private final MiddlewareRegistry middleware;
  private final ClusterBus bus;
  private final ClusterCalls calls;
  private final List<EndListener> endListeners = new CopyOnWriteArrayList<>();

  public ConnectionRegistry(MiddlewareRegistry middleware, ClusterBus bus, ClusterCalls calls) {
    this.middleware = middleware;
    this.bus = bus;
    this.calls = calls;
  }

  /** Adds a listener told about every connection that ends (the room registry leaves its rooms). */
  public void onEnd(EndListener listener) {
    endListeners.add(listener);
  }

  /** Whether every connection middleware promised never to block. */
  public boolean middlewareNonBlocking() {
    return middleware.connectionMiddleware().stream().allMatch(ConnectionMiddleware::nonBlocking);
  }

  /**
   * Creates a connection and runs the create middleware; only then is it registered. A throwing
   * middleware refuses the connection (the exception propagates).
   */
  public LocalConnection open(
      String id,
      String type,
      String fingerprint,
      String remoteIp,
      int remotePort,
      boolean canChat,
      ConnectionChannel channel)
      throws Exception {
    LocalConnection c =
        new LocalConnection(
            id, type, fingerprint, remoteIp, remotePort, canChat, channel, this::destroyDeliberately);
    for (ConnectionMiddleware m : middleware.connectionMiddleware()) {
      m.create(c);
    }
    connections.put(id, c);
    return c;
  }

  /**
   * Destroys a connection once: destroy middleware, then its rooms are left, then the channel ends
   * and the connection is forgotten. Blocking (rooms may live in a remote store).
   */
  public void destroy(LocalConnection c, Ending ending) {
    if (!c.markDestroyed()) {
      return;
    }
    try {
      for (ConnectionMiddleware m : middleware.connectionMiddleware()) {
        try {
          m.destroy(c);
        } catch (Exception e) {
          log.warn("connection middleware '{}' failed on destroy of {}: {}", m.name(), c.id(), e.toString());
        }
      }
      for (EndListener listener : endListeners) {
        listener.ended(c);
      }
    } finally {
      connections.remove(c.id());
      if (ending != Ending.CLOSED) {
        c.channel().end(ending == Ending.RECONNECT);
      }
    }
  }

  private void destroyDeliberately(LocalConnection c) {
    destroy(c, Ending.DELIBERATE);
  }

  @Override
  public Optional<Connection> local(String id) {
    return Optional.ofNullable(connections.get(id));
  }

  public Optional<LocalConnection> localConnection(String id) {
    return Optional.ofNullable(connections.get(id));
  }

  @Override
  public Collection<Connection> local() {
    return List.copyOf(connections.values());
  }

  /** Every connection this node holds, as a snapshot. */
  public List<LocalConnection> all() {
    return List.copyOf(connections.values());
  }

  /** How many connections this node holds. */
  public int size() {
    return connections.size();
  }

  @Override
  public void send(String connectionId, Object message) {
    LocalConnection c = connections.get(connectionId);
    if (c != null) {
      c.send(message);
    } else {
      calls.await(bus.callHolder(connectionId, SEND, List.of(connectionId, Json.plain(message))));
    }
  }

  @Override
  public void destroy(String connectionId) {
    LocalConnection c = connections.get(connectionId);
    if (c != null) {
      c.destroy();
    } else {
      calls.await(bus.callHolder(connectionId, DESTROY, List.of(connectionId)));
    }
  }
}
