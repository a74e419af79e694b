package org.actionhero4j.internal.web;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.actionhero4j.internal.Json;
import org.actionhero4j.spi.HttpExchange;
import org.actionhero4j.spi.HttpResponse;
import org.actionhero4j.spi.SocketAcceptor;

/** An HTTP exchange without a network: a request to hand in, and the one answer it records. */
public final class FakeExchange implements HttpExchange {

  private final String method;
  private final String path;
  private final String query;
  private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private byte[] body = new byte[0];
  private final CompletableFuture<HttpResponse> answer = new CompletableFuture<>();
  private int answers;
  private boolean secure;

  private FakeExchange(String method, String target) {
    this.method = method;
    int q = target.indexOf('?');
    this.path = q < 0 ? target : target.substring(0, q);
    this.query = q < 0 ? "" : target.substring(q + 1);
  }

  public static FakeExchange request(String method, String target) {
    return new FakeExchange(method, target);
  }

  public static FakeExchange get(String target) {
    return request("GET", target);
  }

  /** Marks the request as received over TLS. */
  FakeExchange overTls() {
    secure = true;
    return this;
  }

  @Override
  public boolean secure() {
    return secure;
  }

  public FakeExchange header(String name, String value) {
    headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    return this;
  }

  public FakeExchange body(String contentType, String text) {
    return body(contentType, text.getBytes(StandardCharsets.UTF_8));
  }

  public FakeExchange body(String contentType, byte[] bytes) {
    if (contentType != null) {
      header("Content-Type", contentType);
    }
    this.body = bytes;
    return this;
  }

  @Override
  public String method() {
    return method;
  }

  @Override
  public String rawPath() {
    return path;
  }

  @Override
  public String rawQuery() {
    return query;
  }

  @Override
  public List<String> headers(String name) {
    return headers.getOrDefault(name, List.of());
  }

  @Override
  public List<String> headerNames() {
    return List.copyOf(headers.keySet());
  }

  @Override
  public InetSocketAddress remoteAddress() {
    return new InetSocketAddress("127.0.0.1", 54321);
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
  public synchronized void respond(HttpResponse response) {
    answers++;
    if (!answer.complete(response)) {
      throw new IllegalStateException("exchange already answered");
    }
  }

  @Override
  public void upgrade(SocketAcceptor acceptor) {
    throw new UnsupportedOperationException("no upgrades in these tests");
  }

  synchronized int answers() {
    return answers;
  }

  /** The answer, waiting at most five seconds for it. */
  public Answer answer() throws Exception {
    return new Answer(answer.get(5, TimeUnit.SECONDS));
  }

  /** A recorded response with lookups by header name (any case). */
  public record Answer(HttpResponse response) {
    public int status() {
      return response.status();
    }

    String header(String name) {
      List<String> values = headers(name);
      return values.isEmpty() ? null : values.get(0);
    }

    List<String> headers(String name) {
      return response.headers().entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .toList();
    }

    public String text() {
      return new String(response.body(), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> json() {
      return (Map<String, Object>) Json.decode(text());
    }
  }
}
