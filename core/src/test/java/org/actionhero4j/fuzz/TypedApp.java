package org.actionhero4j.fuzz;

import java.util.Map;
import org.actionhero4j.ActionDefinition;
import org.actionhero4j.Actionhero;
import org.actionhero4j.Input;
import org.actionhero4j.TestApps;
import org.actionhero4j.testing.Hostile;

/** The application the fuzzers drive: an action with one input of every type, and tight room bounds. */
public final class TypedApp {

  /** The action with typed inputs. */
  public static final String ACTION = "typed";

  /** The room bounds the fuzzers check. */
  public static final int MAX_ROOMS = 40;

  public static final int MAX_ROOM_NAME_LENGTH = 64;

  /** A colour, for the enum input. */
  public enum Colour {
    RED,
    GREEN
  }

  private TypedApp() {}

  /** Starts it (no transport, no files, no environment). */
  public static Actionhero start() throws Exception {
    ActionDefinition.Builder d =
        ActionDefinition.named(ACTION)
            .input(Input.named("s").asString())
            .input(Input.named("i").asInteger())
            .input(Input.named("l").asLong())
            .input(Input.named("d").asDouble())
            .input(Input.named("b").asBoolean())
            .input(Input.named("e").asEnum(Colour.class))
            .input(Input.named("list").asStringList())
            .input(Input.named("o").asObject(Input.named("inner").asInteger().build()))
            .input(Input.named("any"));
    // the echo keeps nulls (Map.copyOf would refuse them and fail the action)
    return TestApps.builder(
            p -> p.action(TestApps.action(d, ctx -> Map.of("params", new java.util.LinkedHashMap<>(ctx.params())))))
        .set("general.maxRooms", MAX_ROOMS)
        .set("general.maxRoomNameLength", MAX_ROOM_NAME_LENGTH)
        .start();
  }

  /** Params for the typed action: each input, maybe, with a hostile value. */
  public static Map<String, Object> params(java.util.Random r) {
    Map<String, Object> p = new java.util.LinkedHashMap<>();
    for (String name : new String[] {"s", "i", "l", "d", "b", "e", "list", "o", "any", Hostile.word(r)}) {
      if (r.nextBoolean()) {
        p.put(name, value(r));
      }
    }
    return p;
  }

  /** A hostile value as a client sends it: a decoded JSON value, or a string from a query or form. */
  public static Object value(java.util.Random r) {
    return switch (r.nextInt(5)) {
      case 0 -> Hostile.number(r);
      case 1 -> Hostile.text(r, 200);
      case 2 -> Hostile.structuredOrMutated(r, "{\"inner\":" + Hostile.number(r) + "}");
      default -> {
        try {
          yield org.actionhero4j.internal.Json.decodeExact(Hostile.json(r, 3));
        } catch (IllegalArgumentException e) {
          yield Hostile.text(r, 20);
        }
      }
    };
  }
}
