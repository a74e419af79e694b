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

/**
 * The cluster of one: state in memory, messages delivered directly. Each room keeps a log of its
 * last {@value #LOG_LENGTH} messages, so that a client that reconnects can ask for what it missed.
 */
public final class InMemoryClusterBus implements ClusterBus {

  /** How many messages a room's log keeps. */
  static final int LOG_LENGTH = 1000;

  /**
   * How many bytes of messages (estimated as two per character of their text) a room's log keeps,
   * so that a thousand messages of {@code maxLength} each cannot fill the heap; the newest message
   * is always kept.
   */
  static final long LOG_BYTES = 1L << 20;

  private final Map<String, Map<String, RoomMember>> rooms = new ConcurrentHashMap<>();
  private final Map<String, RoomLog> logs = new ConcurrentHashMap<>();
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
    logs.remove(room);
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
    if (!rooms.containsKey(message.room())) {
      node.deliverChat(message);
      return;
    }
    logs.computeIfAbsent(message.room(), r -> new RoomLog()).appendAndDeliver(message, node);
  }

  @Override
  public List<ChatMessage> messagesSince(String room, String afterId, int limit) {
    RoomLog log = logs.get(room);
    if (log == null || limit <= 0) {
      return List.of();
    }
    try {
      return log.since(Long.parseLong(afterId), limit);
    } catch (NumberFormatException e) {
      return List.of();
    }
  }

  /** One room's last messages, numbered from 1 in publishing order. */
  private static final class RoomLog {
    private final java.util.ArrayDeque<ChatMessage> entries = new java.util.ArrayDeque<>();
    private final java.util.ArrayDeque<Long> sizes = new java.util.ArrayDeque<>();
    private long bytes;
    private long last;

    /** Delivery happens under the lock, so members get a room's messages in id order. */
    synchronized void appendAndDeliver(ChatMessage message, ClusterNode node) {
      ChatMessage logged = message.withId(String.valueOf(++last));
      long size = sizeOf(logged.message());
      entries.addLast(logged);
      sizes.addLast(size);
      bytes += size;
      while (entries.size() > LOG_LENGTH || (bytes > LOG_BYTES && entries.size() > 1)) {
        entries.removeFirst();
        bytes -= sizes.removeFirst();
      }
      node.deliverChat(logged);
    }

    private static long sizeOf(Object message) {
      String text = message instanceof String s ? s : Json.encode(message);
      return 64 + 2L * text.length();
    }

    synchronized List<ChatMessage> since(long afterId, int limit) {
      List<ChatMessage> out = new ArrayList<>();
      java.util.Iterator<ChatMessage> newestFirst = entries.descendingIterator();
      while (newestFirst.hasNext() && out.size() < limit) {
        ChatMessage m = newestFirst.next();
        if (Long.parseLong(m.id()) <= afterId) {
          break;
        }
        out.add(0, m);
      }
      return out;
    }
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
