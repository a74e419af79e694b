package org.actionhero4j.internal.builtin;

import jakarta.inject.Inject;
import org.actionhero4j.Action;
import org.actionhero4j.ActionContext;
import org.actionhero4j.ActionDefinition;
import org.actionhero4j.ChatRooms;
import org.actionhero4j.Connection;
import org.actionhero4j.Input;

/**
 * {@code createChatRoom}: creates a room unless it exists. Sockets only: over HTTP anyone could
 * fill the room table (an application that wants it there routes an action of its own).
 */
public final class CreateChatRoomAction implements Action {

  /** The reply: the room's name and whether this call created it. */
  public record Created(String name, boolean didCreate) {}

  private final ChatRooms rooms;

  @Inject
  public CreateChatRoomAction(ChatRooms rooms) {
    this.rooms = rooms;
  }

  @Override
  public ActionDefinition definition() {
    return ActionDefinition.named("createChatRoom")
        .description("I will create a chatroom with the given name")
        .input(Input.named("name").asString().required())
        .outputExample(new Created("myRoom", true))
        .blockConnectionTypes(Connection.WEB)
        .build();
  }

  @Override
  public Created run(ActionContext ctx) {
    String name = ctx.param("name", String.class);
    return new Created(name, rooms.addIfAbsent(name));
  }
}
