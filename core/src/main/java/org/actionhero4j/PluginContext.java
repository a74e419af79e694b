package org.actionhero4j;

import com.google.inject.Module;
import org.actionhero4j.config.Config;

/**
 * What a {@link Plugin} registers into. Classes are instantiated by Guice once every plugin has
 * registered, so they may inject each other and whatever the plugin's modules bind.
 */
public interface PluginContext {

  /** The loaded configuration. */
  Config config();

  /** An action, created by Guice. */
  PluginContext action(Class<? extends Action> action);

  /** An action instance (its {@code @Inject} members are injected). */
  PluginContext action(Action action);

  /** Middleware, created by Guice. */
  PluginContext actionMiddleware(Class<? extends ActionMiddleware> middleware);

  /** Middleware instance. */
  PluginContext actionMiddleware(ActionMiddleware middleware);

  /** Middleware, created by Guice. */
  PluginContext connectionMiddleware(Class<? extends ConnectionMiddleware> middleware);

  /** Middleware instance. */
  PluginContext connectionMiddleware(ConnectionMiddleware middleware);

  /** Middleware, created by Guice. */
  PluginContext chatMiddleware(Class<? extends ChatMiddleware> middleware);

  /** Middleware instance. */
  PluginContext chatMiddleware(ChatMiddleware middleware);

  /** An initializer, created by Guice. */
  PluginContext initializer(Class<? extends Initializer> initializer);

  /** An initializer instance. */
  PluginContext initializer(Initializer initializer);

  /** Adds Guice bindings. */
  PluginContext module(Module module);

  /**
   * Serves a file from memory under the public path (before files on disk), with ETag and gzip.
   */
  PluginContext publicFile(ServedFile file);

  /** Answers an exact HTTP path outside the action pipeline; created by Guice. */
  PluginContext endpoint(Class<? extends HttpEndpoint> endpoint);

  /** An endpoint instance (its {@code @Inject} members are injected). */
  PluginContext endpoint(HttpEndpoint endpoint);

  /**
   * Provides the implementation of a service interface of the framework's SPI, e.g. a
   * {@code org.actionhero4j.spi.ClusterBus} (the Redis plugin does this). At most one plugin may
   * provide each interface.
   */
  <T> PluginContext provide(Class<T> service, T implementation);
}
