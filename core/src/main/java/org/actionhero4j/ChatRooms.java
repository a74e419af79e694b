package org.actionhero4j;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Chat rooms, cluster-wide: every operation gives the same answer on every node. Errors are
 * {@link ActionheroException}s with the texts of the {@code errors} config namespace.
 */
public interface ChatRooms {

  /**
   * Creates a room; fails with "room exists" when it does, and when the name is longer than
   * {@code general.maxRoomNameLength} or {@code general.maxRooms} rooms exist.
   */
  void add(String room);

  /** Creates a room unless it exists; true when this call created it. Bounds as for {@link #add}. */
  boolean addIfAbsent(String room);

  /**
   * Deletes a room: announces "this room has been deleted" to it, removes every member (running
   * leave middleware), then forgets it.
   */
  void destroy(String room);

  /** Whether the room exists anywhere in the cluster. */
  boolean exists(String room);

  /** Every room of the cluster, in no particular order. */
  List<String> list();

  /** Members and their count; fails for an empty name or a missing room. */
  RoomStatus status(String room);

  /**
   * Adds a connection (held by any node) to a room, running join middleware; fails when the
   * connection is in {@code general.maxRoomsPerConnection} rooms already.
   */
  void addMember(String connectionId, String room);

  /** Removes a connection (held by any node) from a room, running leave middleware. */
  void removeMember(String connectionId, String room);

  /**
   * Sends a message to every member of a room, the sender included. The sender must be in the room.
   * {@code onSayReceive} middleware runs once, here; {@code say} middleware once per receiver.
   */
  void broadcast(Connection sender, String room, Object message);

  /** Sends a message from the server (sender id {@code "0"}) to every member of a room. */
  void broadcast(String room, Object message);

  /**
   * Replaces what is stored for each member (must be JSON values). The framework adds {@code id},
   * {@code joinedAt} and the holding node itself.
   */
  void setMemberDetails(Function<Connection, Map<String, Object>> details);

  /** Replaces what {@link #status} shows of each stored member ({@code id} and {@code joinedAt}). */
  void setMemberView(Function<Map<String, Object>, Map<String, Object>> view);

  /**
   * Replaces the payload a member receives ({@code message, room, from, context:"user", sentAt} by
   * default).
   */
  void setMessagePayload(Function<ChatMessage, Map<String, Object>> payload);
}
