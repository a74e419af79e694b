package org.actionhero4j.plugin.redis;

import java.util.Map;
import org.actionhero4j.Action;
import org.actionhero4j.ActionContext;
import org.actionhero4j.ActionDefinition;
import org.actionhero4j.Plugin;
import org.actionhero4j.PluginContext;

/** Adds {@code ping}, an action that needs nothing from the cluster. */
final class PingPlugin implements Plugin {

  @Override
  public String name() {
    return "ping";
  }

  @Override
  public void register(PluginContext context) {
    context.action(new Ping());
  }

  private static final class Ping implements Action {
    @Override
    public ActionDefinition definition() {
      return ActionDefinition.named("ping").description("answers pong").build();
    }

    @Override
    public Map<String, Object> run(ActionContext ctx) {
      return Map.of("pong", true);
    }
  }
}
