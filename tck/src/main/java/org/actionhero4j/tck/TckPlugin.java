package org.actionhero4j.tck;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.actionhero4j.Action;
import org.actionhero4j.ActionContext;
import org.actionhero4j.ActionDefinition;
import org.actionhero4j.ActionheroException;
import org.actionhero4j.ChatMiddleware;
import org.actionhero4j.ChatRooms;
import org.actionhero4j.Connection;
import org.actionhero4j.Input;
import org.actionhero4j.Plugin;
import org.actionhero4j.PluginContext;

/** The actions and chat middleware every transport is tested with. */
public final class TckPlugin implements Plugin {

  @Override
  public String name() {
    return "tck";
  }

  @Override
  public void register(PluginContext ctx) {
    // Where actions run: a non-blocking one on the thread that read the request, others on the pool.
    ctx.action(simple(ActionDefinition.named("threadHere").nonBlocking(), null, null, c -> thread()));
    ctx.action(simple("threadPooled", null, c -> thread()));
    ctx.action(simple(ActionDefinition.named("echo").nonBlocking(), Input.named("message"), Input.named("other"), c -> {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("echo", new LinkedHashMap<>(c.params()));
      return out;
    }));
    ctx.action(simple("requiresKey", Input.named("key").required(), c -> Map.of("key", c.params().get("key"))));
    ctx.action(simple("gated", Input.named("gate").required(), c -> {
      Gates.enterAndWait(String.valueOf(c.params().get("gate")));
      return Map.of("gate", c.params().get("gate"));
    }));
    ctx.action(simple("randomNumber", null, c -> {
      double n = ThreadLocalRandom.current().nextDouble();
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("randomNumber", n);
      out.put("stringRandomNumber", "Your random number is " + n);
      return out;
    }));
    ctx.action(simple("paymentRequired", null, c -> {
      throw ActionheroException.withStatus(402, "pay up");
    }));
    ctx.action(simple("boom", null, c -> {
      throw new IllegalStateException("boom");
    }));
    ctx.action(simple("refuse", null, c -> {
      throw new ActionheroException("boom");
    }));
    ctx.action(simple("destroyMe", null, c -> {
      c.setToRender(false);
      c.connection().destroy();
      return Map.of();
    }));
    ctx.chatMiddleware(new Announcements());
  }

  /** Announces joins and leaves, stars out "darn", and lets receivers mute chat. */
  static final class Announcements implements ChatMiddleware {
    @jakarta.inject.Inject ChatRooms rooms;

    @Override
    public String name() {
      return "announcements";
    }

    @Override
    public void join(Connection connection, String room) {
      if ("locked".equals(room)) {
        throw new ActionheroException("joining rooms blocked");
      }
      rooms.broadcast(room, "I have entered the room: " + connection.id());
    }

    @Override
    public void leave(Connection connection, String room) {
      rooms.broadcast(room, "I have left the room: " + connection.id());
    }

    @Override
    public Optional<Map<String, Object>> onSayReceive(
        Optional<Connection> sender, String room, Map<String, Object> payload) {
      if ("silence".equals(payload.get("message"))) {
        return Optional.empty();
      }
      if (payload.get("message") instanceof String s && s.contains("darn")) {
        payload.put("message", s.replace("darn", "****"));
      }
      return Optional.of(payload);
    }

    @Override
    public Optional<Map<String, Object>> say(Connection receiver, String room, Map<String, Object> payload) {
      if (Boolean.TRUE.equals(receiver.session().get("muted"))) {
        return Optional.empty();
      }
      if (Boolean.TRUE.equals(receiver.session().get("shouting")) && payload.get("message") instanceof String s) {
        payload.put("message", s.toUpperCase(java.util.Locale.ROOT));
      }
      return Optional.of(payload);
    }
  }

  @FunctionalInterface
  interface Body {
    Map<String, Object> run(ActionContext ctx) throws Exception;
  }

  private static Map<String, Object> thread() {
    Thread t = Thread.currentThread();
    return Map.of("thread", t.getName(), "virtual", t.toString().startsWith("VirtualThread"));
  }

  private static Action simple(String name, Input.Builder input, Body body) {
    return simple(name, input, null, body);
  }

  private static Action simple(String name, Input.Builder input, Input.Builder second, Body body) {
    return simple(ActionDefinition.named(name), input, second, body);
  }

  private static Action simple(ActionDefinition.Builder d, Input.Builder input, Input.Builder second, Body body) {
    if (input != null) {
      d.input(input);
    }
    if (second != null) {
      d.input(second);
    }
    ActionDefinition definition = d.build();
    return new Action() {
      @Override
      public ActionDefinition definition() {
        return definition;
      }

      @Override
      public Map<String, Object> run(ActionContext ctx) throws Exception {
        return body.run(ctx);
      }
    };
  }
}
