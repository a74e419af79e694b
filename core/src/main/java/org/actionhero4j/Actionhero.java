package org.actionhero4j;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import org.actionhero4j.config.Config;
import org.actionhero4j.config.ConfigNamespace;
import org.actionhero4j.internal.Node;
import org.actionhero4j.internal.web.FrontDoor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Actionhero4j application: config, plugins, actions, rooms and (with a transport on the
 * classpath) the HTTP and WebSocket server.
 *
 * <pre>{@code
 * Actionhero app = Actionhero.builder().plugin(new MyPlugin()).start();
 * ...
 * app.stop();
 * }</pre>
 */
public final class Actionhero implements AutoCloseable {

  /** This framework's version. */
  public static final String VERSION = Version.current();

  private static final Logger log = LoggerFactory.getLogger(Actionhero.class);

  private final Node node;
  private final FrontDoor frontDoor;
  private final long startedAt = System.currentTimeMillis();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean stopping;

  private Actionhero(Config config, List<Plugin> plugins) {
    this.node = new Node(this, config, plugins);
    this.frontDoor = new FrontDoor(node);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts an application from {@code ./config}, the environment and the plugins on the classpath,
   * and stops it gracefully on SIGTERM/SIGINT.
   */
  public static void main(String[] args) throws Exception {
    Actionhero app = builder().start();
    Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "actionhero-shutdown"));
    app.awaitStop();
  }

  private void start() throws Exception {
    try {
      node.start();
      frontDoor.start();
    } catch (Exception e) {
      stop();
      throw e;
    }
    log.info(
        "actionhero4j node {} started ({} actions{})",
        node.id(),
        node.actions().all().size(),
        frontDoor.port().isPresent()
            ? ", " + frontDoor.transportName() + " on " + config().web().bindIp() + ":" + frontDoor.port().getAsInt()
            : ", no transport");
  }

  /**
   * Stops gracefully: new connections are refused, new actions get "the server is shutting down",
   * in-flight actions finish (up to {@code general.shutdownTimeoutMillis}), sockets close with 1001
   * so clients reconnect elsewhere, and the port is released. Idempotent.
   */
  public synchronized void stop() {
    if (stopping) {
      return;
    }
    stopping = true;
    try {
      frontDoor.stopAccepting();
      node.stopActions();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      node.endConnections(!config().websocket().destroyClientsOnShutdown());
      frontDoor.close();
      node.stopServices();
      stopped.countDown();
      log.info("actionhero4j node {} stopped", node.id());
    }
  }

  @Override
  public void close() {
    stop();
  }

  /** Blocks until {@link #stop()} has finished. */
  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  /** This node's id ({@code general.id}, or generated). */
  public String id() {
    return node.id();
  }

  public Config config() {
    return node.config();
  }

  public ChatRooms chatRooms() {
    return node.rooms();
  }

  public Connections connections() {
    return node.connections();
  }

  /** The injector that created actions and middleware. */
  public com.google.inject.Injector injector() {
    return node.injector();
  }

  /** The HTTP/WebSocket port, when a transport runs. */
  public OptionalInt port() {
    return frontDoor.port();
  }

  /** Epoch ms of start. */
  public long startedAt() {
    return startedAt;
  }

  public boolean shuttingDown() {
    return stopping || node.pipeline().shuttingDown();
  }

  /** Framework internals, for the test kit and modules; not a stable API. */
  public Node internals() {
    return node;
  }

  /** Builds and starts an {@link Actionhero}. */
  public static final class Builder {
    private Path configDirectory = Path.of("config");
    private String environment;
    private Map<String, String> environmentVariables = System.getenv();
    private final Map<String, Object> settings = new LinkedHashMap<>();
    private final Map<String, Object> defaults = new LinkedHashMap<>();
    private final List<Plugin> plugins = new ArrayList<>();
    private boolean discoverPlugins = true;

    private Builder() {}

    /** Where YAML config lives ({@code ./config} by default); null for none. */
    public Builder configDirectory(Path directory) {
      this.configDirectory = directory;
      return this;
    }

    /** The environment ({@code ACTIONHERO_ENV} by default, else {@code development}). */
    public Builder environment(String environment) {
      this.environment = environment;
      return this;
    }

    /** The environment variables config reads (the process's by default). */
    public Builder environmentVariables(Map<String, String> variables) {
      this.environmentVariables = Map.copyOf(variables);
      return this;
    }

    /** Sets a config value by dotted key, after every other source: {@code set("web.port", 0)}. */
    public Builder set(String dottedKey, Object value) {
      settings.put(dottedKey, value);
      return this;
    }

    /**
     * The application's own default for a config key; config files, the environment and
     * {@link #set} still override it: {@code defaultValue("web.transport", "undertow")}.
     */
    public Builder defaultValue(String dottedKey, Object value) {
      defaults.put(dottedKey, value);
      return this;
    }

    /** Adds a plugin explicitly. */
    public Builder plugin(Plugin plugin) {
      plugins.add(plugin);
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
      Config.Builder config =
          Config.builder()
              .directory(configDirectory)
              .environment(environment)
              .environmentVariables(environmentVariables);
      for (Plugin p : all) {
        for (ConfigNamespace<?> ns : p.configNamespaces()) {
          config.namespace(ns);
        }
      }
      defaults.forEach(config::defaultValue);
      settings.forEach(config::set);
      Actionhero app = new Actionhero(config.build(), all);
      app.start();
      return app;
    }
  }
}
