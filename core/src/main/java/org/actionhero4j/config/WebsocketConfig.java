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
          new Server("/primus", 30_000, 10 * 1024 * 1024, List.of(), 1024, 16 * 1024 * 1024, "close", 100),
          new Client("/api", "sessionID", new Reconnect(500, 30_000, 10, 2), 10_000, 0, 1000));

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
   */
  public record Server(
      String pathname,
      long pingInterval,
      int maxLength,
      List<String> origins,
      int outboundQueueMessages,
      int outboundQueueBytes,
      String slowConsumerPolicy,
      int replayLimit) {}

  /**
   * Defaults baked into the generated browser client.
   *
   * @param pingTimeout milliseconds without a server ping before the link counts as dead; 0 means
   *     1.5 times the server's pingInterval
   */
  public record Client(
      String apiPath,
      String cookieKey,
      Reconnect reconnect,
      long timeout,
      long pingTimeout,
      int queueSize) {}

  /** Reconnect back-off of the browser client. */
  public record Reconnect(long min, long max, int retries, double factor) {}
}
