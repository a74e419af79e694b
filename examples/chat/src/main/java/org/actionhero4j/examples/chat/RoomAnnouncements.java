package org.actionhero4j.examples.chat;

import jakarta.inject.Inject;
import org.actionhero4j.ChatMiddleware;
import org.actionhero4j.ChatRooms;
import org.actionhero4j.Connection;

/** Tells a room who enters and leaves it. */
final class RoomAnnouncements implements ChatMiddleware {

  private final ChatRooms rooms;

  @Inject
  RoomAnnouncements(ChatRooms rooms) {
    this.rooms = rooms;
  }

  @Override
  public String name() {
    return "room announcements";
  }

  @Override
  public void join(Connection connection, String room) {
    rooms.broadcast(room, "I have entered the room: " + connection.id());
  }

  @Override
  public void leave(Connection connection, String room) {
    rooms.broadcast(room, "I have left the room: " + connection.id());
  }
}
