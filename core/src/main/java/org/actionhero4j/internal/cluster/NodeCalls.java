package org.actionhero4j.internal.cluster;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.actionhero4j.ActionheroException;
import org.actionhero4j.ChatMessage;
import org.actionhero4j.internal.connections.ConnectionRegistry;
import org.actionhero4j.internal.connections.LocalConnection;
import org.actionhero4j.internal.rooms.RoomRegistry;
import org.actionhero4j.spi.ClusterNode;

/** This node's answers to the cluster: chat delivery and the calls other nodes route here. */
public final class NodeCalls implements ClusterNode {

  /** A call plugins can register under a name. */
  @FunctionalInterface
  public interface Handler {
    /** Answers one call; what it returns travels back to the caller. */
    Object handle(List<Object> args) throws Exception;
  }

  private final String id;
  private final String token;
  private final long rpcTimeoutMillis;
  private final ConnectionRegistry connections;
  private final RoomRegistry rooms;
  /** A call whose answer may come later, without holding a thread while it waits. */
  @FunctionalInterface
  public interface AsyncHandler {
    /** Answers one call; the stage's value travels back to the caller. */
    CompletionStage<Object> handle(List<Object> args);
  }

  private final Map<String, AsyncHandler> handlers = new ConcurrentHashMap<>();

  public NodeCalls(
      String id,
      String token,
      long rpcTimeoutMillis,
      ConnectionRegistry connections,
      RoomRegistry rooms) {
    this.id = id;
    this.token = token;
    this.rpcTimeoutMillis = rpcTimeoutMillis;
    this.connections = connections;
    this.rooms = rooms;
    register(ConnectionRegistry.SEND, args -> {
      local(args.get(0)).send(args.get(1));
      return true;
    });
    register(ConnectionRegistry.DESTROY, args -> {
      local(args.get(0)).destroy();
      return true;
    });
    register(RoomRegistry.ADD_MEMBER, args -> {
      rooms.join(local(args.get(0)), (String) args.get(1));
      return true;
    });
    register(RoomRegistry.EVICT, args -> {
      @SuppressWarnings("unchecked")
      Map<String, Object> notice = (Map<String, Object>) args.get(2);
      rooms.evict(local(args.get(0)), (String) args.get(1), notice);
      return true;
    });
    register(RoomRegistry.REMOVE_MEMBER, args -> {
      rooms.leave(local(args.get(0)), (String) args.get(1), false);
      return true;
    });
  }

  /** Registers a named call (for {@code callEveryNode}/{@code callHolder} of plugins). */
  public void register(String method, Handler handler) {
    registerAsync(method, args -> {
      try {
        return CompletableFuture.completedFuture(handler.handle(args));
      } catch (Exception e) {
        return CompletableFuture.failedFuture(e);
      }
    });
  }

  /** Registers a named call answered later (e.g. a relayed long-poll), holding no thread meanwhile. */
  public void registerAsync(String method, AsyncHandler handler) {
    if (handlers.putIfAbsent(method, handler) != null) {
      throw new IllegalStateException("cluster call '" + method + "' is registered twice");
    }
  }

  private LocalConnection local(Object id) {
    return connections
        .localConnection(String.valueOf(id))
        .orElseThrow(() -> new ActionheroException("connection " + id + " is not held by node " + this.id));
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String token() {
    return token;
  }

  @Override
  public long rpcTimeoutMillis() {
    return rpcTimeoutMillis;
  }

  @Override
  public boolean holdsConnection(String connectionId) {
    return connections.localConnection(connectionId).isPresent();
  }

  @Override
  public void deliverChat(ChatMessage message) {
    rooms.deliverLocal(message);
  }

  @Override
  public Object handleCall(String method, List<Object> args) throws Exception {
    CompletableFuture<Object> answer = handleCallAsync(method, args).toCompletableFuture();
    try {
      return answer.get(rpcTimeoutMillis, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    } catch (TimeoutException e) {
      throw new ActionheroException("RPC Timeout");
    }
  }

  @Override
  public CompletionStage<Object> handleCallAsync(String method, List<Object> args) {
    AsyncHandler handler = handlers.get(method);
    if (handler == null) {
      return CompletableFuture.failedFuture(new ActionheroException("unknown cluster call '" + method + "'"));
    }
    try {
      return handler.handle(args);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
