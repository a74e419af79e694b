package org.actionhero4j;

import java.util.List;
import org.actionhero4j.config.ConfigNamespace;

/**
 * Everything a user or module adds to an application. Found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/org.actionhero4j.Plugin}) or registered with
 * {@link Actionhero.Builder#plugin(Plugin)}; a lambda is a plugin too:
 * {@code Actionhero.builder().plugin(ctx -> ctx.action(new Hello()))}.
 */
@FunctionalInterface
public interface Plugin {

  /** Names the plugin in logs and errors; the class name by default. */
  default String name() {
    return getClass().getName();
  }

  /** Config namespaces this plugin reads (declared before config is loaded). */
  default List<ConfigNamespace<?>> configNamespaces() {
    return List.of();
  }

  /** Registers actions, middleware, initializers and Guice modules. */
  void register(PluginContext context);
}
