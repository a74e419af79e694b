package org.actionhero4j.examples.chat;

import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.actionhero4j.Action;
import org.actionhero4j.ActionContext;
import org.actionhero4j.ActionDefinition;
import org.actionhero4j.ChatRooms;
import org.actionhero4j.Connection;
import org.actionhero4j.Initializer;
import org.actionhero4j.Input;

/**
 * Nicknames, chosen on entry and kept per browser: room members carry theirs (in {@code roomView}
 * and in join and leave notices), so pages show names instead of connection ids.
 */
final class Nicknames {

  private Nicknames() {}

  /** What a member without a nickname is called: the start of its connection id. */
  static String fallback(String connectionId) {
    return "guest-" + connectionId.substring(0, Math.min(6, connectionId.length()));
  }

  static String of(Visitors visitors, Connection c) {
    return visitors.of(c.fingerprint())
        .map(Visitors.Visitor::nickname)
        .filter(n -> !n.isEmpty())
        .orElseGet(() -> fallback(c.id()));
  }

  /** {@code nickname}: sets this browser's nickname (when given) and returns it. */
  static final class NicknameAction implements Action {
    record Reply(String nickname) {}

    private final Visitors visitors;

    @Inject
    NicknameAction(Visitors visitors) {
      this.visitors = visitors;
    }

    @Override
    public ActionDefinition definition() {
      return ActionDefinition.named("nickname")
          .description("Sets (when given) and returns the nickname this browser chats under")
          .input(
              Input.named("nickname")
                  .asString()
                  .description("1 to 24 letters, digits, spaces, '-', '_' or '.'")
                  .validate(n -> n.strip().matches("[\\p{L}\\p{N} ._-]{1,24}"), "a nickname is 1 to 24 letters, digits, spaces, '-', '_' or '.'"))
          .outputExample(new Reply("Ada"))
          .build();
    }

    @Override
    public Reply run(ActionContext ctx) {
      ctx.optionalParam("nickname", String.class)
          .ifPresent(n -> visitors.nickname(ctx.connection().fingerprint(), n.strip()));
      return new Reply(of(visitors, ctx.connection()));
    }
  }

  /** Stores each member's nickname with its membership, so every node's {@code roomView} shows it. */
  static final class MemberNames implements Initializer {
    private final ChatRooms rooms;
    private final Visitors visitors;

    @Inject
    MemberNames(ChatRooms rooms, Visitors visitors) {
      this.rooms = rooms;
      this.visitors = visitors;
    }

    @Override
    public String name() {
      return "member nicknames";
    }

    @Override
    public void start() {
      rooms.setMemberDetails(c -> Map.of("nickname", of(visitors, c)));
      rooms.setMemberView(
          stored -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", stored.get("id"));
            view.put("joinedAt", stored.get("joinedAt"));
            Object nickname = stored.get("nickname");
            view.put("nickname", nickname == null ? fallback(String.valueOf(stored.get("id"))) : nickname);
            return view;
          });
    }
  }
}
