package org.actionhero4j.tck;

import static org.actionhero4j.tck.TckSocket.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.actionhero4j.internal.Json;
import org.junit.jupiter.api.Test;

/**
 * The network fuzz: 100,000 mutated frames over real sockets and a few thousand mutated HTTP
 * requests, while a bystander chats. Four fuzzing sockets (three raw Primus WebSockets, one direct
 * Engine.IO WebSocket) send Actionhero verbs with one to three mutations, binary, control and
 * fragmented frames, invalid UTF-8, protocol violations and messages over the limit, reconnecting
 * whenever the server closes them; every 40 frames, and after each frame meant to break the
 * protocol, a {@code detailsView} must be answered or the connection closed (never neither). An
 * HTTP fuzzer sends requests to {@code /api} and to the Engine.IO polling path, each on its own
 * connection, mutated in its request line, headers, framing and body; each is answered or closed.
 * Throughout, a bystander in {@code otherRoom} says something and runs an action every 50 ms and
 * must get every reply and its own chat message. Nothing sent is ever answered with the internal
 * error. At the end the server still serves, every fuzzing connection is gone and the heap after
 * GC is back within 10% (at least 4 MB) of its figure after a warm-up, with the rooms' chat logs
 * refilled alike before each figure.
 *
 * <p>The seed ({@code -Dfuzz.seed}) is printed on failure; {@code -Dfuzz.frames} and
 * {@code -Dfuzz.requests} change the counts. The inputs replay from the seed; what the server
 * closed in between depends on timing, so a replay reproduces the inputs, not every interleaving.
 */
public class NetworkFuzzTck extends TransportTck {

  private static final int FRAMES = Integer.getInteger("fuzz.frames", 100_000);
  private static final int REQUESTS = Integer.getInteger("fuzz.requests", 3_000);
  private static final int WARM_UP_FRAMES = 4_000;
  private static final int WARM_UP_REQUESTS = 300;
  private static final int PRIMUS_SOCKETS = 3;
  private static final int ENGINE_IO_SOCKETS = 1;
  private static final int SYNC_EVERY = 40;
  private static final long ANSWER_MILLIS = 30_000;
  private static final int MAX_LENGTH = 64 * 1024;
  private static final String ENGINE_IO_PATH = "/primus/?EIO=4&transport=websocket";
  private static final String PRIMUS_PATH = "/primus?_primuscb=fuzz";

  /** How many messages the in-memory bus keeps of each room for replay. */
  private static final int CHAT_LOG = 1_000;

  /**
   * The heap may end this much above its start: 10% of it, but at least 4 MB. The heap after GC
   * is small here (about 17 MB, server and clients together), and bounded caches fill up during
   * the fuzz without leaking: Jackson's table of field names (it keeps up to some thousands of the
   * random keys the fuzz sends), the transports' buffer pools. Measured on both transports they
   * weigh about 1 MB, already over half of the 1.7 MB that 10% allows; 4 MB leaves room for that
   * noise and still fails on a leak of a few hundred bytes per fuzzing connection (there are
   * about 6,000).
   */
  private static final long MIN_HEAP_SLACK = 4L * 1024 * 1024;

  private final Stats stats = new Stats();
  private String internalError;

  @Test
  void theServerOutlastsAHundredThousandMutatedFramesAndServesABystanderThroughout() throws Exception {
    Long given = Long.getLong("fuzz.seed");
    long seed = given != null ? given : new SecureRandom().nextLong();
    try {
      run(seed);
    } catch (AssertionError | Exception e) {
      System.out.printf("network fuzz on %s failed, seed %d: %s%n", transport(), seed, stats);
      throw new AssertionError(
          "network fuzz failed with seed " + seed + " (replay: -Dfuzz.seed=" + seed + "): " + e.getMessage(), e);
    }
  }

  private void run(long seed) throws Exception {
    TckApp app =
        app(b -> b.set("websocket.server.maxLength", MAX_LENGTH)
            .set("web.maxRequestBodyBytes", MAX_LENGTH)
            .set("websocket.server.engineIo.pingInterval", 1_000)
            .set("websocket.server.engineIo.pingTimeout", 1_000));
    internalError = app.app().config().errors().internalError();
    try (TckSocket bystanderSocket = app.welcomedSocket()) {
      bystanderSocket.request(map("event", "roomAdd", "room", "otherRoom", "messageId", "join"));
      Bystander bystander = new Bystander(bystanderSocket);
      Thread chat = new Thread(bystander, "fuzz-bystander");
      chat.setDaemon(true);
      chat.start();
      try {
        // the warm-up loads every class the fuzz reaches, so that the start figure does not count them
        fuzz(app, seed, WARM_UP_FRAMES, WARM_UP_REQUESTS);
        refillChatLogs(app);
        awaitOnlyTheBystander(app);
        long start = heapAfterGc();
        stats.reset();

        fuzz(app, seed + 1_000, FRAMES, REQUESTS);

        bystander.stop(chat);
        bystander.assertServedThroughout();
        refillChatLogs(app);
        awaitOnlyTheBystander(app);
        // the refill reached the bystander too: once a reply comes after it, the client drops it all
        bystanderSocket.request(map("event", "detailsView", "messageId", "after the refill"));
        bystanderSocket.discardReceived();
        long limit = start + Math.max(start / 10, MIN_HEAP_SLACK);
        AtomicLong end = new AtomicLong();
        try {
          LimitsAndLifecycleTck.awaitCondition(
              () -> {
                end.set(heapAfterGc());
                return end.get() <= limit;
              },
              "the heap after GC back within max(10%, 4 MB) of its start");
        } finally {
          System.out.printf(
              "network fuzz on %s, seed %d: %s; heap after GC %.1f MB at start, %.1f MB at the end; the bystander"
                  + " was served %d times%n",
              transport(), seed, stats, start / 1e6, end.get() / 1e6, bystander.served.get());
        }
        assertTrue(stats.frames.get() >= FRAMES, "frames sent: " + stats.frames.get());
        assertTrue(stats.requests.get() >= REQUESTS, "requests sent: " + stats.requests.get());
      } finally {
        bystander.stop(chat);
      }
      assertTrue(!bystanderSocket.isClosed(), "the bystander is still connected");
    }
    assertEquals(200, app.http("GET", "/api/status", null).statusCode(), "the server still answers HTTP");
    try (TckSocket after = app.welcomedSocket()) {
      assertEquals("websocket", ((Map<?, ?>) after.request(map("event", "detailsView", "messageId", 1)).get("data")).get("type"));
    }
  }

  /** Runs the fuzzing sockets and the HTTP fuzzer to their counts, all at once. */
  private void fuzz(TckApp app, long seed, int frames, int requests) throws Exception {
    int sockets = PRIMUS_SOCKETS + ENGINE_IO_SOCKETS;
    ExecutorService pool = Executors.newFixedThreadPool(sockets + 1);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < sockets; i++) {
        int index = i;
        boolean engineIo = i >= PRIMUS_SOCKETS;
        int quota = frames / sockets + (i < frames % sockets ? 1 : 0);
        running.add(pool.submit(() -> {
          frameFuzzer(app, index, new Random(seed + index), quota, engineIo);
          return null;
        }));
      }
      running.add(pool.submit(() -> {
        httpFuzzer(app, new Random(seed + 100), requests);
        return null;
      }));
      for (Future<?> f : running) {
        try {
          f.get(10, TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException e) {
          if (e.getCause() instanceof AssertionError a) {
            throw a;
          }
          throw e;
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  // ---- the fuzzing sockets

  private void frameFuzzer(TckApp app, int index, Random random, int quota, boolean engineIo) throws Exception {
    Function<Random, String> texts = engineIo ? HostileWire::engineIoText : HostileWire::frameText;
    java.util.function.Predicate<String> answered = engineIo ? HostileWire::engineIoAnswered : HostileWire::answered;
    int expected = 0;
    ArrayDeque<String> recent = new ArrayDeque<>();
    RawWebSocket ws = null;
    int sent = 0;
    int sinceSync = 0;
    int syncs = 0;
    try {
      while (sent < quota) {
        if (ws == null || ws.isClosed()) {
          checkFlagged(ws, recent);
          if (ws != null) {
            ws.close();
          }
          ws = RawWebSocket.open(app, engineIo ? ENGINE_IO_PATH : PRIMUS_PATH);
          ws.flag(t -> t.contains(internalError));
          ws.count(t -> t.contains("\"context\":\"response\"") || t.matches("4?\"primus::id::.*"));
          expected = 0;
          stats.connects.incrementAndGet();
        }
        HostileWire.Wire wire = HostileWire.frame(random, texts, answered, MAX_LENGTH);
        try {
          ws.write(wire.bytes());
        } catch (IOException closedUnderUs) {
          continue;
        }
        sent++;
        sinceSync++;
        expected += wire.answers();
        stats.frames.incrementAndGet();
        stats.kinds.computeIfAbsent(wire.kind(), k -> new AtomicInteger()).incrementAndGet();
        remember(recent, wire);
        if (wire.halfClose()) {
          ws.shutdownOutput();
          assertTrue(ws.awaitClosed(ANSWER_MILLIS), "a frame declared over the limit closes the connection");
        } else if (wire.fatal() || sinceSync >= SYNC_EVERY) {
          String id = "sync-" + index + "-" + ++syncs;
          String details = Json.encode(map("event", "detailsView", "messageId", id));
          expected++;
          try {
            ws.writeAndAwait(RawWebSocket.text(engineIo ? "4" + details : details), t -> t.contains('"' + id + '"'), ANSWER_MILLIS);
          } catch (AssertionError hang) {
            throw new AssertionError(hang.getMessage() + " after " + recent, hang);
          }
          // actions answer in completion order, maybe after the sync: wait for every answer
          if (!ws.awaitCount(expected, ANSWER_MILLIS)) {
            throw new AssertionError(
                "only " + ws.counted() + " of " + expected + " frames answered on this connection; the last sent: " + recent);
          }
          sinceSync = 0;
        }
      }
      checkFlagged(ws, recent);
    } finally {
      if (ws != null) {
        ws.close();
      }
    }
  }

  private static void remember(ArrayDeque<String> recent, HostileWire.Wire wire) {
    byte[] shown = wire.text() != null ? wire.text().getBytes(StandardCharsets.UTF_8) : wire.bytes();
    recent.addLast(wire.kind() + ":" + describe(shown));
    if (recent.size() > SYNC_EVERY) {
      recent.removeFirst();
    }
  }

  private static void checkFlagged(RawWebSocket ws, ArrayDeque<String> recent) {
    if (ws != null && ws.flagged() != null) {
      throw new AssertionError("the internal error was sent: " + describe(ws.flagged().getBytes(StandardCharsets.UTF_8))
          + "; the frames before it: " + recent);
    }
  }

  /** Bytes as a failure shows them: printable ASCII as is, the rest escaped, cut to a readable length. */
  static String describe(byte[] bytes) {
    StringBuilder out = new StringBuilder("<");
    for (int i = 0; i < bytes.length && out.length() < 300; i++) {
      int b = bytes[i] & 0xFF;
      out.append(b >= 0x20 && b < 0x7F ? String.valueOf((char) b) : String.format("\\x%02x", b));
    }
    return out.append(bytes.length > 300 ? "...> (" + bytes.length + " bytes)" : ">").toString();
  }

  // ---- the HTTP fuzzer

  private void httpFuzzer(TckApp app, Random random, int requests) throws Exception {
    String sid = "none";
    for (int i = 0; i < requests; i++) {
      if (i % 25 == 0) {
        RawHttp.Answer open = RawHttp.exchange(app, "GET /primus/?EIO=4&transport=polling HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        assertEquals(200, open.status(), "an Engine.IO handshake during the fuzz: " + open.body());
        sid = String.valueOf(((Map<?, ?>) Json.decode(open.body().substring(1))).get("sid"));
      }
      HostileWire.Wire wire = HostileWire.httpRequest(random, sid);
      String answer = exchange(app, wire.bytes());
      stats.requests.incrementAndGet();
      String status = answer.isEmpty() ? "closed" : answer.length() >= 12 ? answer.substring(9, 12) : answer;
      stats.statuses.computeIfAbsent(wire.kind() + " " + status, k -> new AtomicInteger()).incrementAndGet();
      if (!answer.isEmpty() && !answer.startsWith("HTTP/1.")) {
        throw new AssertionError("not an HTTP answer: " + describe(answer.getBytes(StandardCharsets.ISO_8859_1))
            + " to " + describe(wire.bytes()));
      }
      if (status.equals("500")) {
        throw new AssertionError("a 500 for " + describe(wire.bytes()) + ": "
            + describe(answer.getBytes(StandardCharsets.ISO_8859_1)));
      }
      if (answer.contains(internalError)) {
        throw new AssertionError("the internal error for " + describe(wire.bytes()) + ": "
            + describe(answer.getBytes(StandardCharsets.ISO_8859_1)));
      }
      if (!wire.fatal() && answer.isEmpty()) {
        throw new AssertionError("a well-formed request was not answered: " + describe(wire.bytes()));
      }
    }
  }

  /**
   * Sends a request on a connection of its own, then stops writing, and reads until the server
   * closes: what it answered, or nothing.
   *
   * @throws AssertionError when the server neither answers nor closes in time
   */
  private static String exchange(TckApp app, byte[] request) throws IOException {
    try (Socket socket = RawHttp.connect(app)) {
      socket.setSoTimeout((int) ANSWER_MILLIS);
      try {
        socket.getOutputStream().write(request);
        socket.getOutputStream().flush();
        socket.shutdownOutput();
      } catch (IOException refusedEarly) {
        // the server answered (or closed) before it read everything: read what it said
      }
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[8192];
      try {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          answer.write(buffer, 0, n);
        }
      } catch (SocketTimeoutException e) {
        throw new AssertionError("no answer and no close within " + ANSWER_MILLIS + " ms to " + describe(request));
      } catch (IOException reset) {
        // a reset after (or instead of) the answer
      }
      return answer.toString(StandardCharsets.ISO_8859_1);
    }
  }

  // ---- the bystander

  /** A client in otherRoom that says something and runs an action every 50 ms, and must get every reply. */
  private static final class Bystander implements Runnable {
    private final TckSocket socket;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    final AtomicInteger served = new AtomicInteger();

    Bystander(TckSocket socket) {
      this.socket = socket;
    }

    @Override
    public void run() {
      try {
        for (int i = 1; stopped.getCount() > 0; i++) {
          String message = "tick " + i;
          socket.send(map("event", "say", "room", "otherRoom", "message", message, "messageId", "say-" + i));
          socket.send(map("event", "action", "params", map("action", "echo", "message", message), "messageId", "act-" + i));
          assertEquals("OK", socket.awaitReply("say-" + i).get("status"), "the say is answered");
          socket.awaitMap(m -> "user".equals(m.get("context")) && message.equals(m.get("message")));
          Map<?, ?> echo = (Map<?, ?>) socket.awaitReply("act-" + i).get("echo");
          assertEquals(message, echo.get("message"), "the action is answered");
          socket.discardReceived();
          served.incrementAndGet();
          stopped.await(50, TimeUnit.MILLISECONDS);
        }
      } catch (Throwable t) {
        failure.set(t);
      }
    }

    void stop(Thread thread) throws InterruptedException {
      stopped.countDown();
      thread.join(TckSocket.TIMEOUT.toMillis() * 4);
    }

    void assertServedThroughout() {
      if (failure.get() != null) {
        throw new AssertionError("the bystander was not served after " + served.get() + " rounds: " + failure.get(), failure.get());
      }
      assertTrue(served.get() > 0, "the bystander was served");
    }
  }

  // ---- measuring

  /**
   * Refills the chat log of both rooms with the same small messages. The in-memory bus keeps the
   * last {@value #CHAT_LOG} messages of each room: bounded, but holding whatever was said last,
   * deeply nested fuzz messages included. Both heap figures are taken right after a refill, so the
   * logs weigh the same in each and what counts is what the fuzz left anywhere else.
   */
  private static void refillChatLogs(TckApp app) throws Exception {
    try (RawWebSocket ws = RawWebSocket.open(app, PRIMUS_PATH)) {
      for (String room : List.of("defaultRoom", "otherRoom")) {
        sync(ws, "{\"event\":\"roomAdd\",\"room\":\"" + room + "\"", "fill-" + room);
        for (int i = 1; i <= CHAT_LOG; i++) {
          String say = "{\"event\":\"say\",\"room\":\"" + room + "\",\"message\":\"fill " + (100_000 + i) + "\"";
          if (i % 100 == 0) {
            sync(ws, say, "fill-" + i);
          } else {
            ws.write(RawWebSocket.text(say + "}"));
          }
        }
      }
    }
  }

  /** Sends an unclosed JSON object with a messageId added and waits for its answer. */
  private static void sync(RawWebSocket ws, String unclosed, String messageId) throws Exception {
    String frame = unclosed + ",\"messageId\":\"" + messageId + "\"}";
    assertTrue(
        ws.writeAndAwait(RawWebSocket.text(frame), t -> t.contains('"' + messageId + '"'), ANSWER_MILLIS),
        "answered: " + frame);
  }

  private static void awaitOnlyTheBystander(TckApp app) throws Exception {
    LimitsAndLifecycleTck.awaitCondition(
        () -> app.app().connections().local().size() == 1,
        "every fuzzing connection gone (left: " + app.app().connections().local().size() + ")");
  }

  /** The heap in use after full collections: the least of three, which is stable to a few MB. */
  private static long heapAfterGc() {
    long least = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return least;
  }

  /** What was sent, by kind, and what the HTTP requests got. */
  private static final class Stats {
    final AtomicInteger frames = new AtomicInteger();
    final AtomicInteger connects = new AtomicInteger();
    final AtomicInteger requests = new AtomicInteger();
    final Map<String, AtomicInteger> kinds = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();

    void reset() {
      frames.set(0);
      connects.set(0);
      requests.set(0);
      kinds.clear();
      statuses.clear();
    }

    @Override
    public String toString() {
      return frames + " frames on " + connects + " connections " + new TreeMap<>(kinds) + ", " + requests
          + " HTTP requests " + new TreeMap<>(statuses);
    }
  }
}
