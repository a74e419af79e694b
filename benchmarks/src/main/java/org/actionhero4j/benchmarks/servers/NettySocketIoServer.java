package org.actionhero4j.benchmarks.servers;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOServer;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A peer: netty-socketio (a Socket.IO server on Netty) with the Socket.IO peer's events, answered
 * through acks: {@code echo} ({@code {"message":m}} back), {@code join} (of {@code defaultRoom}),
 * {@code say} (OK to the sender, then {@code say} with the message to every member of the room,
 * the sender included). Its configuration is the library's default but for the address and, where
 * Netty's native epoll loads, the epoll transport the library offers for Linux. netty-socketio
 * serves no other HTTP, so {@code GET /api/heap} (a full GC, then the heap in use) is answered by
 * the JDK's HTTP server on {@code --heap-port} (default: port + 1000).
 *
 * <p>{@code java -cp ... NettySocketIoServer --port 8087 [--heap-port 9087]}
 */
public final class NettySocketIoServer {

  private static final String ROOM = "defaultRoom";

  private NettySocketIoServer() {}

  public static void main(String[] args) throws Exception {
    int port = ServerArgs.port(args, 8087);
    int heapPort = Integer.parseInt(ServerArgs.option(args, "heap-port", String.valueOf(port + 1000)));
    Configuration config = new Configuration();
    config.setHostname("127.0.0.1");
    config.setPort(port);
    config.setUseLinuxNativeEpoll(epollAvailable());
    SocketIOServer server = new SocketIOServer(config);
    Map<String, Object> ok = Map.of("status", "OK");
    server.addEventListener("echo", Map.class, (client, params, ack) -> {
      if (ack.isAckRequested()) {
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("message", params == null ? null : params.get("message"));
        ack.sendAckData(reply);
      }
    });
    server.addEventListener("join", String.class, (client, room, ack) -> {
      if (!ROOM.equals(room)) {
        ack.sendAckData(Map.of("error", "unknown room"));
        return;
      }
      client.joinRoom(room);
      ack.sendAckData(ok);
    });
    server.addEventListener("say", Map.class, (client, params, ack) -> {
      Object room = params == null ? null : params.get("room");
      if (!ROOM.equals(room)) {
        ack.sendAckData(Map.of("error", "unknown room"));
        return;
      }
      ack.sendAckData(ok);
      Map<String, Object> message = new LinkedHashMap<>();
      message.put("message", params.get("message"));
      message.put("room", ROOM);
      message.put("from", client.getSessionId().toString());
      message.put("sentAt", System.currentTimeMillis());
      server.getRoomOperations(ROOM).sendEvent("say", message);
    });
    server.start();

    HttpServer heap = HttpServer.create(new InetSocketAddress("127.0.0.1", heapPort), 16);
    heap.createContext("/api/heap", exchange -> {
      byte[] body = ("{\"heapUsed\":" + BareProtocol.heapAfterGc() + "}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    heap.start();
    System.out.println("netty-socketio on 127.0.0.1:" + port + " (epoll " + config.isUseLinuxNativeEpoll()
        + "), heap on 127.0.0.1:" + heapPort);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      heap.stop(0);
      server.stop();
    }));
    Thread.currentThread().join();
  }

  /** Whether Netty's native epoll loads here (its jar is on the runtime classpath only). */
  private static boolean epollAvailable() {
    try {
      return (Boolean) Class.forName("io.netty.channel.epoll.Epoll").getMethod("isAvailable").invoke(null);
    } catch (ReflectiveOperationException | LinkageError e) {
      return false;
    }
  }
}
