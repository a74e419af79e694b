package org.actionhero4j.testplugin;

import jakarta.inject.Inject;
import java.util.Map;
import org.actionhero4j.Action;
import org.actionhero4j.ActionContext;
import org.actionhero4j.ActionDefinition;
import org.actionhero4j.Input;

/** An action whose dependency comes from the plugin's own module. */
public final class GreetAction implements Action {

  private final Greeter greeter;

  @Inject
  public GreetAction(Greeter greeter) {
    this.greeter = greeter;
  }

  @Override
  public ActionDefinition definition() {
    return ActionDefinition.named("pluginGreet").input(Input.named("name").required()).build();
  }

  @Override
  public Map<String, Object> run(ActionContext ctx) {
    return Map.of("greeting", greeter.greet(String.valueOf(ctx.params().get("name"))));
  }
}
