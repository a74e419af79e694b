package org.actionhero4j.internal.rooms;

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
import org.actionhero4j.config.GeneralConfig;
import org.actionhero4j.internal.ClusterCalls;
import org.actionhero4j.internal.ErrorTexts;
import org.actionhero4j.internal.Failures;
import org.actionhero4j.internal.connections.ConnectionRegistry;
import org.actionhero4j.internal.connections.LocalConnection;
import org.actionhero4j.internal.connections.OutboundMessage;
import org.actionhero4j.internal.middleware.MiddlewareRegistry;
import org.actionhero4j.spi.ClusterBus;
import org.actionhero4j.spi.RoomMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chat rooms on top of the {@link ClusterBus}: membership is stored in the bus, the join order of a
 * connection lives on the node that holds it, and delivery happens on every node for its own members.
 *
 * <p>Bounded: {@code general.maxRooms} rooms, names of at most {@code general.maxRoomNameLength}
 * characters, and (when set) {@code general.maxRoomsPerConnection} rooms per connection.
 *
 * <p>Broadcasts that join middleware makes for the room being joined are held until the join has
 * taken effect, so the joiner hears its own announcement, as in Actionhero.
 */
public final class RoomRegistry implements ChatRooms {

  private static final Logger log = LoggerFactory.getLogger(RoomRegistry.class);

  /** Names of the cluster calls this registry answers for other nodes. */
  public static final String ADD_MEMBER = "chatRooms.addMember";

  public static final String REMOVE_MEMBER = "chatRooms.removeMember";

  public static final String EVICT = "chatRooms.evict";

  private final ClusterBus bus;
  private final ConnectionRegistry connections;
  private final MiddlewareRegistry middleware;
  private final ErrorTexts errors;
  private final ClusterCalls calls;
  private final GeneralConfig limits;
  private final String nodeId;
  /** The joins whose middleware runs on this thread, and what it broadcast meanwhile. */
  private final ThreadLocal<PendingJoin> joining = new ThreadLocal<>();
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
      ClusterCalls calls,
      GeneralConfig limits,
      String nodeId,
      int replayLimit) {
    this.bus = bus;
    this.connections = connections;
    this.middleware = middleware;
    this.errors = errors;
    this.calls = calls;
    this.limits = limits;
    this.nodeId = nodeId;
    this.replayLimit = replayLimit;
  }

  private record PendingJoin(LocalConnection connection, String room, List<ChatMessage> held) {}

  @Override
  public void add(String room) {
    if (!addIfAbsent(room)) {
      throw new ActionheroException(errors.roomExists());
    }
  }

  @Override
  public boolean addIfAbsent(String room) {
    requireName(room);
    if (bus.roomExists(room)) {
      return false;
    }
    if (bus.roomCount() >= limits.maxRooms()) {
      throw new ActionheroException(errors.tooManyRooms(limits.maxRooms()));
    }
    return bus.createRoom(room);
  }

  /** Leaves every room of a connection that ended, whatever middleware says. */
  public void leaveAll(LocalConnection c) {
    if (c.canChat()) {
      for (String room : List.copyOf(c.roomList())) {
        leaveOnDestroy(c, room);
      }
    }
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
        calls.await(bus.callHolder(member, EVICT, List.of(member, room, notice)));
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
      calls.await(bus.callHolder(connectionId, ADD_MEMBER, List.of(connectionId, room)));
    }
  }

  @Override
  public void removeMember(String connectionId, String room) {
    Optional<LocalConnection> local = connections.localConnection(connectionId);
    if (local.isPresent()) {
      leave(local.get(), room, false);
    } else {
      calls.await(bus.callHolder(connectionId, REMOVE_MEMBER, List.of(connectionId, room)));
    }
  }

  /**
   * Joins a local connection to a room, running join middleware; what the middleware broadcast to
   * the room is published once the member is stored.
   */
  public void join(LocalConnection c, String room) {
    if (room.length() > limits.maxRoomNameLength()) {
      throw new ActionheroException(errors.roomNameTooLong(limits.maxRoomNameLength()));
    }
    if (c.roomList().contains(room)) {
      throw new ActionheroException(errors.alreadyInRoom(room));
    }
    int cap = limits.maxRoomsPerConnection();
    if (cap > 0 && c.roomList().size() >= cap) {
      throw new ActionheroException(errors.tooManyRoomsJoined(cap));
    }
    if (!exists(room)) {
      throw new ActionheroException(errors.roomNotExist());
    }
    PendingJoin pending = new PendingJoin(c, room, new ArrayList<>());
    PendingJoin outer = joining.get();
    joining.set(pending);
    try {
      runJoinMiddleware(c, room);
      store(c, room);
    } finally {
      if (outer == null) {
        joining.remove();
      } else {
        joining.set(outer);
      }
    }
    pending.held().forEach(bus::publishChat);
  }

  private void runJoinMiddleware(LocalConnection c, String room) {
    for (ChatMiddleware m : middleware.chatMiddleware()) {
      try {
        m.join(c, room);
      } catch (ActionheroException e) {
        throw e;
      } catch (Exception e) {
        throw new ActionheroException(Failures.messageOf(e));
      }
    }
  }

  private void store(LocalConnection c, String room) {
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
  public void joinAndReplay(LocalConnection c, String room, String since) {
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
      replay.finish(
          missed, m -> deliverTo(c, m, payloadOf(m, true), chain), m -> deliverTo(c, m, payloadOf(m, false), chain));
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
  public void leave(LocalConnection c, String room, boolean force) {
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
          throw e instanceof ActionheroException ae ? ae : new ActionheroException(Failures.messageOf(e));
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
  public void evict(LocalConnection c, String room, Map<String, Object> notice) {
    c.deliver(OutboundMessage.of(notice));
    if (c.roomList().contains(room)) {
      leaveOnDestroy(c, room);
    }
  }

  /** A destroyed connection leaves a room whatever middleware says. */
  private void leaveOnDestroy(LocalConnection c, String room) {
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
    if (!sender.rooms().contains(room)) {
      throw new ActionheroException(errors.notInRoom(room));
    }
    publish(Optional.of(sender), room, message);
  }

  @Override
  public void broadcast(String room, Object message) {
    publish(Optional.empty(), room, message);
  }

  private void publish(Optional<Connection> sender, String room, Object message) {
    if (room == null || room.isEmpty() || message == null || "".equals(message)) {
      throw new ActionheroException(errors.roomAndMessage());
    }
    String from = sender.map(Connection::id).orElse("0");
    Map<String, Object> payload =
        new LinkedHashMap<>(
            messagePayload.apply(new ChatMessage(room, from, message, System.currentTimeMillis())));
    for (ChatMiddleware m : middleware.chatMiddleware()) {
      Optional<Map<String, Object>> next;
      try {
        next = m.onSayReceive(sender, room, payload);
      } catch (ActionheroException e) {
        throw e;
      } catch (Exception e) {
        throw new ActionheroException(Failures.messageOf(e));
      }
      if (next == null || next.isEmpty()) {
        return;
      }
      payload = new LinkedHashMap<>(next.get());
    }
    Object sentAt = payload.get("sentAt");
    ChatMessage out =
        new ChatMessage(
            String.valueOf(payload.getOrDefault("room", room)),
            String.valueOf(payload.getOrDefault("from", from)),
            payload.get("message"),
            sentAt instanceof Number n ? n.longValue() : System.currentTimeMillis());
    PendingJoin pending = joining.get();
    if (pending != null && pending.room().equals(out.room())) {
      pending.held().add(out);
    } else {
      bus.publishChat(out);
    }
  }

  /** Delivers a published message to this node's members of its room. */
  public void deliverLocal(ChatMessage message) {
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
    return new Payload(fields, OutboundMessage.of(fields));
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
    receiver.deliver(OutboundMessage.of(mine));
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
    if (room.length() > limits.maxRoomNameLength()) {
      throw new ActionheroException(errors.roomNameTooLong(limits.maxRoomNameLength()));
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
