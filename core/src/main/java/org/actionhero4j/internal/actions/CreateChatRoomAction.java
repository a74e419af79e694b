package org.actionhero4j.internal.actions;

import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.actionhero4j.Action;
import org.actionhero4j.ActionContext;
import org.actionhero4j.ActionDefinition;
import org.actionhero4j.ChatRooms;
import org.actionhero4j.Input;
import org.actionhero4j.internal.RoomRegistry;

/** {@code createChatRoom}: creates a room unless it exists. */
public final class CreateChatRoomAction implements Action {

  private final ChatRooms rooms;

  @Inject
  public CreateChatRoomAction(ChatRooms rooms) {
    this.rooms = rooms;
  }

  @Override
  public ActionDefinition definition() {
    return ActionDefinition.named("createChatRoom")
        .description("I will create a chatroom with the given name")
        .input(Input.named("name").required())
        .outputExample(Map.of("name", "myRoom", "didCreate", true))
        .build();
  }

  @Override
  public Map<String, Object> run(ActionContext ctx) {
    String name = String.valueOf(ctx.params().get("name"));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", name);
    out.put("didCreate", ((RoomRegistry) rooms).addIfAbsent(name));
    return out;
  }
}
