package org.actionhero4j.plugin.redis.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.actionhero4j.Actionhero;
import org.actionhero4j.tck.TckApp;
import org.actionhero4j.tck.TckEngineIo;
import org.actionhero4j.tck.TckSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Engine.IO long-polling on two nodes, with every request free to land on either node (a load
 * balancer without sticky sessions): requests for a session the other node holds are relayed to
 * it. Run over one Redis and over a Redis Cluster by the subclasses.
 */
abstract class PollingWithoutStickySessionsSuite {

  private static final int SAYS = 50;
  private static final Map<String, Object> UNKNOWN_SID = Map.of("code", 1, "message", "Session ID unknown");

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  @TempDir Path tmp;

  /** The Redis the two nodes share. */
  abstract TckRedis redis();

  private TckApp start(UnaryOperator<Actionhero.Builder> customize) throws Exception {
    // A cluster call's usual timeout far below the Engine.IO ping interval: a relayed long-poll
    // must outlast the one and be released by the other.
    return redis().twoNodes(
        tmp.resolve("public"),
        b ->
            customize.apply(
                b.set("general.rpcTimeoutMillis", 1000)
                    .set("websocket.server.engineIo.pingInterval", 2500)
                    .set("websocket.server.engineIo.pingTimeout", 10_000)));
  }

  @Test
  void aPollingClientWhoseRequestsAlternateBetweenNodesChatsWithAWebSocketClientWithoutLossOrDuplicates()
      throws Exception {
    try (TckApp app = start(b -> b);
        Alternating polling = new Alternating(TckEngineIo.handshake(app.port(0)), app.port(1));
        TckSocket ws = TckSocket.connect(app.port(1), "/primus?_primuscb=tck", Map.of())) {
      polling.await(m -> m.containsKey("welcome"));
      ws.awaitWelcome();
      String pollingId = id(polling.request(TckSocket.map("event", "detailsView", "messageId", "who")));
      String wsId = id(ws.request(TckSocket.map("event", "detailsView", "messageId", "who")));
      assertTrue(app.app().connections().local(pollingId).isPresent(), "the session lives on the node of its handshake");
      assertEquals("OK", polling.request(TckSocket.map("event", "roomAdd", "room", "defaultRoom", "messageId", "join")).get("status"));
      assertEquals("OK", ws.request(TckSocket.map("event", "roomAdd", "room", "defaultRoom", "messageId", "join")).get("status"));

      for (int i = 0; i < SAYS; i++) {
        polling.send(say(i, "say-" + i));
        ws.send(say(i, "say-" + i));
      }
      // A last say from each side: chat reaches every member in log order, so once both are in,
      // anything lost is lost and anything doubled has arrived.
      polling.send(say("end", "say-end"));
      ws.send(say("end", "say-end"));

      List<Map<String, Object>> atPolling = untilBothEnded(() -> polling.await(PollingWithoutStickySessionsSuite::chat));
      List<Map<String, Object>> atWs = untilBothEnded(() -> ws.awaitMap(PollingWithoutStickySessionsSuite::chat));

      assertEquals(numbers(), said(atPolling, wsId), "the WebSocket client's says, at the polling client");
      assertEquals(numbers(), said(atWs, pollingId), "the polling client's says, at the WebSocket client");
      assertEquals(numbers(), said(atPolling, pollingId), "the polling client's own says, back to it");
      for (int i = 0; i < SAYS + 1; i++) {
        polling.await(reply("say-" + (i < SAYS ? i : "end")));
      }
      assertTrue(polling.gets.get(1).get() > 0 && polling.gets.get(0).get() > 0, "polls went to both nodes: " + polling.gets);
      assertTrue(polling.posts.get(1).get() > 0 && polling.posts.get(0).get() > 0, "posts went to both nodes: " + polling.posts);
      assertNull(polling.failure.get(), "every polling request succeeded");
    }
  }

  @Test
  void aRelayedLongPollOutlastsTheClusterCallTimeoutAndIsReleasedByThePing() throws Exception {
    try (TckApp app = start(b -> b)) {
      TckEngineIo eio = TckEngineIo.handshake(app.port(0));
      eio.pollMessage(m -> m.containsKey("welcome"));
      // Nothing is buffered now: this poll waits on the owner for the next ping, longer than the
      // 1 s a cluster call usually gets.
      HttpResponse<String> relayed = eio.via(app.port(1)).pollRaw();
      assertEquals(200, relayed.statusCode(), relayed.body());
      assertTrue(TckEngineIo.packets(relayed.body()).contains("2"), relayed.body());
      assertEquals(200, eio.via(app.port(1)).post("3"));
      eio.send(TckSocket.map("event", "detailsView", "messageId", "alive"));
      eio.via(app.port(1)).pollMessage(reply("alive"));
    }
  }

  @Test
  void unknownSidsForeignUpgradesOversizedPostsAndCorsThroughTheRelay() throws Exception {
    try (TckApp app =
        start(
            b ->
                b.set("websocket.server.origins", List.of("http://good.example"))
                    .set("websocket.server.engineIo.maxPayload", 1000))) {
      int a = app.port(0);
      int b = app.port(1);
      String[] origin = {"Origin", "http://good.example"};
      TckEngineIo ofB = TckEngineIo.handshake(b, origin);
      TckEngineIo viaA = ofB.via(a);

      // CORS headers come back from the owner as the origin was relayed to it.
      HttpResponse<String> poll = viaA.pollRaw();
      assertEquals(200, poll.statusCode());
      assertEquals("http://good.example", poll.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
      assertEquals("true", poll.headers().firstValue("Access-Control-Allow-Credentials").orElse(""));

      // Unknown everywhere: a sid of no node's, a sid naming a node that is not (or no longer) in
      // the cluster, and a sid of node B's with a random part B never issued.
      String tagOfB = ofB.sid().substring(24);
      String random = "A".repeat(24);
      String gone = random + Base64.getUrlEncoder().withoutPadding().encodeToString("gone-node".getBytes(StandardCharsets.UTF_8));
      for (String sid : List.of("nope", gone, random + tagOfB)) {
        for (int port : List.of(a, b)) {
          HttpResponse<String> r = TckEngineIo.get(port, "/primus/?EIO=4&transport=polling&sid=" + sid);
          assertEquals(400, r.statusCode(), sid + " at " + port);
          assertEquals(UNKNOWN_SID, MAPPER.readValue(r.body(), Map.class), sid + " at " + port);
        }
      }

      // A WebSocket cannot be relayed: its upgrade is refused, and the session carries on polling.
      try (TckEngineIo.Frames upgraded = TckEngineIo.webSocket(a, ofB.query("websocket"))) {
        fail("a WebSocket for a session of another node was accepted");
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        while (!(cause instanceof WebSocketHandshakeException) && cause != null && cause.getCause() != null) {
          cause = cause.getCause();
        }
        assertTrue(cause instanceof WebSocketHandshakeException, e.toString());
        assertEquals(400, ((WebSocketHandshakeException) cause).getResponse().statusCode());
      }

      // maxPayload bounds what is relayed; the session is kept.
      assertEquals(413, viaA.post("4" + MAPPER.writeValueAsString("x".repeat(2000))));
      viaA.send(TckSocket.map("event", "detailsView", "messageId", "after"));
      viaA.pollMessage(reply("after"));
    }
  }

  /** A client's chat messages, up to the last say of both senders (each wait bounded). */
  private static List<Map<String, Object>> untilBothEnded(Callable<Map<String, Object>> nextChat) throws Exception {
    List<Map<String, Object>> received = new ArrayList<>();
    Set<String> ended = new HashSet<>();
    while (ended.size() < 2) {
      Map<String, Object> m = nextChat.call();
      received.add(m);
      if ("end".equals(m.get("message"))) {
        ended.add(String.valueOf(m.get("from")));
      }
    }
    return received;
  }

  private static Map<String, Object> say(Object message, String messageId) {
    return TckSocket.map("event", "say", "room", "defaultRoom", "message", message, "messageId", messageId);
  }

  private static boolean chat(Map<String, Object> m) {
    return "user".equals(m.get("context")) && "defaultRoom".equals(m.get("room"));
  }

  private static Predicate<Map<String, Object>> reply(Object messageId) {
    return m -> "response".equals(m.get("context")) && messageId.equals(m.get("messageId"));
  }

  @SuppressWarnings("unchecked")
  private static String id(Map<String, Object> detailsReply) {
    return (String) ((Map<String, Object>) detailsReply.get("data")).get("id");
  }

  private static List<Integer> numbers() {
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < SAYS; i++) {
      all.add(i);
    }
    return all;
  }

  /** The numbers one sender said, as received, sorted (a duplicate would show twice). */
  private static List<Integer> said(List<Map<String, Object>> received, String from) {
    List<Integer> numbers = new ArrayList<>();
    for (Map<String, Object> m : received) {
      if (from.equals(m.get("from")) && m.get("message") instanceof Number n) {
        numbers.add(n.intValue());
      }
    }
    numbers.sort(null);
    return numbers;
  }

  /**
   * A polling client whose every GET and POST goes to the next of two nodes in turn: a thread
   * long-polls (answering pings), the test posts. One POST at a time, as Engine.IO requires.
   */
  private static final class Alternating implements AutoCloseable {
    final TckEngineIo[] nodes;
    final List<AtomicInteger> gets = List.of(new AtomicInteger(), new AtomicInteger());
    final List<AtomicInteger> posts = List.of(new AtomicInteger(), new AtomicInteger());
    final AtomicReference<String> failure = new AtomicReference<>();
    private final LinkedBlockingQueue<Map<String, Object>> messages = new LinkedBlockingQueue<>();
    private final List<Map<String, Object>> skipped = new ArrayList<>();
    private final AtomicInteger nextGet = new AtomicInteger(1);
    private final AtomicInteger nextPost = new AtomicInteger(1);
    private final Object postLock = new Object();
    private final Thread poller;
    private volatile boolean closing;

    Alternating(TckEngineIo handshakeNode, int otherPort) {
      nodes = new TckEngineIo[] {handshakeNode, handshakeNode.via(otherPort)};
      poller = new Thread(this::pollLoop, "alternating-poller");
      poller.setDaemon(true);
      poller.start();
    }

    private void pollLoop() {
      try {
        while (!closing) {
          int node = nextGet.getAndIncrement() % 2;
          gets.get(node).incrementAndGet();
          HttpResponse<String> r = nodes[node].pollRaw();
          if (r.statusCode() != 200) {
            failure.compareAndSet(null, "poll to node " + node + ": " + r.statusCode() + " " + r.body());
            return;
          }
          for (String packet : TckEngineIo.packets(r.body())) {
            if (packet.equals("2")) {
              post("3");
            } else if (packet.equals("1")) {
              return;
            } else {
              TckEngineIo.decodedMap(packet).ifPresent(messages::add);
            }
          }
        }
      } catch (Exception e) {
        if (!closing) {
          failure.compareAndSet(null, e.toString());
        }
      }
    }

    void post(String payload) throws Exception {
      synchronized (postLock) {
        int node = nextPost.getAndIncrement() % 2;
        posts.get(node).incrementAndGet();
        HttpResponse<String> r = nodes[node].postRaw(payload);
        if (r.statusCode() != 200) {
          failure.compareAndSet(null, "post to node " + node + ": " + r.statusCode() + " " + r.body());
          throw new AssertionError("post to node " + node + " failed: " + r.statusCode() + " " + r.body());
        }
      }
    }

    void send(Object value) throws Exception {
      post("4" + MAPPER.writeValueAsString(value));
    }

    Map<String, Object> request(Map<String, Object> frame) throws Exception {
      send(frame);
      return await(reply(frame.get("messageId")));
    }

    /** The first message not yet taken that matches, within the TCK's timeout (the test's thread only). */
    Map<String, Object> await(Predicate<Map<String, Object>> match) throws InterruptedException {
      for (Map<String, Object> m : skipped) {
        if (match.test(m)) {
          skipped.remove(m);
          return m;
        }
      }
      long deadline = System.nanoTime() + TckSocket.TIMEOUT.toNanos();
      while (true) {
        Map<String, Object> m = messages.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (m == null) {
          throw new AssertionError("no matching message within " + TckSocket.TIMEOUT + "; failure: " + failure.get());
        }
        if (match.test(m)) {
          return m;
        }
        skipped.add(m);
      }
    }

    @Override
    public void close() throws Exception {
      closing = true;
      try {
        post("1");
      } catch (AssertionError e) {
        // the session may already be gone
      }
      poller.join(TimeUnit.SECONDS.toMillis(10));
    }
  }
}
