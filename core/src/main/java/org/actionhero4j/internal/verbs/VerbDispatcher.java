package org.actionhero4j.internal.verbs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.actionhero4j.ActionheroException;
import org.actionhero4j.Connection;
import org.actionhero4j.internal.ErrorTexts;
import org.actionhero4j.internal.actions.ActionRegistry;
import org.actionhero4j.internal.actions.Documentation;
import org.actionhero4j.internal.connections.LocalConnection;
import org.actionhero4j.internal.rooms.RoomRegistry;

/** The connection verbs ({@code roomAdd}, {@code say}, ...) and which connection types may use which. */
public final class VerbDispatcher {

  /** What a verb answered. */
  public sealed interface Result {}

  /** Answer {@code status:"OK"} with this {@code data}. */
  public record Data(Object data) implements Result {}

  /** Answer {@code status:"OK"} without a {@code data} key ({@code say}). */
  public record NoData() implements Result {}

  /** Send no answer at all ({@code quit}, {@code exit}). */
  public record NoReply() implements Result {}

  private static final Set<String> WEBSOCKET_VERBS =
      Set.of("quit", "exit", "documentation", "roomAdd", "roomLeave", "roomView", "detailsView", "say");

  private final RoomRegistry rooms;
  private final ActionRegistry actions;
  private final ErrorTexts errors;

  public VerbDispatcher(RoomRegistry rooms, ActionRegistry actions, ErrorTexts errors) {
    this.rooms = rooms;
    this.actions = actions;
    this.errors = errors;
  }

  /** The verbs a connection type may use. */
  public static Set<String> allowedVerbs(String type) {
    return switch (type) {
      case Connection.WEBSOCKET -> WEBSOCKET_VERBS;
      case Connection.TEST -> ActionRegistry.VERB_NAMES;
      default -> Set.of();
    };
  }

  /**
   * Runs a verb. {@code words} are the verb's arguments, the room first where there is one.
   *
   * @throws ActionheroException with the Actionhero error text
   */
  public Result run(LocalConnection c, Object verb, List<Object> words) {
    if (!(verb instanceof String name) || !allowedVerbs(c.type()).contains(name)) {
      throw new ActionheroException(errors.verbNotFound(verb));
    }
    Object first = words.isEmpty() ? null : words.get(0);
    String room = first == null ? null : String.valueOf(first);
    switch (name) {
      case "quit", "exit" -> {
        c.destroy();
        return new NoReply();
      }
      case "documentation" -> {
        return new Data(Documentation.of(actions));
      }
      case "roomAdd" -> {
        if (room == null) {
          throw new ActionheroException(errors.roomNotExist());
        }
        // An extra field after the room (the generated client's "since") is the last message id seen.
        Object since = words.size() > 1 ? words.get(1) : null;
        if (since == null) {
          rooms.join(c, room);
        } else {
          rooms.joinAndReplay(c, room, String.valueOf(since));
        }
        return new Data(true);
      }
      case "roomLeave" -> {
        rooms.leave(c, room, false);
        return new Data(true);
      }
      case "roomView" -> {
        if (room == null || !c.roomList().contains(room)) {
          throw new ActionheroException(errors.notInRoom(room));
        }
        return new Data(rooms.status(room).toMap());
      }
      case "detailsView" -> {
        return new Data(c.details());
      }
      case "say" -> {
        Object message = words.size() > 1 ? words.get(1) : null;
        if (room == null || message == null || "".equals(message)) {
          throw new ActionheroException(errors.roomAndMessage());
        }
        rooms.broadcast(c, room, message);
        return new NoData();
      }
      default -> {
        return paramVerb(c, name, words);
      }
    }
  }

  /** The param verbs, allowed only to test connections. */
  private Result paramVerb(LocalConnection c, String name, List<Object> words) {
    Map<String, Object> params = new LinkedHashMap<>(c.params());
    switch (name) {
      case "paramAdd" -> {
        String key = words.isEmpty() ? null : String.valueOf(words.get(0));
        Object value = words.size() > 1 ? words.get(1) : null;
        if (key != null && value == null && key.contains("=")) {
          value = key.substring(key.indexOf('=') + 1);
          key = key.substring(0, key.indexOf('='));
        }
        if (key == null
            || !(ActionRegistry.GLOBALLY_SAFE_PARAMS.contains(key)
                || actions.allInputNames().contains(key))) {
          throw new ActionheroException("param " + key + " not on the whitelist");
        }
        params.put(key, value);
        c.params(params);
        return new Data(true);
      }
      case "paramDelete" -> {
        params.remove(words.isEmpty() ? null : String.valueOf(words.get(0)));
        c.params(params);
        return new Data(true);
      }
      case "paramView" -> {
        return new Data(params.get(words.isEmpty() ? null : String.valueOf(words.get(0))));
      }
      case "paramsView" -> {
        return new Data(params);
      }
      case "paramsDelete" -> {
        c.params(Map.of());
        return new Data(true);
      }
      default -> throw new ActionheroException(errors.verbNotFound(name));
    }
  }
}
