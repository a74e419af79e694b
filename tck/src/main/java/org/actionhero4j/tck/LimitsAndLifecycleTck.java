package org.actionhero4j.tck;

import static org.actionhero4j.tck.TckSocket.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Backpressure, connection caps, cleanup after many cycles, and graceful stop. */
public class LimitsAndLifecycleTck extends TransportTck {

  @Test
  void aClientThatStopsReadingIsCutOffWhileOthersCarryOn() throws Exception {
    // The message bound is the one the slow client hits. The byte bound is kept far above it: under
    // CPU load a transport can report writes to a healthy client as done a dozen frames late.
    app(b -> b.set("websocket.server.outboundQueueMessages", 64).set("websocket.server.outboundQueueBytes", 4 * 1024 * 1024));
    TckSocket slow = app().welcomedSocket();
    try (TckSocket fast = app().welcomedSocket()) {
      String slowId = connectionId(slow);
      slow.request(map("event", "roomAdd", "room", "defaultRoom", "messageId", 1));
      fast.request(map("event", "roomAdd", "room", "defaultRoom", "messageId", 1));
      slow.stopReading();
      String big = "y".repeat(16 * 1024);
      int sent = 0;
      // The slow client reads nothing, so its close frame sits behind unread data: watch the server.
      while (app().app().connections().local(slowId).isPresent() && sent < 5000) {
        String message = big + sent;
        app().app().chatRooms().broadcast("defaultRoom", message);
        fast.awaitMap(m -> message.equals(m.get("message")));
        sent++;
      }
      awaitCondition(() -> app().app().connections().local(slowId).isEmpty(), "the slow consumer was not cut off");
      awaitCondition(
          () -> !app().app().chatRooms().status("defaultRoom").members().containsKey(slowId),
          "the slow consumer is still a member");
      app().app().chatRooms().broadcast("defaultRoom", "still here");
      fast.awaitMap(m -> "still here".equals(m.get("message")));
    } finally {
      slow.abort();
    }
  }

  @SuppressWarnings("unchecked")
  private static String connectionId(TckSocket socket) throws InterruptedException {
    return (String) ((Map<String, Object>) socket.request(map("event", "detailsView", "messageId", "who")).get("data")).get("id");
  }

  @Test
  @SuppressWarnings("try") // the two sockets only hold the two places
  void connectionsBeyondTheCapAreRefusedWith503() throws Exception {
    app(b -> b.set("web.maxConnections", 2));
    try (TckSocket a = app().welcomedSocket(); TckSocket b = app().welcomedSocket()) {
      Exception refused = null;
      try {
        app().socket().close();
      } catch (Exception e) {
        refused = e;
      }
      assertTrue(refused != null, "a third socket must be refused");
      Throwable cause = refused;
      while (cause != null && !(cause instanceof java.net.http.WebSocketHandshakeException)) {
        cause = cause.getCause();
      }
      assertTrue(cause != null, "refused without a handshake answer: " + refused);
      assertEquals(503, ((java.net.http.WebSocketHandshakeException) cause).getResponse().statusCode());
    }
  }

  @Test
  void thousandConnectCyclesLeaveNothingBehind() throws Exception {
    org.actionhero4j.Connections connections = app().app().connections();
    int threadsAfterFirstHalf = 0;
    for (int half = 0; half < 2; half++) {
      for (int i = 0; i < 500; i++) {
        TckSocket s = app().socket();
        if (i % 2 == 0) {
          s.request(map("event", "roomAdd", "room", "defaultRoom", "messageId", i + 1));
        }
        if (i % 3 == 0) {
          s.abort();
        } else {
          s.close();
        }
      }
      awaitCondition(() -> connections.local().isEmpty(), "connections left: " + connections.local().size());
      awaitCondition(() -> app().app().chatRooms().status("defaultRoom").membersCount() == 0, "members left");
      if (half == 0) {
        threadsAfterFirstHalf = Thread.activeCount();
      }
    }
    // Pools are bounded, so a second round of 500 cycles must not need more threads than the first.
    int bound = threadsAfterFirstHalf + 10;
    awaitCondition(() -> Thread.activeCount() <= bound, "threads grew: " + Thread.activeCount() + " > " + bound);
  }

  @Test
  void gracefulStopLetsInFlightActionsFinishAndClosesSocketsWith1001() throws Exception {
    TckSocket s = app().welcomedSocket();
    s.send(map("event", "action", "params", map("action", "gated", "gate", "stop"), "messageId", 1));
    Gates.awaitEntered("stop");
    int port = app().port();
    CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> app.close());
    awaitCondition(() -> app.app().shuttingDown(), "stop began");
    Gates.open("stop");
    assertEquals("stop", s.awaitReply(1).get("gate"));
    assertEquals(1001, s.awaitClose());
    stopping.get(30, TimeUnit.SECONDS);
    assertTrue(s.received().stream().noneMatch("primus::server::close"::equals));
    try (ServerSocket again = new ServerSocket(port, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
      assertEquals(port, again.getLocalPort());
    }
  }

  @Test
  void anHttpActionInFlightAtStopGetsItsResponseAndLaterRequestsGet503() throws Exception {
    TckApp running = app();
    try (RawHttp inFlight = RawHttp.open(running); RawHttp keptAlive = RawHttp.open(running)) {
      keptAlive.write(get("/api/status"));
      assertEquals(200, keptAlive.read().status());
      inFlight.write(get("/api/gated?gate=http-stop"));
      Gates.awaitEntered("http-stop");
      CompletableFuture<Void> stopping = CompletableFuture.runAsync(running::close);
      awaitCondition(() -> running.app().shuttingDown(), "stop began");
      RawHttp.Answer[] refused = new RawHttp.Answer[1];
      awaitCondition(
          () -> {
            keptAlive.write(get("/api/status"));
            refused[0] = keptAlive.read();
            return refused[0].status() == 503;
          },
          "a request after the stop began gets 503");
      assertTrue(refused[0].body().contains("shutting down"), refused[0].body());
      Gates.open("http-stop");
      RawHttp.Answer answer = inFlight.read();
      assertEquals(200, answer.status(), answer.body());
      assertTrue(answer.body().contains("http-stop"), answer.body());
      assertEquals("close", answer.headers().get("connection"));
      stopping.get(30, TimeUnit.SECONDS);
    }
  }

  private static String get(String target) {
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  }

  private TckApp app;

  @Override
  protected TckApp app() throws Exception {
    app = super.app();
    return app;
  }

  @Override
  protected TckApp app(java.util.function.UnaryOperator<org.actionhero4j.Actionhero.Builder> customize) throws Exception {
    app = super.app(customize);
    return app;
  }

  interface Condition {
    boolean holds() throws Exception;
  }

  /** Waits (bounded) for a condition that the server reaches asynchronously. */
  static void awaitCondition(Condition condition, String what) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    Object monitor = new Object();
    while (!condition.holds()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting: " + what);
      }
      synchronized (monitor) {
        monitor.wait(20);
      }
    }
  }
}
