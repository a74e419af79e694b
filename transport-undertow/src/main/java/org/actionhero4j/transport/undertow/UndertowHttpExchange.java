package org.actionhero4j.transport.undertow;

import org.actionhero4j.spi.support.HttpExchangeBase;
import org.actionhero4j.spi.support.InFlight;
import io.undertow.io.IoCallback;
import io.undertow.io.Receiver;
import io.undertow.io.Sender;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.server.protocol.http.HttpContinue;
import io.undertow.util.HeaderMap;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.util.SameThreadExecutor;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.protocol.version13.Hybi13Handshake;
import io.undertow.websockets.spi.AsyncWebSocketHttpServerExchange;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.actionhero4j.spi.HttpExchange;
import org.actionhero4j.spi.SocketAcceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link HttpExchange} over one Undertow {@link HttpServerExchange}. */
final class UndertowHttpExchange extends HttpExchangeBase {

  private static final Logger LOG = LoggerFactory.getLogger(UndertowHttpExchange.class);

  private final HttpServerExchange exchange;
  private final UndertowRunningServer server;

  UndertowHttpExchange(HttpServerExchange exchange, UndertowRunningServer server) {
    this.exchange = exchange;
    this.server = server;
  }

  @Override
  public String method() {
    return exchange.getRequestMethod().toString().toUpperCase(Locale.ROOT);
  }

  @Override
  public String rawPath() {
    String uri = exchange.getRequestURI();
    if (exchange.isHostIncludedInRequestURI()) {
      // absolute-form request target (http://host:port/path): keep the path only
      int scheme = uri.indexOf("://");
      int slash = uri.indexOf('/', scheme < 0 ? 0 : scheme + 3);
      uri = slash < 0 ? "/" : uri.substring(slash);
    }
    return uri.isEmpty() ? "/" : uri;
  }

  @Override
  public String rawQuery() {
    String query = exchange.getQueryString();
    return query == null ? "" : query;
  }

  @Override
  public List<String> headers(String name) {
    HeaderValues values = exchange.getRequestHeaders().get(name);
    return values == null ? List.of() : List.copyOf(values);
  }

  @Override
  public List<String> headerNames() {
    HeaderMap headers = exchange.getRequestHeaders();
    List<String> names = new ArrayList<>(headers.size());
    for (HttpString name : headers.getHeaderNames()) {
      names.add(name.toString());
    }
    return names;
  }

  @Override
  public boolean secure() {
    return exchange.getConnection().getSslSessionInfo() != null;
  }

  @Override
  public InetSocketAddress remoteAddress() {
    return exchange.getConnection().getPeerAddress(InetSocketAddress.class);
  }

  @Override
  protected long declaredLength() {
    return exchange.getRequestContentLength();
  }

  @Override
  protected void readBody(int maxBytes, long declared, Consumer<byte[]> onBody, Consumer<Throwable> onError) {
    // The listener sets no entity cap (its chunked decoder takes the cap before core can say one),
    // so a declared length is capped here and chunked bodies by the receiver below.
    if (declared >= 0) {
      exchange.setMaxEntitySize(maxBytes);
    } else {
      StrictChunks.install(exchange);
    }
    if (HttpContinue.requiresContinueResponse(exchange)) {
      // The client waits for "100 Continue" before it sends the body.
      HttpContinue.sendContinueResponse(
          exchange,
          new IoCallback() {
            @Override
            public void onComplete(HttpServerExchange ex, Sender sender) {
              ex.dispatch(SameThreadExecutor.INSTANCE, () -> receive(maxBytes, onBody, onError));
            }

            @Override
            public void onException(HttpServerExchange ex, Sender sender, IOException e) {
              ex.dispatch(SameThreadExecutor.INSTANCE, () -> onError.accept(e));
            }
          });
      return;
    }
    receive(maxBytes, onBody, onError);
  }

  private void receive(int maxBytes, Consumer<byte[]> onBody, Consumer<Throwable> onError) {
    Receiver receiver = exchange.getRequestReceiver();
    receiver.setMaxBufferSize(maxBytes);
    // Undertow may run these callbacks as a root handler, which ends the exchange on return
    // unless it is dispatched: dispatching keeps it open for core's later respond().
    receiver.receiveFullBytes(
        (ex, bytes) -> ex.dispatch(SameThreadExecutor.INSTANCE, () -> onBody.accept(bytes)),
        (ex, e) ->
            ex.dispatch(
                SameThreadExecutor.INSTANCE,
                () -> onError.accept(isTooBig(e) ? new BodyTooLargeException(maxBytes) : e)));
  }

  private static boolean isTooBig(Throwable e) {
    return e instanceof RequestTooBigException || e instanceof Receiver.RequestToLargeException;
  }

  @Override
  protected void send(int status, Map<String, List<String>> headers, byte[] body, boolean head) {
    if (!exchange.isInIoThread()) {
      // Completed on the connection's IO thread: completing from a worker makes Undertow resume
      // reads across threads, and its read listener spins on the IO thread until that is done.
      exchange.getIoThread().execute(() -> send(status, headers, body, head));
      return;
    }
    exchange.setStatusCode(status);
    HeaderMap out = exchange.getResponseHeaders();
    forEachHeader(headers, (name, value) -> out.add(new HttpString(name), value));
    out.put(Headers.CONTENT_LENGTH, body.length);
    InFlight inFlight = server.responses();
    inFlight.begin();
    exchange.addExchangeCompleteListener(
        (ex, next) -> {
          inFlight.end();
          next.proceed();
        });
    if (body.length == 0 || head) {
      exchange.endExchange();
    } else {
      exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }
  }

  @Override
  protected void startUpgrade(SocketAcceptor acceptor) {
    AsyncWebSocketHttpServerExchange facade =
        new AsyncWebSocketHttpServerExchange(exchange, server.peerConnections());
    // RFC 6455 only; no subprotocols, extensions (permessage-deflate) not allowed.
    Hybi13Handshake handshake = new Hybi13Handshake();
    if (!Methods.GET.equals(exchange.getRequestMethod()) || !handshake.matches(facade)) {
      // Core promised an upgrade request; this one cannot be upgraded.
      LOG.debug("not a valid RFC 6455 upgrade request: {} {}", method(), rawPath());
      exchange.setStatusCode(400);
      exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, 0);
      exchange.endExchange();
      return;
    }
    exchange.upgradeChannel(
        (connection, ex) -> {
          WebSocketChannel channel =
              handshake.createChannel(facade, connection, facade.getBufferPool());
          server.peerConnections().add(channel);
          server.socketOpened(channel, acceptor);
        });
    handshake.handshake(facade);
  }
}
