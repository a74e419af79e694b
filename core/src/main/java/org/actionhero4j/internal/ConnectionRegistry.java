package org.actionhero4j.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.actionhero4j.ActionheroException;
import org.actionhero4j.Connection;
import org.actionhero4j.ConnectionMiddleware;
import org.actionhero4j.Connections;
import org.actionhero4j.spi.ClusterBus;
import org.actionhero4j.spi.ConnectionChannel;
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

  private final Map<String, LocalConnection> connections = new ConcurrentHashMap<>();
  private final MiddlewareRegistry middleware;
  private final ClusterBus bus;
  private final long rpcTimeoutMillis;
  private RoomRegistry rooms;

  public ConnectionRegistry(MiddlewareRegistry middleware, ClusterBus bus, long rpcTimeoutMillis) {
    this.middleware = middleware;
    this.bus = bus;
    this.rpcTimeoutMillis = rpcTimeoutMillis;
  }

  void rooms(RoomRegistry rooms) {
    this.rooms = rooms;
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
        new LocalConnection(id, type, fingerprint, remoteIp, remotePort, canChat, channel, this);
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
      if (c.canChat() && rooms != null) {
        for (String room : List.copyOf(c.roomList())) {
          rooms.leaveOnDestroy(c, room);
        }
      }
    } finally {
      connections.remove(c.id());
      if (ending != Ending.CLOSED) {
        c.channel().end(ending == Ending.RECONNECT);
      }
    }
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

  Collection<LocalConnection> all() {
    return connections.values();
  }

  public int size() {
    return connections.size();
  }

  @Override
  public void send(String connectionId, Map<String, Object> message) {
    LocalConnection c = connections.get(connectionId);
    if (c != null) {
      c.send(message);
    } else {
      awaitCall(bus.callHolder(connectionId, NodeCalls.SEND, List.of(connectionId, message)));
    }
  }

  @Override
  public void destroy(String connectionId) {
    LocalConnection c = connections.get(connectionId);
    if (c != null) {
      c.destroy();
    } else {
      awaitCall(bus.callHolder(connectionId, NodeCalls.DESTROY, List.of(connectionId)));
    }
  }

  /** Waits for a cluster call, turning its failure into the caller's error. */
  Object awaitCall(java.util.concurrent.CompletableFuture<Object> call) {
    try {
      return call.get(rpcTimeoutMillis + 1000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ActionheroException ae) {
        throw ae;
      }
      throw new ActionheroException(cause == null ? e.getMessage() : ActionProcessor.messageOf(cause));
    } catch (TimeoutException e) {
      throw new ActionheroException("RPC Timeout");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ActionheroException("interrupted while waiting for the cluster");
    }
  }
}
