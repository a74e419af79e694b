package org.actionhero4j.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.actionhero4j.ActionheroException;
import org.actionhero4j.ChatMessage;
import org.actionhero4j.spi.ClusterBus;
import org.actionhero4j.spi.ClusterNode;
import org.actionhero4j.spi.RoomMember;

/** The cluster of one: state in memory, messages delivered directly. */
public final class InMemoryClusterBus implements ClusterBus {

  private final Map<String, Map<String, RoomMember>> rooms = new ConcurrentHashMap<>();
  private volatile ClusterNode node;

  @Override
  public void start(ClusterNode node) {
    this.node = node;
  }

  @Override
  public void stop() {
    rooms.values().forEach(members -> members.values().removeIf(m -> m.node().equals(node.id())));
  }

  @Override
  public boolean createRoom(String room) {
    return rooms.putIfAbsent(room, java.util.Collections.synchronizedMap(new LinkedHashMap<>())) == null;
  }

  @Override
  public boolean deleteRoom(String room) {
    return rooms.remove(room) != null;
  }

  @Override
  public boolean roomExists(String room) {
    return rooms.containsKey(room);
  }

  @Override
  public Set<String> rooms() {
    return Set.copyOf(rooms.keySet());
  }

  @Override
  public void putMember(String room, RoomMember member) {
    Map<String, RoomMember> members = rooms.get(room);
    if (members != null) {
      members.put(member.connectionId(), member);
    }
  }

  @Override
  public boolean removeMember(String room, String connectionId) {
    Map<String, RoomMember> members = rooms.get(room);
    return members != null && members.remove(connectionId) != null;
  }

  @Override
  public Map<String, RoomMember> members(String room) {
    Map<String, RoomMember> members = rooms.get(room);
    if (members == null) {
      return Map.of();
    }
    synchronized (members) {
      return new LinkedHashMap<>(members);
    }
  }

  @Override
  public void publishChat(ChatMessage message) {
    node.deliverChat(message);
  }

  @Override
  public CompletableFuture<Object> callHolder(String connectionId, String method, List<Object> args) {
    if (!node.holdsConnection(connectionId)) {
      return CompletableFuture.failedFuture(
          new ActionheroException("no node holds connection " + connectionId));
    }
    return call(method, args);
  }

  @Override
  public CompletableFuture<List<Object>> callEveryNode(String method, List<Object> args) {
    return call(method, args).thenApply(answer -> {
      List<Object> answers = new ArrayList<>();
      answers.add(answer);
      return answers;
    });
  }

  private CompletableFuture<Object> call(String method, List<Object> args) {
    try {
      return CompletableFuture.completedFuture(node.handleCall(method, args));
    } catch (Exception e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public Set<String> nodes() {
    return Set.of(node.id());
  }
}
