package org.actionhero4j.tck;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real Engine.IO v4 client over HTTP long-polling (and WebSocket for upgrades), written from the
 * protocol: it polls and posts only when told to, so tests decide every request.
 */
public final class TckEngineIo {

  public static final String SEPARATOR = "\u001e";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final int port;
  private final String sid;
  private final Map<String, Object> open;
  private final String[] headers;

  private TckEngineIo(int port, String sid, Map<String, Object> open, String[] headers) {
    this.port = port;
    this.sid = sid;
    this.open = open;
    this.headers = headers;
  }

  /** Opens a polling session; {@code headers} go on every request. */
  @SuppressWarnings("unchecked")
  public static TckEngineIo handshake(int port, String... headers) throws Exception {
    HttpResponse<String> r = get(port, "/primus/?EIO=4&transport=polling&t=tck", headers);
    if (r.statusCode() != 200 || !r.body().startsWith("0")) {
      throw new AssertionError("handshake failed: " + r.statusCode() + " " + r.body());
    }
    Map<String, Object> open = (Map<String, Object>) TckJson.decode(r.body().substring(1));
    return new TckEngineIo(port, (String) open.get("sid"), open, headers);
  }

  /**
   * The same session, its requests sent to another port (another node of a cluster, as a load
   * balancer without sticky sessions would).
   */
  public TckEngineIo via(int otherPort) {
    return new TckEngineIo(otherPort, sid, open, headers);
  }

  public String sid() {
    return sid;
  }

  /** The handshake's open packet, decoded. */
  public Map<String, Object> openPacket() {
    return open;
  }

  /** The query of this session's requests. */
  public String query(String transport) {
    return "/primus/?EIO=4&transport=" + transport + "&sid=" + sid;
  }

  /** One long-poll: the raw response. */
  public HttpResponse<String> pollRaw() throws Exception {
    return get(port, query("polling"), headers);
  }

  /** One long-poll, started now, answered later. */
  public CompletableFuture<HttpResponse<String>> pollAsync() {
    return HTTP.sendAsync(request(query("polling"), headers).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** One long-poll: the packets it carried. */
  public List<String> poll() throws Exception {
    HttpResponse<String> r = pollRaw();
    if (r.statusCode() != 200) {
      throw new AssertionError("poll failed: " + r.statusCode() + " " + r.body());
    }
    return packets(r.body());
  }

  public static List<String> packets(String payload) {
    return Arrays.asList(payload.split(SEPARATOR, -1));
  }

  /** Polls until a packet matches (the others are returned too); fails after the TCK timeout. */
  public List<String> pollUntil(Predicate<String> match) throws Exception {
    List<String> seen = new ArrayList<>();
    long deadline = System.nanoTime() + TckSocket.TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      for (String packet : poll()) {
        seen.add(packet);
        if (match.test(packet)) {
          return seen;
        }
      }
    }
    throw new AssertionError("no matching packet; received " + seen);
  }

  /** Polls until a message packet holds a JSON object that matches, and returns that object. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> pollMessage(Predicate<Map<String, Object>> match) throws Exception {
    List<String> seen = pollUntil(p -> decodedMap(p).filter(match).isPresent());
    return decodedMap(seen.get(seen.size() - 1)).orElseThrow();
  }

  /** The JSON object a message packet carries, if it carries one. */
  @SuppressWarnings("unchecked")
  public static java.util.Optional<Map<String, Object>> decodedMap(String packet) {
    if (!packet.startsWith("4")) {
      return java.util.Optional.empty();
    }
    try {
      return TckJson.decode(packet.substring(1)) instanceof Map<?, ?> m
          ? java.util.Optional.of((Map<String, Object>) m)
          : java.util.Optional.empty();
    } catch (IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }

  /** Posts a payload; returns the status. */
  public int post(String payload) throws Exception {
    return postRaw(payload).statusCode();
  }

  public HttpResponse<String> postRaw(String payload) throws Exception {
    return HTTP.send(
        request(query("polling"), headers).POST(HttpRequest.BodyPublishers.ofString(payload)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Sends one Primus value (JSON-encoded) in a message packet. */
  public int send(Object value) throws Exception {
    return post("4" + TckJson.encode(value));
  }

  public static HttpResponse<String> get(int port, String pathAndQuery, String... headers) throws Exception {
    return HTTP.send(request(port, pathAndQuery, headers).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String pathAndQuery, String[] extra) {
    return request(port, pathAndQuery, extra);
  }

  private static HttpRequest.Builder request(int port, String pathAndQuery, String[] extra) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).timeout(Duration.ofSeconds(60));
    if (extra.length > 0) {
      b.headers(extra);
    }
    return b;
  }

  /** A WebSocket to the server, recording every text frame as it came. */
  public static Frames webSocket(int port, String pathAndQuery) throws Exception {
    Frames frames = new Frames();
    frames.ws =
        HTTP.newWebSocketBuilder()
            .buildAsync(URI.create("ws://127.0.0.1:" + port + pathAndQuery), frames)
            .get(TckSocket.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    return frames;
  }

  /** Engine.IO packets over one WebSocket. */
  public static final class Frames implements WebSocket.Listener, AutoCloseable {
    private final LinkedBlockingQueue<String> texts = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private WebSocket ws;

    public void send(String packet) {
      ws.sendText(packet, true).join();
    }

    /** The next frame that matches, skipping (and answering) pings. */
    public String await(Predicate<String> match) throws InterruptedException {
      long deadline = System.nanoTime() + TckSocket.TIMEOUT.toNanos();
      while (true) {
        String text = texts.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (text == null) {
          throw new AssertionError("no matching frame within " + TckSocket.TIMEOUT);
        }
        if (text.equals("2")) {
          send("3");
        }
        if (match.test(text)) {
          return text;
        }
      }
    }

    public int awaitClose() throws Exception {
      return closed.get(TckSocket.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        texts.add(partial.toString());
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed.complete(1006);
    }

    @Override
    public void close() {
      if (!closed.isDone()) {
        ws.abort();
      }
    }
  }
}
