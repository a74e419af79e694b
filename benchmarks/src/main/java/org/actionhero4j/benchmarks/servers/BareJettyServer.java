package org.actionhero4j.benchmarks.servers;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.WebSocketComponents;
import org.eclipse.jetty.websocket.core.server.Handshaker;
import org.eclipse.jetty.websocket.core.server.WebSocketNegotiator;
import org.eclipse.jetty.websocket.core.server.WebSocketServerComponents;

/**
 * The ceiling on Jetty 12: Jetty's core (no Servlet) HTTP handler and core WebSocket frame
 * handler, with {@link BareProtocol}, no framework; the same APIs actionhero4j's Jetty transport
 * uses.
 *
 * <p>{@code java -cp ... BareJettyServer --port 8083}
 */
public final class BareJettyServer {

  private static final Handshaker HANDSHAKER = Handshaker.newInstance();

  private BareJettyServer() {}

  public static void main(String[] args) throws Exception {
    int port = ServerArgs.port(args, 8083);
    QueuedThreadPool threads = new QueuedThreadPool();
    threads.setName("bare-jetty");
    Server server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    connector.setAcceptQueueSize(1024);
    server.addConnector(connector);
    BareProtocol<CoreSession> protocol =
        new BareProtocol<>((session, text) -> session.sendFrame(new Frame(OpCode.TEXT, true, text), Callback.NOOP, false));
    WebSocketComponents components = WebSocketServerComponents.ensureWebSocketComponents(server);
    server.setHandler(new Handler.Abstract.NonBlocking() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        if (path.startsWith("/primus")) {
          WebSocketNegotiator negotiator = new WebSocketNegotiator.AbstractNegotiator() {
            @Override
            public FrameHandler negotiate(
                org.eclipse.jetty.websocket.core.server.ServerUpgradeRequest req,
                org.eclipse.jetty.websocket.core.server.ServerUpgradeResponse res,
                Callback cb) {
              res.setExtensions(List.of());
              return new Socket(protocol);
            }

            @Override
            public void customize(org.eclipse.jetty.websocket.core.Configuration configuration) {
              super.customize(configuration);
              configuration.setIdleTimeout(java.time.Duration.ZERO); // idle sockets stay, as on the others
            }
          };
          if (HANDSHAKER.upgradeRequest(negotiator, request, response, callback, components, null)) {
            return true;
          }
          response.setStatus(400);
          response.write(true, null, callback);
          return true;
        }
        if (path.equals("/api/heap")) {
          // GC off the selector: run it on the pool
          server.getThreadPool().execute(() -> answer(request, response, callback, path));
          return true;
        }
        answer(request, response, callback, path);
        return true;
      }
    });
    server.start();
    System.out.println("bare jetty on 127.0.0.1:" + port);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.stop();
      } catch (Exception ignored) {
        // exiting
      }
    }));
    server.join();
  }

  private static void answer(Request request, Response response, Callback callback, String path) {
    String body = BareProtocol.http(path, request.getHttpURI().getQuery());
    if (body == null) {
      response.setStatus(404);
      body = "{\"error\":\"not found\"}";
    }
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
  }

  /** One socket: whole text frames to {@link BareProtocol}; the next frame is demanded after. */
  private static final class Socket implements FrameHandler {
    private final BareProtocol<CoreSession> protocol;
    private CoreSession session;

    Socket(BareProtocol<CoreSession> protocol) {
      this.protocol = protocol;
    }

    @Override
    public void onOpen(CoreSession coreSession, Callback callback) {
      session = coreSession;
      protocol.onOpen(coreSession);
      callback.succeeded();
      coreSession.demand();
    }

    @Override
    public void onFrame(Frame frame, Callback callback) {
      if (frame.getOpCode() == OpCode.TEXT && frame.isFin()) {
        protocol.onText(session, frame.getPayloadAsUTF8());
      } else if (frame.getOpCode() == OpCode.PING) {
        session.sendFrame(new Frame(OpCode.PONG).setPayload(copy(frame.getPayload())), Callback.NOOP, false);
      }
      callback.succeeded();
      session.demand();
    }

    @Override
    public void onError(Throwable cause, Callback callback) {
      callback.succeeded();
    }

    @Override
    public void onClosed(CloseStatus closeStatus, Callback callback) {
      protocol.onClose(session);
      callback.succeeded();
    }

    private static ByteBuffer copy(ByteBuffer payload) {
      ByteBuffer copy = ByteBuffer.allocate(payload == null ? 0 : payload.remaining());
      if (payload != null) {
        copy.put(payload.slice()).flip();
      }
      return copy;
    }
  }
}
