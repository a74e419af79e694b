package org.actionhero4j.testplugin;

import org.actionhero4j.Plugin;
import org.actionhero4j.PluginContext;

/**
 * A plugin as a third party would ship it. Core's tests package these classes into a jar at run
 * time, with a {@code META-INF/services} entry; nothing on the test classpath announces it.
 */
public final class GreetingPlugin implements Plugin {

  @Override
  public String name() {
    return "greeting-plugin";
  }

  @Override
  public void register(PluginContext context) {
    context.module(new GreetingModule()).action(GreetAction.class).actionMiddleware(StampMiddleware.class);
  }
}
