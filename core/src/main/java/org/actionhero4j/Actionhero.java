package org.actionhero4j;

import com.google.inject.Injector;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.ServiceLoader;
import org.actionhero4j.config.Config;
import org.actionhero4j.config.ConfigNamespace;

/**
 * A running Actionhero4j application: config, plugins, actions, rooms and (with a transport on the
 * classpath) the HTTP and WebSocket server.
 *
 * <pre>{@code
 * Actionhero app = Actionhero.builder().plugin(new MyPlugin()).start();
 * ...
 * app.stop();
 * }</pre>
 */
public interface Actionhero extends AutoCloseable {

  /** This framework's version. */
  String VERSION = Version.current();

  /** A builder that loads config, finds plugins and starts an application. */
  static Builder builder() {
    return new Builder();
  }

  /**
   * Starts an application from {@code ./config}, the environment and the plugins on the classpath,
   * and stops it gracefully on SIGTERM/SIGINT.
   */
  static void main(String[] args) throws Exception {
    Actionhero app = builder().start();
    Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "actionhero-shutdown"));
    app.awaitStop();
  }

  /** This node's id ({@code general.id}, or generated). */
  String id();

  /** The configuration it was started with. */
  Config config();

  /** The chat rooms of the cluster. */
  ChatRooms chatRooms();

  /** This node's connections, and routing to the others'. */
  Connections connections();

  /** The injector that created actions, middleware and initializers. */
  Injector injector();

  /** The HTTP/WebSocket port, when a transport runs. */
  OptionalInt port();

  /** The transport's name ({@code undertow}, {@code jetty}), when one runs. */
  Optional<String> transport();

  /** When the application started. */
  Instant startedAt();

  /** Whether a stop has begun. */
  boolean shuttingDown();

  /**
   * Stops gracefully: new connections are refused, new actions get "the server is shutting down",
   * in-flight actions finish (up to {@code general.shutdownTimeoutMillis}), sockets close with 1001
   * so clients reconnect elsewhere, and the port is released. Idempotent.
   */
  void stop();

  /** Same as {@link #stop()}. */
  @Override
  default void close() {
    stop();
  }

  /** Blocks until {@link #stop()} has finished. */
  void awaitStop() throws InterruptedException;

  /**
   * What assembles and starts an application from its config and plugins. Core provides the one
   * implementation (found with {@link ServiceLoader}); it is not meant to be implemented elsewhere.
   */
  interface Launcher {
    /** Wires every component, starts them and returns the running application. */
    Actionhero launch(Config config, List<Plugin> plugins) throws Exception;
  }

  /** Builds and starts an {@link Actionhero}. */
  final class Builder {
    private final Config.Builder config = Config.builder();
    private final List<Plugin> plugins = new ArrayList<>();
    private boolean discoverPlugins = true;

    private Builder() {}

    /** Where YAML config lives ({@code ./config} by default). */
    public Builder configDirectory(Path directory) {
      config.directory(directory);
      return this;
    }

    /** Reads no config files: only defaults, the environment and {@link #set}. */
    public Builder noConfigDirectory() {
      config.noDirectory();
      return this;
    }

    /** The environment ({@code ACTIONHERO_ENV} by default, else {@code development}). */
    public Builder environment(String environment) {
      config.environment(environment);
      return this;
    }

    /** The environment variables config reads (the process's by default). */
    public Builder environmentVariables(Map<String, String> variables) {
      config.environmentVariables(variables);
      return this;
    }

    /** Sets a config value by dotted key, after every other source: {@code set("web.port", 0)}. */
    public Builder set(String dottedKey, Object value) {
      config.set(dottedKey, value);
      return this;
    }

    /**
     * The application's own default for a config key; config files, the environment and
     * {@link #set} still override it: {@code defaultValue("web.transport", "undertow")}.
     */
    public Builder defaultValue(String dottedKey, Object value) {
      config.defaultValue(dottedKey, value);
      return this;
    }

    /** Adds a plugin explicitly. */
    public Builder plugin(Plugin plugin) {
      plugins.add(Objects.requireNonNull(plugin, "plugin"));
      return this;
    }

    /** Whether plugins on the classpath are found with ServiceLoader (default true). */
    public Builder discoverPlugins(boolean discover) {
      this.discoverPlugins = discover;
      return this;
    }

    /** Loads config, creates everything and starts; fails with a clear message on bad config. */
    public Actionhero start() throws Exception {
      List<Plugin> all = new ArrayList<>(plugins);
      if (discoverPlugins) {
        for (Plugin found : ServiceLoader.load(Plugin.class)) {
          if (all.stream().noneMatch(p -> p.getClass().equals(found.getClass()))) {
            all.add(found);
          }
        }
      }
      for (Plugin p : all) {
        for (ConfigNamespace<?> ns : p.configNamespaces()) {
          config.namespace(ns);
        }
      }
      Launcher launcher =
          ServiceLoader.load(Launcher.class, Actionhero.class.getClassLoader())
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "actionhero4j-core is incomplete: no " + Launcher.class.getName()
                              + " in META-INF/services"));
      return launcher.launch(config.build(), all);
    }
  }
}
