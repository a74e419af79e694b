package ${package};

import org.actionhero4j.Plugin;
import org.actionhero4j.PluginContext;

/** Registers this application's actions and middleware (listed in META-INF/services). */
public final class AppPlugin implements Plugin {
  @Override
  public void register(PluginContext context) {
    context.action(Greet.class).actionMiddleware(Timing.class);
  }
}
