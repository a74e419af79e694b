package org.actionhero4j.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.actionhero4j.ActionheroException;
import org.actionhero4j.ChatMessage;
import org.actionhero4j.ChatMiddleware;
import org.actionhero4j.ChatRooms;
import org.actionhero4j.Connection;
import org.actionhero4j.RoomStatus;
import org.actionhero4j.spi.ClusterBus;
import org.actionhero4j.spi.OutboundMessage;
import org.actionhero4j.spi.RoomMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chat rooms on top of the {@link ClusterBus}: membership is stored in the bus, the join order of a
 * connection lives on the node that holds it, and delivery happens on every node for its own members.
 */
public final class RoomRegistry implements ChatRooms {

  private static final Logger log = LoggerFactory.getLogger(RoomRegistry.class);

  private final ClusterBus bus;
  private final ConnectionRegistry connections;
  private final MiddlewareRegistry middleware;
  private final ErrorTexts errors;
  private final String nodeId;
  private final int replayLimit;
  /**
   * Joins whose missed messages are being replayed, by connection id and room: live messages for
   * them wait until the replay is sent, so that none arrives twice or before older ones.
   */
  private final Map<ReplayKey, JoinReplay> replays = new ConcurrentHashMap<>();
  /** This node's members by room, for delivery without scanning every connection. */
  private final Map<String, Set<LocalConnection>> localMembers = new ConcurrentHashMap<>();
  private volatile Function<Connection, Map<String, Object>> memberDetails = c -> Map.of();
  private volatile Function<Map<String, Object>, Map<String, Object>> memberView =
      RoomRegistry::defaultView;
  private volatile Function<ChatMessage, Map<String, Object>> messagePayload =
      RoomRegistry::defaultPayload;

  public RoomRegistry(
      ClusterBus bus,
      ConnectionRegistry connections,
      MiddlewareRegistry middleware,
      ErrorTexts errors,
      String nodeId,
      int replayLimit) {
    this.bus = bus;
    this.connections = connections;
    this.middleware = middleware;
    this.errors = errors;
    this.nodeId = nodeId;
    this.replayLimit = replayLimit;
    connections.rooms(this);
  }

  @Override
  public void add(String room) {
    requireName(room);
    if (!bus.createRoom(room)) {
      throw new ActionheroException(errors.roomExists());
    }
  }

  /** Creates a room unless it exists; true when created. */
  public boolean addIfAbsent(String room) {
    requireName(room);
    return bus.createRoom(room);
  }

  @Override
  public void destroy(String room) {
    requireName(room);
    if (!bus.roomExists(room)) {
      throw new ActionheroException(errors.roomNotExist());
    }
    // Each member hears the notice from the node that holds it, right before it is removed, so the
    // notice cannot lose a race against the removal (chat and calls may travel on separate channels).
    Map<String, Object> notice =
        new LinkedHashMap<>(
            messagePayload.apply(new ChatMessage(room, "0", errors.roomDeleted(), System.currentTimeMillis())));
    for (String member : bus.members(room).keySet()) {
      Optional<LocalConnection> local = connections.localConnection(member);
      if (local.isPresent()) {
        evict(local.get(), room, notice);
        continue;
      }
      try {
        connections.awaitCall(bus.callHolder(member, NodeCalls.EVICT, List.of(member, room, notice)));
      } catch (ActionheroException e) {
        log.warn("could not remove {} from deleted room {}: {}", member, room, e.getMessage());
        bus.removeMember(room, member);
      }
    }
    bus.deleteRoom(room);
    localMembers.remove(room);
  }

  @Override
  public boolean exists(String room) {
    return room != null && !room.isEmpty() && bus.roomExists(room);
  }

  @Override
  public List<String> list() {
    return new ArrayList<>(bus.rooms());
  }

  @Override
  public RoomStatus status(String room) {
    if (room == null || room.isEmpty()) {
      throw new ActionheroException(errors.roomRequired());
    }
    if (!bus.roomExists(room)) {
      throw new ActionheroException(errors.roomNotExist());
    }
    Map<String, Map<String, Object>> members = new LinkedHashMap<>();
    bus.members(room).forEach((id, m) -> members.put(id, memberView.apply(m.details())));
    return new RoomStatus(room, members, members.size());
  }

  @Override
  public void addMember(String connectionId, String room) {
    Optional<LocalConnection> local = connections.localConnection(connectionId);
    if (local.isPresent()) {
      join(local.get(), room);
    } else {
      connections.awaitCall(
          bus.callHolder(connectionId, NodeCalls.ADD_MEMBER, List.of(connectionId, String.valueOf(room))));
    }
  }

  @Override
  public void removeMember(String connectionId, String room) {
    Optional<LocalConnection> local = connections.localConnection(connectionId);
    if (local.isPresent()) {
      leave(local.get(), room, false);
    } else {
      connections.awaitCall(
          bus.callHolder(
              connectionId, NodeCalls.REMOVE_MEMBER, List.of(connectionId, String.valueOf(room))));
    }
  }

  /** Joins a local connection to a room, running join middleware. */
  void join(LocalConnection c, String room) {
    if (room != null && c.roomList().contains(room)) {
      throw new ActionheroException(errors.alreadyInRoom(room));
    }
    if (!exists(room)) {
      throw new ActionheroException(errors.roomNotExist());
    }
    for (ChatMiddleware m : middleware.chatMiddleware()) {
      try {
        m.join(c, room);
      } catch (ActionheroException e) {
        throw e;
      } catch (Exception e) {
        throw new ActionheroException(ActionProcessor.messageOf(e));
      }
    }
    synchronized (c) {
      if (c.roomList().contains(room)) {
        throw new ActionheroException(errors.alreadyInRoom(room));
      }
      c.roomList().add(room);
    }
    Map<String, Object> details = new LinkedHashMap<>(memberDetails.apply(c));
    details.put("id", c.id());
    details.put("joinedAt", System.currentTimeMillis());
    details.put("host", nodeId);
    localMembers.computeIfAbsent(room, r -> ConcurrentHashMap.newKeySet()).add(c);
    try {
      bus.putMember(room, new RoomMember(c.id(), nodeId, details));
    } catch (RuntimeException e) {
      c.roomList().remove(room);
      removeLocal(room, c);
      throw e;
    }
  }

  /**
   * Joins a local connection to a room, then sends it the messages it missed after the one with
   * id {@code since} (at most {@code websocket.server.replayLimit}, flagged {@code replayed:true}),
   * then live ones; none twice.
   */
  void joinAndReplay(LocalConnection c, String room, String since) {
    ReplayKey key = new ReplayKey(c.id(), room);
    JoinReplay replay = new JoinReplay();
    replays.put(key, replay);
    try {
      join(c, room);
      List<ChatMessage> missed;
      try {
        missed = bus.messagesSince(room, since, replayLimit);
      } catch (RuntimeException e) {
        log.warn("could not replay the messages {} missed in {}: {}", c.id(), room, e.getMessage());
        missed = List.of();
      }
      List<ChatMiddleware> chain = middleware.chatMiddleware();
      replay.finish(missed, m -> deliverTo(c, m, payloadOf(m, true), chain), m -> deliverTo(c, m, payloadOf(m, false), chain));
      if (!replay.replayedAny()) {
        replays.remove(key, replay);
      }
    } catch (RuntimeException e) {
      replays.remove(key, replay);
      throw e;
    }
  }

  private record ReplayKey(String connectionId, String room) {}

  /** Removes a local connection from a room, running leave middleware (which may refuse). */
  void leave(LocalConnection c, String room, boolean force) {
    if (room == null || !c.roomList().contains(room)) {
      throw new ActionheroException(errors.notInRoom(room));
    }
    if (!force && !bus.roomExists(room)) {
      throw new ActionheroException(errors.roomNotExist());
    }
    for (ChatMiddleware m : middleware.chatMiddleware()) {
      try {
        m.leave(c, room);
      } catch (Exception e) {
        if (!force) {
          throw e instanceof ActionheroException ae ? ae : new ActionheroException(ActionProcessor.messageOf(e));
        }
        log.warn("chat middleware '{}' failed while {} left {}: {}", m.name(), c.id(), room, e.toString());
      }
    }
    c.roomList().remove(room);
    removeLocal(room, c);
    bus.removeMember(room, c.id());
  }

  /**
   * Tells a local member its room is being deleted, then removes it; leave middleware runs but cannot
   * keep a member in a room that is going away.
   */
  void evict(LocalConnection c, String room, Map<String, Object> notice) {
    c.deliver(new OutboundMessage(notice, Json::encode));
    if (c.roomList().contains(room)) {
      leaveOnDestroy(c, room);
    }
  }

  /** A destroyed connection leaves a room whatever middleware says. */
  void leaveOnDestroy(LocalConnection c, String room) {
    try {
      leave(c, room, true);
    } catch (RuntimeException e) {
      log.warn("{} could not leave {} cleanly: {}", c.id(), room, e.getMessage());
      c.roomList().remove(room);
      removeLocal(room, c);
    }
  }

  private void removeLocal(String room, LocalConnection c) {
    replays.remove(new ReplayKey(c.id(), room));
    localMembers.computeIfPresent(
        room,
        (r, members) -> {
          members.remove(c);
          return members.isEmpty() ? null : members;
        });
  }

  @Override
  public void broadcast(Connection sender, String room, Object message) {
    if (room == null || room.isEmpty() || message == null || "".equals(message)) {
      throw new ActionheroException(errors.roomAndMessage());
    }
    if (sender != null && !sender.rooms().contains(room)) {
      throw new ActionheroException(errors.notInRoom(room));
    }
    String from = sender == null ? "0" : sender.id();
    Map<String, Object> payload =
        new LinkedHashMap<>(
            messagePayload.apply(new ChatMessage(room, from, message, System.currentTimeMillis())));
    for (ChatMiddleware m : middleware.chatMiddleware()) {
      Optional<Map<String, Object>> next;
      try {
        next = m.onSayReceive(Optional.ofNullable(sender), room, payload);
      } catch (ActionheroException e) {
        throw e;
      } catch (Exception e) {
        throw new ActionheroException(ActionProcessor.messageOf(e));
      }
      if (next == null || next.isEmpty()) {
        return;
      }
      payload = new LinkedHashMap<>(next.get());
    }
    Object sentAt = payload.get("sentAt");
    bus.publishChat(
        new ChatMessage(
            String.valueOf(payload.getOrDefault("room", room)),
            String.valueOf(payload.getOrDefault("from", from)),
            payload.get("message"),
            sentAt instanceof Number n ? n.longValue() : System.currentTimeMillis()));
  }

  @Override
  public void broadcast(String room, Object message) {
    broadcast(null, room, message);
  }

  /** Delivers a published message to this node's members of its room. */
  void deliverLocal(ChatMessage message) {
    Set<LocalConnection> members = localMembers.get(message.room());
    if (members == null || members.isEmpty()) {
      return;
    }
    Payload payload = payloadOf(message, false);
    List<ChatMiddleware> chain = middleware.chatMiddleware();
    for (LocalConnection receiver : members) {
      ReplayKey key = new ReplayKey(receiver.id(), message.room());
      JoinReplay replay = replays.isEmpty() ? null : replays.get(key);
      if (replay != null) {
        JoinReplay.Verdict verdict = replay.admit(message);
        if (verdict != JoinReplay.Verdict.DELIVER_AND_END) {
          continue;
        }
        replays.remove(key, replay);
      }
      deliverTo(receiver, message, payload, chain);
    }
  }

  /** A message's frame payload, encoded once for every receiver without say middleware. */
  private record Payload(Map<String, Object> fields, OutboundMessage shared) {}

  private Payload payloadOf(ChatMessage message, boolean replayed) {
    Map<String, Object> fields = messagePayload.apply(message);
    if (replayed) {
      fields = new LinkedHashMap<>(fields);
      fields.put("replayed", true);
    }
    return new Payload(fields, new OutboundMessage(fields, Json::encode));
  }

  private void deliverTo(LocalConnection receiver, ChatMessage message, Payload payload, List<ChatMiddleware> chain) {
    if (!receiver.canChat() || !receiver.roomList().contains(message.room())) {
      return;
    }
    if (chain.isEmpty()) {
      receiver.deliver(payload.shared());
      return;
    }
    Map<String, Object> mine = new LinkedHashMap<>(payload.fields());
    for (ChatMiddleware m : chain) {
      try {
        Optional<Map<String, Object>> next = m.say(receiver, message.room(), mine);
        if (next == null || next.isEmpty()) {
          return;
        }
        mine = new LinkedHashMap<>(next.get());
      } catch (Exception e) {
        log.warn("chat middleware '{}' failed for receiver {}: {}", m.name(), receiver.id(), e.toString());
        return;
      }
    }
    receiver.deliver(new OutboundMessage(mine, Json::encode));
  }

  /** Forgets local index entries of members whose node died (the bus removed them from storage). */
  int localMemberCount(String room) {
    Set<LocalConnection> members = localMembers.get(room);
    return members == null ? 0 : members.size();
  }

  @Override
  public void setMemberDetails(Function<Connection, Map<String, Object>> details) {
    this.memberDetails = details;
  }

  @Override
  public void setMemberView(Function<Map<String, Object>, Map<String, Object>> view) {
    this.memberView = view;
  }

  @Override
  public void setMessagePayload(Function<ChatMessage, Map<String, Object>> payload) {
    this.messagePayload = payload;
  }

  private void requireName(String room) {
    if (room == null || room.isEmpty()) {
      throw new ActionheroException(errors.roomRequired());
    }
  }

  private static Map<String, Object> defaultView(Map<String, Object> stored) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", stored.get("id"));
    view.put("joinedAt", stored.get("joinedAt"));
    return view;
  }

  private static Map<String, Object> defaultPayload(ChatMessage m) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("message", m.message());
    payload.put("room", m.room());
    payload.put("from", m.from());
    payload.put("context", "user");
    payload.put("sentAt", m.sentAt());
    if (!m.id().isEmpty()) {
      payload.put("id", m.id());
    }
    return payload;
  }
}
