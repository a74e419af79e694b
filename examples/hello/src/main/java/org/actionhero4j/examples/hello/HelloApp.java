package org.actionhero4j.examples.hello;

import java.util.Map;
import org.actionhero4j.Action;
import org.actionhero4j.ActionContext;
import org.actionhero4j.ActionDefinition;
import org.actionhero4j.Actionhero;
import org.actionhero4j.Input;

/** The smallest Actionhero4j application: one action, one transport, a main. */
public final class HelloApp {

  /** {@code hello}: greets whoever calls it, over HTTP and WebSocket alike. */
  public static final class Hello implements Action {
    @Override
    public ActionDefinition definition() {
      return ActionDefinition.named("hello")
          .description("greets you")
          .input(Input.named("name").defaultValue("world"))
          .outputExample(Map.of("greeting", "Hello, world!"))
          .nonBlocking()
          .build();
    }

    @Override
    public Map<String, Object> run(ActionContext ctx) {
      return Map.of("greeting", "Hello, " + ctx.params().get("name") + "!");
    }
  }

  private HelloApp() {}

  public static void main(String[] args) throws Exception {
    Actionhero app = Actionhero.builder().plugin(ctx -> ctx.action(new Hello())).start();
    Runtime.getRuntime().addShutdownHook(new Thread(app::stop));
    app.awaitStop();
  }
}
