package org.actionhero4j;

import java.util.List;
import java.util.Map;

/**
 * One client: a socket, an HTTP request, or a test connection. Created by the framework.
 *
 * <p>Connections held by this node are found with {@link Connections}; a connection on another
 * node of a cluster is reached through {@link Connections#send(String, Object)}.
 */
public interface Connection {

  /** Connection type of WebSocket clients. */
  String WEBSOCKET = "websocket";
  /** Connection type of HTTP requests. */
  String WEB = "web";
  /** Connection type of {@link org.actionhero4j.testing.SpecHelper} connections. */
  String TEST = "testServer";

  /** A unique id. */
  String id();

  /** {@link #WEBSOCKET}, {@link #WEB}, {@link #TEST}, or a plugin's own type. */
  String type();

  /** Identifies the browser across connections (the {@code sessionID} cookie). */
  String fingerprint();

  /** The client's address (the first {@code X-Forwarded-For} hop when behind a proxy). */
  String remoteIp();

  /** The client's port. */
  int remotePort();

  /** Epoch milliseconds. */
  long connectedAt();

  /** The rooms this connection is in, in join order. */
  List<String> rooms();

  /** The params of the latest request (reset for every request). */
  Map<String, Object> params();

  /** Per-connection data kept between requests; thread-safe. */
  Map<String, Object> session();

  /** Every action attempt, failed ones included. */
  int totalActions();

  /** Actions started and not yet answered. */
  int pendingActions();

  /** The id of the latest inbound message. */
  MessageId messageId();

  /** Whether the connection may join rooms (sockets and test connections). */
  boolean canChat();

  /** Whether the connection has ended. */
  boolean destroyed();

  /**
   * Pushes a message to the client: a {@code Map}, a record or a POJO, encoded to JSON at once (so
   * changing it afterwards changes nothing). {@code context} defaults to {@code "response"}, and a
   * response without {@code messageId} gets the latest inbound one.
   */
  void send(Object message);

  /** Closes the connection for good: middleware runs, rooms are left, the client does not reconnect. */
  void destroy();
}
