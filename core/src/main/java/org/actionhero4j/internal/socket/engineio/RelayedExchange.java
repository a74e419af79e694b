package org.actionhero4j.internal.socket.engineio;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.actionhero4j.spi.HttpExchange;
import org.actionhero4j.spi.HttpResponse;
import org.actionhero4j.spi.SocketAcceptor;

/**
 * A polling request another node received and relayed to this one (see {@link SessionRelay}): its
 * answer completes {@code response} instead of going to a socket. It can be answered, never
 * upgraded.
 *
 * @param headerValues the relayed headers, by case-insensitive name
 */
record RelayedExchange(
    String method,
    String rawPath,
    String rawQuery,
    Map<String, List<String>> headerValues,
    boolean secure,
    InetSocketAddress remoteAddress,
    byte[] body,
    CompletableFuture<HttpResponse> response)
    implements HttpExchange {

  /** The request as {@link SessionRelay} encoded it. */
  static RelayedExchange of(Map<String, Object> m) {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    SessionRelay.readHeaders(m.get("headers"), headers);
    Object body = m.get("body");
    int port = m.get("port") instanceof Number n ? n.intValue() : 0;
    return new RelayedExchange(
        String.valueOf(m.get("method")).toUpperCase(Locale.ROOT),
        String.valueOf(m.get("path")),
        m.get("query") == null ? "" : String.valueOf(m.get("query")),
        headers,
        Boolean.TRUE.equals(m.get("secure")),
        InetSocketAddress.createUnresolved(String.valueOf(m.getOrDefault("ip", "")), Math.max(0, Math.min(port, 65535))),
        body == null ? new byte[0] : String.valueOf(body).getBytes(StandardCharsets.UTF_8),
        new CompletableFuture<>());
  }

  @Override
  public List<String> headers(String name) {
    return headerValues.getOrDefault(name, List.of());
  }

  @Override
  public List<String> headerNames() {
    return List.copyOf(headerValues.keySet());
  }

  @Override
  public void readBody(int maxBytes, Consumer<byte[]> onBody, Consumer<Throwable> onError) {
    if (body.length > maxBytes) {
      onError.accept(new BodyTooLargeException(maxBytes));
    } else {
      onBody.accept(body);
    }
  }

  @Override
  public void respond(HttpResponse r) {
    if (!response.complete(r)) {
      throw new IllegalStateException("a relayed request was answered twice");
    }
  }

  @Override
  public void upgrade(SocketAcceptor acceptor) {
    throw new UnsupportedOperationException("a relayed request cannot become a WebSocket");
  }
}
