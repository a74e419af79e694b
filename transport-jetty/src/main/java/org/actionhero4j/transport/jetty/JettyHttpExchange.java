package org.actionhero4j.transport.jetty;

import org.actionhero4j.spi.support.HttpExchangeBase;
import org.actionhero4j.spi.support.InFlight;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.actionhero4j.spi.HttpExchange;
import org.actionhero4j.spi.SocketAcceptor;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
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
final class JettyHttpExchange extends HttpExchangeBase {

  private static final Logger LOG = LoggerFactory.getLogger(JettyHttpExchange.class);
  private static final Handshaker HANDSHAKER = Handshaker.newInstance();
  private static final int MAX_FRAME_BYTES = 64 * 1024;

  private final Request request;
  private final Response response;
  private final Callback callback;
  private final JettyRunningServer server;

  JettyHttpExchange(
      Request request, Response response, Callback callback, JettyRunningServer server) {
    this.request = request;
    this.response = response;
    this.callback = callback;
    this.server = server;
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
  protected long declaredLength() {
    return request.getLength();
  }

  @Override
  protected void readBody(int maxBytes, long declared, Consumer<byte[]> onBody, Consumer<Throwable> onError) {
    // Jetty sends "100 Continue" itself on the first read; one byte over the limit means too big.
    Content.Source.asByteArrayAsync(request, maxBytes + 1)
        .whenComplete(
            (body, failure) -> {
              Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
              if (cause instanceof IllegalStateException || (body != null && body.length > maxBytes)) {
                // Jetty's accumulator refuses the chunk that would pass its capacity
                onError.accept(new BodyTooLargeException(maxBytes));
              } else if (cause != null) {
                onError.accept(cause);
              } else {
                onBody.accept(body);
              }
            });
  }

  @Override
  protected void send(int status, Map<String, List<String>> headers, byte[] body, boolean head) {
    response.setStatus(status);
    HttpFields.Mutable out = response.getHeaders();
    forEachHeader(headers, out::add);
    out.put(HttpHeader.CONTENT_LENGTH, String.valueOf(body.length));
    InFlight inFlight = server.responses();
    inFlight.begin();
    Callback done = Callback.from(callback, inFlight::end);
    response.write(true, body.length == 0 || head ? null : ByteBuffer.wrap(body), done);
  }

  @Override
  protected void startUpgrade(SocketAcceptor acceptor) {
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
      // Inbound frames are handed over in pieces of at most MAX_FRAME_BYTES; Jetty's message sinks
      // assemble them and enforce maxMessageBytes (1009). Larger outbound messages go out
      // fragmented.
      configuration.setMaxFrameSize(MAX_FRAME_BYTES);
      configuration.setAutoFragment(true);
      long idle = server.binding().socketIdleTimeoutMillis();
      configuration.setIdleTimeout(java.time.Duration.ofMillis(idle > 0 ? idle : 0));
    }
  }
}
