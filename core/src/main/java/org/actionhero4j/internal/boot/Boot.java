package org.actionhero4j.internal.boot;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import org.actionhero4j.Actionhero;
import org.actionhero4j.Plugin;
import org.actionhero4j.config.Config;
import org.actionhero4j.config.GeneralConfig;
import org.actionhero4j.internal.ClusterCalls;
import org.actionhero4j.internal.ErrorTexts;
import org.actionhero4j.internal.InMemoryClusterBus;
import org.actionhero4j.internal.WorkerPool;
import org.actionhero4j.internal.actions.ActionPipeline;
import org.actionhero4j.internal.actions.ActionRegistry;
import org.actionhero4j.internal.builtin.CreateChatRoomAction;
import org.actionhero4j.internal.builtin.StatusAction;
import org.actionhero4j.internal.cluster.NodeCalls;
import org.actionhero4j.internal.connections.ConnectionRegistry;
import org.actionhero4j.internal.middleware.MiddlewareRegistry;
import org.actionhero4j.internal.rooms.RoomRegistry;
import org.actionhero4j.internal.socket.PrimusEndpoint;
import org.actionhero4j.internal.socket.engineio.SessionRelay;
import org.actionhero4j.internal.verbs.VerbDispatcher;
import org.actionhero4j.internal.web.RequestHosts;
import org.actionhero4j.internal.web.RequestScreen;
import org.actionhero4j.internal.web.StaticFiles;
import org.actionhero4j.internal.web.WebRequestHandler;
import org.actionhero4j.spi.ClusterBus;
import org.actionhero4j.spi.Observer;

/**
 * The composition root: the one place that knows every component and hands each, through its
 * constructor, exactly what it needs. Nothing imports this package; {@link Actionhero.Builder}
 * finds it through {@code META-INF/services}.
 */
public final class Boot implements Actionhero.Launcher {

  @Override
  public Actionhero launch(Config config, List<Plugin> plugins) throws Exception {
    GeneralConfig general = config.general();
    String id = general.id() == null || general.id().isBlank() ? generatedId() : general.id();
    ErrorTexts errors = new ErrorTexts(config.errors());

    PluginRegistrations registrations = new PluginRegistrations(config);
    registrations.action(StatusAction.class).action(CreateChatRoomAction.class);
    for (Plugin plugin : plugins) {
      registrations.currentPlugin(plugin.name());
      plugin.register(registrations);
    }

    ExecutorService executor = WorkerPool.create(general.actionThreads());
    ActionRegistry actions = new ActionRegistry();
    MiddlewareRegistry middleware = new MiddlewareRegistry();
    ClusterBus bus = registrations.provided(ClusterBus.class).orElseGet(InMemoryClusterBus::new);
    ClusterCalls calls = new ClusterCalls(general.rpcTimeoutMillis());
    ConnectionRegistry connections = new ConnectionRegistry(middleware, bus, calls);
    RoomRegistry rooms =
        new RoomRegistry(
            bus, connections, middleware, errors, calls, general, id, config.websocket().server().replayLimit());
    connections.onEnd(rooms::leaveAll);
    NodeCalls nodeCalls =
        new NodeCalls(id, general.serverToken(), general.rpcTimeoutMillis(), connections, rooms);
    Observer observer = registrations.provided(Observer.class).orElse(Observer.NONE);
    ActionPipeline pipeline = new ActionPipeline(actions, middleware, general, errors, executor, observer);
    VerbDispatcher verbs = new VerbDispatcher(rooms, actions, errors);

    RequestHosts hosts = new RequestHosts(config.web().allowedRequestHosts());
    StaticFiles staticFiles =
        new StaticFiles(
            general.paths().publicDirs().stream().map(Path::of).toList(), registrations.publicFiles);
    PrimusEndpoint primus =
        new PrimusEndpoint(
            config.websocket(),
            config.web(),
            general.welcomeMessage(),
            staticFiles,
            errors,
            executor,
            connections,
            pipeline,
            verbs,
            hosts,
            observer,
            new SessionRelay(id, bus, executor, general.rpcTimeoutMillis()));
    nodeCalls.registerAsync(SessionRelay.CALL, primus::answerRelayed);
    WebRequestHandler web =
        new WebRequestHandler(
            config.web(), config.routes(), general, errors, staticFiles, executor, connections, actions, pipeline, hosts);
    PluginEndpoints endpoints = new PluginEndpoints(executor, errors);
    FrontDoor frontDoor =
        new FrontDoor(
            config.web(),
            config.websocket(),
            errors,
            primus,
            web,
            new RequestScreen(hosts),
            endpoints,
            general.shutdownTimeoutMillis());

    Application app =
        new Application(
            config,
            id,
            new Application.Parts(
                registrations,
                executor,
                actions,
                middleware,
                bus,
                nodeCalls,
                connections,
                rooms,
                pipeline,
                verbs,
                frontDoor,
                endpoints));
    app.start();
    return app;
  }

  private static String generatedId() {
    String runtime = ManagementFactory.getRuntimeMXBean().getName();
    return runtime.replace('@', '-') + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
