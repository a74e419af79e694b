package org.actionhero4j.transport.jetty;

import org.actionhero4j.spi.support.InFlight;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.actionhero4j.spi.HttpExchange;
import org.actionhero4j.spi.HttpHandler;
import org.actionhero4j.spi.HttpResponse;
import org.actionhero4j.spi.SocketAcceptor;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.Configuration;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.server.Handshaker;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.core.server.WebSocketNegotiator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link HttpExchange} over one Jetty core request; completes Jetty's callback when answered. */
final class JettyHttpExchange implements HttpExchange {

  private static final Logger LOG = LoggerFactory.getLogger(JettyHttpExchange.class);
  private static final Handshaker HANDSHAKER = Handshaker.newInstance();
  private static final int MAX_FRAME_BYTES = 64 * 1024;

  private final Request request;
  private final Response response;
  private final Callback callback;
  private final JettyRunningServer server;
  private final AtomicBoolean completed = new AtomicBoolean();
  private final AtomicBoolean bodyRead = new AtomicBoolean();

  JettyHttpExchange(
      Request request, Response response, Callback callback, JettyRunningServer server) {
    this.request = request;
    this.response = response;
    this.callback = callback;
    this.server = server;
  }

  /** Runs core's handler; if it throws before answering, the request is failed with a 500. */
  void dispatch(HttpHandler handler) {
    try {
      handler.handle(this);
    } catch (Throwable t) {
      LOG.error("HTTP handler failed for {} {}", method(), rawPath(), t);
      if (completed.compareAndSet(false, true)) {
        response.setStatus(500);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, "0");
        response.write(true, null, callback);
      }
    }
  }

  @Override
  public String method() {
    return request.getMethod().toUpperCase(Locale.ROOT);
  }

  @Override
  public String rawPath() {
    String path = request.getHttpURI().getPath();
    return path == null || path.isEmpty() ? "/" : path;
  }

  @Override
  public String rawQuery() {
    String query = request.getHttpURI().getQuery();
    return query == null ? "" : query;
  }

  @Override
  public List<String> headers(String name) {
    List<String> values = request.getHeaders().getValuesList(name);
    return values == null ? List.of() : List.copyOf(values);
  }

  @Override
  public List<String> headerNames() {
    HttpFields fields = request.getHeaders();
    List<String> names = new ArrayList<>(fields.size());
    Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (HttpField field : fields) {
      if (seen.add(field.getName())) {
        names.add(field.getName());
      }
    }
    return names;
  }

  @Override
  public boolean secure() {
    return request.isSecure();
  }

  @Override
  public InetSocketAddress remoteAddress() {
    SocketAddress remote = request.getConnectionMetaData().getRemoteSocketAddress();
    return remote instanceof InetSocketAddress inet ? inet : null;
  }

  @Override
  public void readBody(int maxBytes, Consumer<byte[]> onBody, Consumer<Throwable> onError) {
    if (!bodyRead.compareAndSet(false, true)) {
      onError.accept(new IllegalStateException("request body already read"));
      return;
    }
    long declared = request.getLength();
    if (declared > maxBytes) {
      onError.accept(new BodyTooLargeException(maxBytes));
      return;
    }
    new BodyReader(maxBytes, declared, onBody, onError).run();
  }

  /** Reads chunks as they arrive, never blocking: when none is ready it asks for a demand call. */
  private final class BodyReader implements Runnable {
    private final int maxBytes;
    private final Consumer<byte[]> onBody;
    private final Consumer<Throwable> onError;
    private final ByteArrayOutputStream body;

    BodyReader(int maxBytes, long declared, Consumer<byte[]> onBody, Consumer<Throwable> onError) {
      this.maxBytes = maxBytes;
      this.onBody = onBody;
      this.onError = onError;
      this.body = new ByteArrayOutputStream(declared > 0 ? (int) declared : 256);
    }

    @Override
    public void run() {
      while (true) {
        Content.Chunk chunk;
        try {
          chunk = request.read();
        } catch (Throwable t) {
          onError.accept(t);
          return;
        }
        if (chunk == null) {
          request.demand(this);
          return;
        }
        if (Content.Chunk.isFailure(chunk)) {
          onError.accept(chunk.getFailure());
          return;
        }
        try {
          ByteBuffer buffer = chunk.getByteBuffer();
          if (body.size() + buffer.remaining() > maxBytes) {
            onError.accept(new BodyTooLargeException(maxBytes));
            return;
          }
          byte[] bytes = new byte[buffer.remaining()];
          buffer.get(bytes);
          body.write(bytes, 0, bytes.length);
        } finally {
          chunk.release();
        }
        if (chunk.isLast()) {
          onBody.accept(body.toByteArray());
          return;
        }
      }
    }
  }

  @Override
  public void respond(HttpResponse answer) {
    if (!completed.compareAndSet(false, true)) {
      throw new IllegalStateException("exchange already answered");
    }
    response.setStatus(answer.status());
    HttpFields.Mutable out = response.getHeaders();
    if (answer.headers() != null) {
      for (Map.Entry<String, List<String>> header : answer.headers().entrySet()) {
        if (header.getValue() == null) {
          continue;
        }
        for (String value : header.getValue()) {
          out.add(header.getKey(), value);
        }
      }
    }
    byte[] body = answer.body() == null ? new byte[0] : answer.body();
    out.put(HttpHeader.CONTENT_LENGTH, String.valueOf(body.length));
    InFlight inFlight = server.responses();
    inFlight.begin();
    Callback done = Callback.from(callback, inFlight::end);
    if (body.length == 0 || HttpMethod.HEAD.is(request.getMethod())) {
      response.write(true, null, done);
    } else {
      response.write(true, ByteBuffer.wrap(body), done);
    }
  }

  @Override
  public void upgrade(SocketAcceptor acceptor) {
    if (!completed.compareAndSet(false, true)) {
      throw new IllegalStateException("exchange already answered");
    }
    ServerSideNegotiator negotiator = new ServerSideNegotiator(acceptor);
    boolean upgraded;
    try {
      upgraded =
          HANDSHAKER.upgradeRequest(
              negotiator, request, response, callback, server.components(), null);
    } catch (Throwable t) {
      LOG.debug("WebSocket upgrade failed for {}", rawPath(), t);
      callback.failed(t);
      return;
    }
    if (!upgraded) {
      // Core promised an upgrade request; this one cannot be upgraded.
      LOG.debug("not a valid RFC 6455 upgrade request: {} {}", method(), rawPath());
      response.setStatus(400);
      response.getHeaders().put(HttpHeader.CONTENT_LENGTH, "0");
      response.write(true, null, callback);
    }
  }

  /** Accepts the upgrade with no subprotocol and no extension, and sets the socket limits. */
  private final class ServerSideNegotiator implements WebSocketNegotiator {
    private final SocketAcceptor acceptor;

    ServerSideNegotiator(SocketAcceptor acceptor) {
      this.acceptor = acceptor;
    }

    @Override
    public FrameHandler negotiate(
        ServerUpgradeRequest upgradeRequest,
        ServerUpgradeResponse upgradeResponse,
        Callback negotiationCallback) {
      upgradeResponse.setExtensions(List.of());
      upgradeResponse.setAcceptedSubProtocol(null);
      return new JettySocketSession(server, acceptor);
    }

    @Override
    public void customize(Configuration configuration) {
      int max = server.binding().maxMessageBytes();
      configuration.setMaxTextMessageSize(max);
      configuration.setMaxBinaryMessageSize(max);
      // Inbound frames are handed over in pieces of at most MAX_FRAME_BYTES (never buffered whole)
      // and JettySocketSession enforces maxMessageBytes on the reassembled message; outbound
      // messages larger than that go out fragmented.
      configuration.setMaxFrameSize(MAX_FRAME_BYTES);
      configuration.setAutoFragment(true);
      long idle = server.binding().socketIdleTimeoutMillis();
      configuration.setIdleTimeout(java.time.Duration.ofMillis(idle > 0 ? idle : 0));
    }
  }
}
