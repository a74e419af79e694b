package org.actionhero4j.internal.boot;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.actionhero4j.Action;
import org.actionhero4j.ActionCatalog;
import org.actionhero4j.ActionMiddleware;
import org.actionhero4j.Actionhero;
import org.actionhero4j.ChatMiddleware;
import org.actionhero4j.ChatRooms;
import org.actionhero4j.ConnectionMiddleware;
import org.actionhero4j.Connections;
import org.actionhero4j.HttpEndpoint;
import org.actionhero4j.Initializer;
import org.actionhero4j.config.Config;
import org.actionhero4j.config.ErrorsConfig;
import org.actionhero4j.config.GeneralConfig;
import org.actionhero4j.config.RedisConfig;
import org.actionhero4j.config.RoutesConfig;
import org.actionhero4j.config.WebConfig;
import org.actionhero4j.config.WebsocketConfig;
import org.actionhero4j.internal.actions.ActionPipeline;
import org.actionhero4j.internal.actions.ActionRegistry;
import org.actionhero4j.internal.cluster.NodeCalls;
import org.actionhero4j.internal.connections.ConnectionRegistry;
import org.actionhero4j.internal.connections.LocalConnection;
import org.actionhero4j.internal.middleware.MiddlewareRegistry;
import org.actionhero4j.internal.rooms.RoomRegistry;
import org.actionhero4j.internal.verbs.VerbDispatcher;
import org.actionhero4j.spi.ClusterBus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

/**
 * A running node: owns the lifecycle of the components {@link Boot} wired. Nothing happens in the
 * constructor; {@link #start()} starts the cluster bus, creates the injector and what plugins
 * registered, runs initializers, creates the starting rooms and opens the port.
 */
final class Application implements Actionhero {

  private static final Logger log = LoggerFactory.getLogger(Application.class);

  /** The components a node is made of, as {@link Boot} wired them. */
  record Parts(
      PluginRegistrations registrations,
      ExecutorService executor,
      ActionRegistry actions,
      MiddlewareRegistry middleware,
      ClusterBus bus,
      NodeCalls calls,
      ConnectionRegistry connections,
      RoomRegistry rooms,
      ActionPipeline pipeline,
      VerbDispatcher verbs,
      FrontDoor frontDoor,
      PluginEndpoints endpoints) {}

  private final Config config;
  private final String id;
  private final Parts parts;
  private final List<Initializer> started = new ArrayList<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile Instant startedAt = Instant.now();
  private volatile Optional<Injector> injector = Optional.empty();
  private volatile boolean busStarted;
  private volatile boolean stopping;

  Application(Config config, String id, Parts parts) {
    this.config = config;
    this.id = id;
    this.parts = parts;
  }

  void start() throws Exception {
    startedAt = Instant.now();
    try {
      parts.bus().start(parts.calls());
      busStarted = true;
      Injector created = createInjector();
      injector = Optional.of(created);
      List<Initializer> initializers = instantiate(created);
      initializers.sort(Comparator.comparingInt(Initializer::startPriority));
      for (Initializer i : initializers) {
        log.debug("starting initializer {}", i.name());
        i.start();
        started.add(i);
      }
      for (String room : config.general().startingChatRooms().keySet()) {
        parts.rooms().addIfAbsent(room);
      }
      parts.frontDoor().start();
    } catch (Exception e) {
      stop();
      throw e;
    }
    announce();
  }

  private Injector createInjector() {
    List<Module> modules = new ArrayList<>(parts.registrations().modules);
    modules.add(0, new CoreModule());
    return Guice.createInjector(modules);
  }

  private List<Initializer> instantiate(Injector created) {
    PluginRegistrations r = parts.registrations();
    r.actions.forEach(a -> parts.actions().register(create(created, a, Action.class)));
    r.actionMiddleware.forEach(m -> parts.middleware().add(create(created, m, ActionMiddleware.class)));
    r.connectionMiddleware.forEach(m -> parts.middleware().add(create(created, m, ConnectionMiddleware.class)));
    r.chatMiddleware.forEach(m -> parts.middleware().add(create(created, m, ChatMiddleware.class)));
    checkMiddlewareNames();
    r.endpoints.forEach(e -> parts.endpoints().add(create(created, e, HttpEndpoint.class)));
    List<Initializer> initializers = new ArrayList<>();
    r.initializers.forEach(i -> initializers.add(create(created, i, Initializer.class)));
    return initializers;
  }

  private static <T> T create(Injector injector, Object registered, Class<T> type) {
    if (registered instanceof Class<?> cls) {
      return type.cast(injector.getInstance(cls));
    }
    injector.injectMembers(registered);
    return type.cast(registered);
  }

  private void checkMiddlewareNames() {
    for (ActionRegistry.Registered r : parts.actions().all()) {
      for (String name : r.definition().middleware()) {
        if (parts.middleware().actionMiddleware(name).isEmpty()) {
          throw new IllegalStateException(
              "action '" + r.definition().name() + "' names middleware '" + name
                  + "', which no plugin registers");
        }
      }
    }
  }

  /** The start-up line; on stderr too when no SLF4J provider would show it. */
  private void announce() {
    String where =
        port().isPresent()
            ? "http://" + displayHost(config.web().bindIp()) + ":" + port().getAsInt() + " on "
                + transport().orElse("?")
            : "no web server (web.enabled is false)";
    String line = "actionhero4j " + VERSION + " started: " + where;
    log.info("{} (node {}, {} actions)", line, id, parts.actions().all().size());
    if (LoggerFactory.getILoggerFactory() instanceof NOPLoggerFactory) {
      System.err.println(line);
    }
  }

  private static String displayHost(String bindIp) {
    return bindIp.equals("0.0.0.0") || bindIp.equals("::") || bindIp.isBlank() ? "localhost" : bindIp;
  }

  @Override
  public synchronized void stop() {
    if (stopping) {
      return;
    }
    stopping = true;
    try {
      parts.frontDoor().stopAccepting();
      stopActions();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      boolean reconnect = !config.websocket().destroyClientsOnShutdown();
      for (LocalConnection c : parts.connections().all()) {
        parts.connections().destroy(
            c, reconnect ? ConnectionRegistry.Ending.RECONNECT : ConnectionRegistry.Ending.DELIBERATE);
      }
      parts.frontDoor().close();
      stopServices();
      stopped.countDown();
      log.info("actionhero4j node {} stopped", id);
    }
  }

  private void stopActions() throws InterruptedException {
    parts.pipeline().beginShutdown();
    long timeout = config.general().shutdownTimeoutMillis();
    if (!parts.pipeline().awaitIdle(timeout)) {
      log.warn("{} actions still running after {} ms; stopping anyway", parts.pipeline().inFlight(), timeout);
    }
  }

  private void stopServices() {
    List<Initializer> ordered = new ArrayList<>(started);
    ordered.sort(Comparator.comparingInt(Initializer::stopPriority));
    for (Initializer i : ordered) {
      try {
        i.stop();
      } catch (Exception e) {
        log.warn("initializer {} failed to stop: {}", i.name(), e.toString(), e);
      }
    }
    started.clear();
    if (busStarted) {
      busStarted = false;
      try {
        parts.bus().stop();
      } catch (RuntimeException e) {
        log.warn("cluster bus failed to stop: {}", e.toString());
      }
    }
    ExecutorService executor = parts.executor();
    executor.shutdown();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      executor.shutdownNow();
    }
  }

  @Override
  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Config config() {
    return config;
  }

  @Override
  public ChatRooms chatRooms() {
    return parts.rooms();
  }

  @Override
  public Connections connections() {
    return parts.connections();
  }

  @Override
  public Injector injector() {
    return injector.orElseThrow(() -> new IllegalStateException("the application has not started"));
  }

  @Override
  public OptionalInt port() {
    return parts.frontDoor().port();
  }

  @Override
  public Optional<String> transport() {
    return parts.frontDoor().transportName();
  }

  @Override
  public Instant startedAt() {
    return startedAt;
  }

  @Override
  public boolean shuttingDown() {
    return stopping || parts.pipeline().shuttingDown();
  }

  @Override
  public String toString() {
    return "actionhero4j node " + id;
  }

  /**
   * What the core binds in Guice: the public services for plugins, and the internal ones for the
   * test kit ({@code org.actionhero4j.testing}), which has no other way in.
   */
  private final class CoreModule extends AbstractModule {
    @Override
    protected void configure() {
      bind(Actionhero.class).toInstance(Application.this);
      bind(Config.class).toInstance(config);
      bind(GeneralConfig.class).toInstance(config.general());
      bind(WebConfig.class).toInstance(config.web());
      bind(WebsocketConfig.class).toInstance(config.websocket());
      bind(RoutesConfig.class).toInstance(config.routes());
      bind(ErrorsConfig.class).toInstance(config.errors());
      bind(RedisConfig.class).toInstance(config.redis());
      bind(ChatRooms.class).toInstance(parts.rooms());
      bind(Connections.class).toInstance(parts.connections());
      bind(ClusterBus.class).toInstance(parts.bus());
      bind(ConnectionRegistry.class).toInstance(parts.connections());
      bind(ActionPipeline.class).toInstance(parts.pipeline());
      bind(ActionRegistry.class).toInstance(parts.actions());
      bind(ActionCatalog.class).toInstance(parts.actions());
      bind(MiddlewareRegistry.class).toInstance(parts.middleware());
      bind(VerbDispatcher.class).toInstance(parts.verbs());
      bind(NodeCalls.class).toInstance(parts.calls());
    }
  }
}
