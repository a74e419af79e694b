package org.actionhero4j.examples.chat;

import jakarta.inject.Inject;
import org.actionhero4j.ChatMiddleware;
import org.actionhero4j.ChatRooms;
import org.actionhero4j.Connection;

/**
 * Tells a room who enters and leaves it, by nickname. The texts keep Actionhero's own ("I have
 * entered the room" / "I have left the room") so Actionhero's {@code chat.html} reads them as it
 * always did; the joiner hears its own announcement.
 */
final class RoomAnnouncements implements ChatMiddleware {

  private final ChatRooms rooms;
  private final Visitors visitors;

  @Inject
  RoomAnnouncements(ChatRooms rooms, Visitors visitors) {
    this.rooms = rooms;
    this.visitors = visitors;
  }

  @Override
  public String name() {
    return "room announcements";
  }

  @Override
  public void join(Connection connection, String room) {
    rooms.broadcast(room, "I have entered the room: " + Nicknames.of(visitors, connection));
  }

  @Override
  public void leave(Connection connection, String room) {
    rooms.broadcast(room, "I have left the room: " + Nicknames.of(visitors, connection));
  }
}
