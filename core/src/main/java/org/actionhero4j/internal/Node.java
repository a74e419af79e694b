package org.actionhero4j.internal;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.actionhero4j.Action;
import org.actionhero4j.ActionMiddleware;
import org.actionhero4j.Actionhero;
import org.actionhero4j.ChatMiddleware;
import org.actionhero4j.ChatRooms;
import org.actionhero4j.ConnectionMiddleware;
import org.actionhero4j.Connections;
import org.actionhero4j.Initializer;
import org.actionhero4j.Plugin;
import org.actionhero4j.config.Config;
import org.actionhero4j.config.ErrorsConfig;
import org.actionhero4j.config.GeneralConfig;
import org.actionhero4j.config.RedisConfig;
import org.actionhero4j.config.RoutesConfig;
import org.actionhero4j.config.WebConfig;
import org.actionhero4j.config.WebsocketConfig;
import org.actionhero4j.internal.actions.CreateChatRoomAction;
import org.actionhero4j.internal.actions.StatusAction;
import org.actionhero4j.spi.ClusterBus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One running node: every registry and service, wired at start and torn down at stop. */
public final class Node {

  private static final Logger log = LoggerFactory.getLogger(Node.class);

  private final Actionhero app;
  private final Config config;
  private final String id;
  private final ErrorTexts errors;
  private final ExecutorService executor;
  private final ActionRegistry actions = new ActionRegistry();
  private final MiddlewareRegistry middleware = new MiddlewareRegistry();
  private final ClusterBus bus;
  private final ConnectionRegistry connections;
  private final RoomRegistry rooms;
  private final NodeCalls calls;
  private final ActionPipeline pipeline;
  private final VerbDispatcher verbs;
  private final Injector injector;
  private final List<Initializer> initializers = new ArrayList<>();
  private final List<Initializer> started = new ArrayList<>();
  private final List<org.actionhero4j.spi.ServedFile> publicFiles;
  private volatile boolean busStarted;

  public Node(Actionhero app, Config config, List<Plugin> plugins) {
    this.app = app;
    this.config = config;
    GeneralConfig general = config.general();
    this.id = general.id() == null || general.id().isBlank() ? generatedId() : general.id();
    this.errors = new ErrorTexts(config.errors());

    PluginRegistrations registrations = new PluginRegistrations(config);
    registrations.action(StatusAction.class).action(CreateChatRoomAction.class);
    for (Plugin plugin : plugins) {
      registrations.currentPlugin(plugin.name());
      plugin.register(registrations);
    }
    this.publicFiles = List.copyOf(registrations.publicFiles);
    this.executor = WorkerPool.create(general.actionThreads());
    this.bus = registrations.clusterBus() != null ? registrations.clusterBus() : new InMemoryClusterBus();
    this.connections = new ConnectionRegistry(middleware, bus, general.rpcTimeoutMillis());
    this.rooms =
        new RoomRegistry(bus, connections, middleware, errors, id, config.websocket().server().replayLimit());
    this.calls = new NodeCalls(id, general.serverToken(), general.rpcTimeoutMillis(), connections, rooms);
    this.pipeline = new ActionPipeline(actions, middleware, general, errors, executor);
    this.verbs = new VerbDispatcher(rooms, actions, errors);

    List<Module> modules = new ArrayList<>(registrations.modules);
    modules.add(0, new CoreModule());
    this.injector = Guice.createInjector(modules);
    registrations.actions.forEach(a -> actions.register(create(a, Action.class)));
    registrations.actionMiddleware.forEach(m -> middleware.add(create(m, ActionMiddleware.class)));
    registrations.connectionMiddleware.forEach(m -> middleware.add(create(m, ConnectionMiddleware.class)));
    registrations.chatMiddleware.forEach(m -> middleware.add(create(m, ChatMiddleware.class)));
    registrations.initializers.forEach(i -> initializers.add(create(i, Initializer.class)));
    checkMiddlewareNames();
  }

  private <T> T create(Object registered, Class<T> type) {
    if (registered instanceof Class<?> cls) {
      return type.cast(injector.getInstance(cls));
    }
    injector.injectMembers(registered);
    return type.cast(registered);
  }

  private void checkMiddlewareNames() {
    for (ActionRegistry.Registered r : actions.all()) {
      for (String name : r.definition().middleware()) {
        if (middleware.actionMiddleware(name).isEmpty()) {
          throw new IllegalStateException(
              "action '" + r.definition().name() + "' names middleware '" + name
                  + "', which no plugin registers");
        }
      }
    }
  }

  /** Starts the cluster bus, the initializers and the starting rooms. */
  public void start() throws Exception {
    bus.start(calls);
    busStarted = true;
    List<Initializer> ordered = new ArrayList<>(initializers);
    ordered.sort(Comparator.comparingInt(Initializer::startPriority));
    for (Initializer i : ordered) {
      log.debug("starting initializer {}", i.name());
      i.start();
      started.add(i);
    }
    for (String room : config.general().startingChatRooms().keySet()) {
      rooms.addIfAbsent(room);
    }
  }

  /**
   * Stops in order: no new actions, in-flight ones finish (bounded), connections end, initializers
   * stop, the bus stops, the workers stop.
   */
  public void stopActions() throws InterruptedException {
    pipeline.beginShutdown();
    long timeout = config.general().shutdownTimeoutMillis();
    if (!pipeline.awaitIdle(timeout)) {
      log.warn("{} actions still running after {} ms; stopping anyway", pipeline.inFlight(), timeout);
    }
  }

  /** Ends every connection; {@code reconnect} tells clients to come back (to another node). */
  public void endConnections(boolean reconnect) {
    for (LocalConnection c : List.copyOf(connections.all())) {
      connections.destroy(c, reconnect ? ConnectionRegistry.Ending.RECONNECT : ConnectionRegistry.Ending.DELIBERATE);
    }
  }

  public void stopServices() {
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
        bus.stop();
      } catch (RuntimeException e) {
        log.warn("cluster bus failed to stop: {}", e.toString());
      }
    }
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

  private static String generatedId() {
    String runtime = ManagementFactory.getRuntimeMXBean().getName();
    return runtime.replace('@', '-') + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public String id() {
    return id;
  }

  public Config config() {
    return config;
  }

  public ErrorTexts errors() {
    return errors;
  }

  public ExecutorService executor() {
    return executor;
  }

  public ActionRegistry actions() {
    return actions;
  }

  public MiddlewareRegistry middleware() {
    return middleware;
  }

  public ClusterBus bus() {
    return bus;
  }

  public ConnectionRegistry connections() {
    return connections;
  }

  public RoomRegistry rooms() {
    return rooms;
  }

  public NodeCalls calls() {
    return calls;
  }

  public ActionPipeline pipeline() {
    return pipeline;
  }

  public VerbDispatcher verbs() {
    return verbs;
  }

  /** Files plugins serve from memory under the public path. */
  public List<org.actionhero4j.spi.ServedFile> publicFiles() {
    return publicFiles;
  }

  public Injector injector() {
    return injector;
  }

  /** What the core binds in Guice for plugins to inject. */
  private final class CoreModule extends AbstractModule {
    @Override
    protected void configure() {
      bind(Actionhero.class).toInstance(app);
      bind(Config.class).toInstance(config);
      bind(GeneralConfig.class).toInstance(config.general());
      bind(WebConfig.class).toInstance(config.web());
      bind(WebsocketConfig.class).toInstance(config.websocket());
      bind(RoutesConfig.class).toInstance(config.routes());
      bind(ErrorsConfig.class).toInstance(config.errors());
      bind(RedisConfig.class).toInstance(config.redis());
      bind(ChatRooms.class).toInstance(rooms);
      bind(Connections.class).toInstance(connections);
      bind(ClusterBus.class).toInstance(bus);
    }
  }
}
