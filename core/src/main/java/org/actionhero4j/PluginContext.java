package org.actionhero4j;

import com.google.inject.Module;
import org.actionhero4j.config.Config;
import org.actionhero4j.spi.ClusterBus;
import org.actionhero4j.spi.ServedFile;

/**
 * What a {@link Plugin} registers into. Classes are instantiated by Guice once every plugin has
 * registered, so they may inject each other and whatever the plugin's modules bind.
 */
public interface PluginContext {

  /** The loaded configuration. */
  Config config();

  PluginContext action(Class<? extends Action> action);

  PluginContext action(Action action);

  PluginContext actionMiddleware(Class<? extends ActionMiddleware> middleware);

  PluginContext actionMiddleware(ActionMiddleware middleware);

  PluginContext connectionMiddleware(Class<? extends ConnectionMiddleware> middleware);

  PluginContext connectionMiddleware(ConnectionMiddleware middleware);

  PluginContext chatMiddleware(Class<? extends ChatMiddleware> middleware);

  PluginContext chatMiddleware(ChatMiddleware middleware);

  PluginContext initializer(Class<? extends Initializer> initializer);

  PluginContext initializer(Initializer initializer);

  /** Adds Guice bindings. */
  PluginContext module(Module module);

  /**
   * Serves a file from memory under the public path (before files on disk), with ETag and gzip.
   */
  PluginContext publicFile(ServedFile file);

  /** Replaces the in-memory cluster bus (the Redis plugin does this). */
  PluginContext clusterBus(ClusterBus bus);
}
