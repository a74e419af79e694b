package org.actionhero4j.plugin.redis;

import io.lettuce.core.ScriptOutputType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.actionhero4j.spi.RoomMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rooms and their members in Redis, which every node reads. Redis is a cache of what the nodes
 * hold: this node remembers the rooms it created (or was started with) and the members it stored,
 * so that it can put them back when Redis lost them (restarted empty), when it was presumed dead
 * (a partition longer than the node timeout), or when writes failed during an outage.
 */
final class RoomStore {

  private static final Logger log = LoggerFactory.getLogger(RoomStore.class);

  private final RedisLink link;
  private final ClusterKeys keys;
  private final String nodeId;
  /** The members this node stored, by room, then connection id in join order. */
  private final Map<String, Map<String, RoomMember>> own = new ConcurrentHashMap<>();
  /** The rooms this node created or was started with (and did not delete). */
  private final Set<String> createdRooms = ConcurrentHashMap.newKeySet();
  /** The epoch of the data Redis held at this node's last re-registration ("" before the first). */
  private volatile String knownEpoch = "";
  /**
   * Writes of members take the read side (they may run together); re-registering takes the write
   * side, so that it never works from a snapshot that a concurrent write makes stale.
   */
  private final ReadWriteLock registering = new ReentrantReadWriteLock();
  /**
   * Set when a write of members failed: Redis may then differ from {@link #own} (a timed-out write
   * may even have been applied), until the next heartbeat re-registers.
   */
  private volatile boolean diverged;

  RoomStore(RedisLink link, ClusterKeys keys, String nodeId) {
    this.link = link;
    this.keys = keys;
    this.nodeId = nodeId;
  }

  boolean createRoom(String room) {
    createdRooms.add(room);
    return link.call(c -> c.sadd(keys.rooms(), room)) == 1;
  }

  boolean deleteRoom(String room) {
    registering.readLock().lock();
    try {
      own.remove(room);
      createdRooms.remove(room);
      Long existed =
          write(() -> link.eval(
              ClusterScripts.DELETE_ROOM,
              ScriptOutputType.INTEGER,
              new String[] {keys.rooms(), keys.members(room), keys.joinOrder(room), keys.chatLog(room)},
              keys.prefix(),
              room));
      return existed != null && existed == 1;
    } finally {
      registering.readLock().unlock();
    }
  }

  boolean roomExists(String room) {
    return Boolean.TRUE.equals(link.call(c -> c.sismember(keys.rooms(), room)));
  }

  Set<String> rooms() {
    return Set.copyOf(link.call(c -> c.smembers(keys.rooms())));
  }

  int roomCount() {
    return Math.toIntExact(link.call(c -> c.scard(keys.rooms())));
  }

  void putMember(String room, RoomMember member) {
    String json = BusMessages.encode(member);
    registering.readLock().lock();
    try {
      Long stored =
          write(() -> link.eval(
              ClusterScripts.PUT_MEMBER,
              ScriptOutputType.INTEGER,
              new String[] {
                keys.rooms(),
                keys.members(room),
                keys.joinOrder(room),
                keys.joinSequence(),
                keys.held(member.node())
              },
              room,
              member.connectionId(),
              json));
      if (stored != null && stored == 1 && nodeId.equals(member.node())) {
        own.computeIfAbsent(room, r -> Collections.synchronizedMap(new LinkedHashMap<>())).put(member.connectionId(), member);
      }
    } finally {
      registering.readLock().unlock();
    }
  }

  boolean removeMember(String room, String connectionId) {
    registering.readLock().lock();
    try {
      // Forgotten first: should Redis fail now, re-registering removes the member later.
      forget(room, connectionId);
      Long removed =
          write(() -> link.eval(
              ClusterScripts.REMOVE_MEMBER,
              ScriptOutputType.INTEGER,
              new String[] {keys.members(room), keys.joinOrder(room)},
              keys.prefix(),
              room,
              connectionId));
      return removed != null && removed == 1;
    } finally {
      registering.readLock().unlock();
    }
  }

  private <T> T write(java.util.function.Supplier<T> write) {
    try {
      return write.get();
    } catch (RuntimeException e) {
      diverged = true;
      throw e;
    }
  }

  /** Whether this node stored members of the room (and so follows its chat log). */
  boolean hasOwnMembers(String room) {
    return own.containsKey(room);
  }

  /** Whether a failed write left Redis possibly different from what this node holds. */
  boolean diverged() {
    return diverged;
  }

  private void forget(String room, String connectionId) {
    own.computeIfPresent(
        room,
        (r, members) -> {
          members.remove(connectionId);
          return members.isEmpty() ? null : members;
        });
  }

  Map<String, RoomMember> members(String room) {
    List<Object> stored =
        link.eval(
            ClusterScripts.MEMBERS,
            ScriptOutputType.MULTI,
            new String[] {keys.members(room), keys.joinOrder(room)});
    Map<String, RoomMember> members = new LinkedHashMap<>();
    for (Object json : stored) {
      RoomMember member = memberOf(String.valueOf(json));
      if (member != null) {
        members.put(member.connectionId(), member);
      }
    }
    return members;
  }

  /**
   * Makes Redis hold exactly the members this node stored: puts back those that went missing and
   * removes those that should have gone while Redis was unreachable.
   *
   * @return how many members were stored and how many stale ones were removed
   */
  Reregistered reregister() {
    registering.writeLock().lock();
    try {
      diverged = false;
      List<String> args = new ArrayList<>();
      args.add(keys.prefix());
      args.add(nodeId);
      args.add(knownEpoch);
      args.add(UUID.randomUUID().toString());
      Set<String> reasserted = new LinkedHashSet<>(createdRooms);
      reasserted.addAll(own.keySet());
      args.add(String.valueOf(reasserted.size()));
      args.addAll(reasserted);
      own.forEach(
          (room, members) ->
              members.values().forEach(m -> {
                args.add(room);
                args.add(m.connectionId());
                args.add(BusMessages.encode(m));
              }));
      List<Object> result =
          write(() -> link.eval(
              ClusterScripts.REGISTER_MEMBERS,
              ScriptOutputType.MULTI,
              new String[] {keys.rooms(), keys.held(nodeId), keys.joinSequence(), keys.epoch()},
              args.toArray(String[]::new)));
      String epoch = String.valueOf(result.get(2));
      boolean lostData = !knownEpoch.isEmpty() && !knownEpoch.equals(epoch);
      knownEpoch = epoch;
      return new Reregistered(
          ((Number) result.get(0)).longValue(),
          ((Number) result.get(1)).longValue(),
          lostData,
          ((Number) result.get(3)).longValue());
    } finally {
      registering.writeLock().unlock();
    }
  }

  /**
   * What {@link #reregister()} did.
   *
   * @param lostData whether Redis had lost the cluster's data since the previous re-registration
   * @param roomsCreated how many of this node's rooms had to be created again
   */
  record Reregistered(long stored, long removed, boolean lostData, long roomsCreated) {}

  @SuppressWarnings("unchecked")
  private static RoomMember memberOf(String json) {
    try {
      Map<String, Object> m = (Map<String, Object>) BusMessages.decode(json);
      Object details = m.get("details");
      return new RoomMember(
          String.valueOf(m.get("connectionId")),
          String.valueOf(m.get("node")),
          details instanceof Map<?, ?> d ? (Map<String, Object>) d : Map.of());
    } catch (RuntimeException e) {
      log.warn("ignoring a room member that is not a stored member: {}", json);
      return null;
    }
  }
}
