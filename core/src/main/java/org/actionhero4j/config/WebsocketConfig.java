package org.actionhero4j.config;

import java.util.List;

/**
 * The {@code websocket} namespace, with its {@code server} (Primus) and {@code client} (browser
 * library) sections as in Actionhero's {@code config/websocket.ts}.
 */
public record WebsocketConfig(
    boolean enabled,
    String clientUrl,
    String clientJsPath,
    String clientJsName,
    boolean writeClientJs,
    boolean destroyClientsOnShutdown,
    Server server,
    Client client) {

  /** The built-in defaults. */
  public static final WebsocketConfig DEFAULTS =
      new WebsocketConfig(
          true,
          "window.location.origin",
          "javascript/",
          "ActionheroWebsocketClient",
          false,
          false,
          new Server(
              "/primus",
              30_000,
              10 * 1024 * 1024,
              List.of(),
              1024,
              16 * 1024 * 1024,
              "close",
              100,
              List.of("websocket", "polling"),
              new EngineIo(25_000, 20_000, 0)),
          new Client(
              "/api",
              "sessionID",
              new Reconnect(500, 30_000, 10, 2),
              10_000,
              0,
              1000,
              List.of("websocket", "polling")));

  /**
   * The socket server.
   *
   * @param pathname where sockets upgrade (prefix match)
   * @param pingInterval milliseconds between server heartbeats; 0 disables them
   * @param maxLength largest inbound message in bytes; larger closes with 1009
   * @param origins origins allowed to open sockets; {@code "*"} allows any; empty allows
   *     same-origin and Origin-less clients
   * @param outboundQueueMessages how many frames may wait to be written to one socket
   * @param outboundQueueBytes how many bytes (UTF-8) may wait to be written to one socket; a frame
   *     written while none waits always goes out, so this bounds the backlog, never one message
   *     (the default, 16 MiB, is above {@code maxLength})
   * @param slowConsumerPolicy what happens beyond those bounds: {@code close} (1008) or {@code drop}
   * @param replayLimit how many missed chat messages a {@code roomAdd} with {@code since} (the last
   *     message id a client saw) replays at most
   * @param transports what carries Engine.IO sessions ({@code EIO=4} requests): {@code websocket},
   *     {@code polling} (HTTP long-polling), or both; raw Primus WebSockets are always accepted
   * @param engineIo the Engine.IO server's heartbeat and payload limit
   */
  public record Server(
      String pathname,
      long pingInterval,
      int maxLength,
      List<String> origins,
      int outboundQueueMessages,
      int outboundQueueBytes,
      String slowConsumerPolicy,
      int replayLimit,
      List<String> transports,
      EngineIo engineIo) {}

  /**
   * The Engine.IO v4 server (the long-polling fallback), with the defaults Primus gives its
   * engine.io server.
   *
   * @param pingInterval milliseconds between Engine.IO pings
   * @param pingTimeout milliseconds a pong may take before the session is closed
   * @param maxPayload largest POST body in bytes (413 beyond); 0 means {@code maxLength}
   */
  public record EngineIo(long pingInterval, long pingTimeout, int maxPayload) {}

  /**
   * Defaults baked into the generated browser client.
   *
   * @param pingTimeout milliseconds without a server ping before the link counts as dead; 0 means
   *     1.5 times the server's pingInterval
   * @param transports what may carry the socket, in order of preference: {@code websocket} (raw
   *     Primus framing), {@code polling} (Engine.IO long-polling, upgraded to WebSocket when one
   *     gets through)
   */
  public record Client(
      String apiPath,
      String cookieKey,
      Reconnect reconnect,
      long timeout,
      long pingTimeout,
      int queueSize,
      List<String> transports) {}

  /** Reconnect back-off of the browser client. */
  public record Reconnect(long min, long max, int retries, double factor) {}
}
