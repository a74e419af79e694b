package org.actionhero4j.tck;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real WebSocket client speaking Primus framing: records every frame (decoded), answers
 * {@code primus::ping} unless told not to, and can stop reading to play a slow consumer.
 */
public final class TckSocket implements AutoCloseable {

  /** How long every wait of this client is bounded by. */
  public static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** One client for every socket, so the test's own threads stay few. */
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final HttpClient SECURE_CLIENT =
      HttpClient.newBuilder().sslContext(TestCertificate.trustAll()).build();

  private final WebSocket ws;
  private final Recorder recorder;

  private TckSocket(WebSocket ws, Recorder recorder) {
    this.ws = ws;
    this.recorder = recorder;
  }

  /** Connects to {@code ws://127.0.0.1:<port><pathAndQuery>}. */
  public static TckSocket connect(int port, String pathAndQuery, Map<String, String> headers)
      throws Exception {
    return connect(port, pathAndQuery, headers, true);
  }

  /** Opens a socket with request headers, answering Primus pings or not. */
  public static TckSocket connect(
      int port, String pathAndQuery, Map<String, String> headers, boolean answerPings)
      throws Exception {
    return connect(false, port, pathAndQuery, headers, answerPings);
  }

  /** Connects to {@code ws://} or, when {@code secure}, {@code wss://127.0.0.1:<port><pathAndQuery>}. */
  public static TckSocket connect(
      boolean secure, int port, String pathAndQuery, Map<String, String> headers, boolean answerPings)
      throws Exception {
    Recorder recorder = new Recorder(answerPings);
    WebSocket.Builder builder =
        (secure ? SECURE_CLIENT : CLIENT).newWebSocketBuilder().connectTimeout(TIMEOUT);
    headers.forEach(builder::header);
    WebSocket ws =
        builder
            .buildAsync(URI.create((secure ? "wss" : "ws") + "://127.0.0.1:" + port + pathAndQuery), recorder)
            .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    return new TckSocket(ws, recorder);
  }

  /** Opens a socket on the default Primus path. */
  public static TckSocket connect(int port) throws Exception {
    return connect(port, "/primus?_primuscb=tck", Map.of());
  }

  /** Sends a JSON value as one text frame. */
  public void send(Object value) {
    sendRaw(TckJson.encode(value));
  }

  /** Sends text as one frame, as is (it need not be JSON). */
  public synchronized void sendRaw(String text) {
    ws.sendText(text, true).join();
  }

  /** Sends a map built from alternating keys and values. */
  public void sendMap(Object... keyValues) {
    send(map(keyValues));
  }

  /** An ordered map from alternating keys and values. */
  public static Map<String, Object> map(Object... keyValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return m;
  }

  /** Waits for (and consumes) the first not yet consumed frame that matches. */
  public Object await(Predicate<Object> match) throws InterruptedException {
    return recorder.await(match, TIMEOUT);
  }

  /** Waits for a JSON object frame that matches. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> awaitMap(Predicate<Map<String, Object>> match) throws InterruptedException {
    return (Map<String, Object>) recorder.await(v -> v instanceof Map<?, ?> m && match.test((Map<String, Object>) m), TIMEOUT);
  }

  /** Waits for the reply carrying this messageId. */
  public Map<String, Object> awaitReply(Object messageId) throws InterruptedException {
    return awaitMap(m -> "response".equals(m.get("context")) && Objects.equals(m.get("messageId"), messageId));
  }

  /** Waits for the welcome message. */
  public Map<String, Object> awaitWelcome() throws InterruptedException {
    return awaitMap(m -> m.containsKey("welcome"));
  }

  /** Sends a request with a messageId and waits for its reply. */
  public Map<String, Object> request(Map<String, Object> frame) throws InterruptedException {
    send(frame);
    return awaitReply(frame.get("messageId"));
  }

  /** Waits for the socket to close; returns the close code. */
  public int awaitClose() throws Exception {
    return recorder.closed.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }

  /** Whether the socket has closed (either side). */
  public boolean isClosed() {
    return recorder.closed.isDone();
  }

  /** Every frame received so far, decoded, in order (consumed or not). */
  public List<Object> received() {
    return recorder.all();
  }

  /** Forgets every frame received so far, so that a long-lived client does not keep them all. */
  public void discardReceived() {
    recorder.discard();
  }

  /** Stops asking for frames: the server's writes back up (slow consumer). */
  public void stopReading() {
    recorder.paused = true;
  }

  /** Whether to answer the server's {@code primus::ping} frames from now on. */
  public void answerPings(boolean answer) {
    recorder.answerPings = answer;
  }

  /** Closes from the client side with 1000. */
  @Override
  public void close() {
    close(1000, "bye");
  }

  /** Starts a close from the client side with this code and reason. */
  public void close(int code, String reason) {
    if (!recorder.closed.isDone()) {
      try {
        ws.sendClose(code, reason).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      } catch (Exception e) {
        ws.abort();
      }
    }
  }

  /** Drops the connection without a close frame. */
  public void abort() {
    ws.abort();
  }

  private static final class Recorder implements WebSocket.Listener {
    private final List<Object> frames = new ArrayList<>();
    private final List<Boolean> consumed = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    volatile boolean answerPings;
    volatile boolean paused;

    Recorder(boolean answerPings) {
      this.answerPings = answerPings;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        Object value;
        try {
          value = TckJson.decode(text);
        } catch (IllegalArgumentException e) {
          value = "INVALID:" + text;
        }
        if (answerPings && value instanceof String s && s.startsWith("primus::ping::")) {
          ws.sendText(TckJson.encode("primus::pong::" + s.substring("primus::ping::".length())), true);
        }
        synchronized (this) {
          frames.add(value);
          consumed.add(false);
          notifyAll();
        }
      }
      if (!paused) {
        ws.request(1);
      }
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
      closed.complete(statusCode);
      synchronized (this) {
        notifyAll();
      }
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      closed.complete(1006);
      synchronized (this) {
        notifyAll();
      }
    }

    synchronized void discard() {
      frames.clear();
      consumed.clear();
    }

    synchronized List<Object> all() {
      return List.copyOf(frames);
    }

    synchronized Object await(Predicate<Object> match, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (true) {
        for (int i = 0; i < frames.size(); i++) {
          if (!consumed.get(i) && match.test(frames.get(i))) {
            consumed.set(i, true);
            return frames.get(i);
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("no matching frame within " + timeout + "; received " + frames);
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
    }
  }
}
