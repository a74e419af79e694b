package org.actionhero4j.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Engine.IO v4 fallback on the socket path: long-polling sessions carrying Primus frames, the
 * server heartbeat, the upgrade to WebSocket, and the reference server's errors.
 */
public class EngineIoTck extends TransportTck {

  private static Map<String, Object> details(Object messageId) {
    return TckSocket.map("event", "detailsView", "messageId", messageId);
  }

  private static boolean reply(Map<String, Object> m, Object messageId) {
    return "response".equals(m.get("context")) && messageId.equals(m.get("messageId"));
  }

  @Test
  void handshakeAnnouncesAnUnguessableSidTheUpgradeAndTheLimits() throws Exception {
    TckEngineIo eio = TckEngineIo.handshake(app().port());
    Map<String, Object> open = eio.openPacket();
    assertTrue(eio.sid().length() >= 22, "sid of 128 bits or more: " + eio.sid());
    assertEquals(List.of("websocket"), open.get("upgrades"));
    assertEquals(25000, open.get("pingInterval"));
    assertEquals(20000, open.get("pingTimeout"));
    assertEquals(10485760, open.get("maxPayload"));
    assertTrue(eio.pollMessage(m -> m.containsKey("welcome")).containsKey("welcome"));
    assertTrue(!TckEngineIo.handshake(app().port()).sid().equals(eio.sid()));
  }

  @Test
  void aMessageGoesEachWayAndTheConnectionIsAWebsocketConnection() throws Exception {
    TckEngineIo eio = TckEngineIo.handshake(app().port());
    assertEquals(200, eio.send(details(1)));
    Map<String, Object> reply = eio.pollMessage(m -> reply(m, 1));
    @SuppressWarnings("unchecked")
    Map<String, Object> data = (Map<String, Object>) reply.get("data");
    assertEquals("websocket", data.get("type"));
    assertEquals("websocket", app().connection((String) data.get("id")).type());
    assertEquals("127.0.0.1", data.get("remoteIP"));
  }

  @Test
  void packetsBufferedBetweenPollsArriveTogetherInOnePoll() throws Exception {
    TckEngineIo eio = TckEngineIo.handshake(app().port());
    eio.send(details("who"));
    @SuppressWarnings("unchecked")
    String id = (String) ((Map<String, Object>) eio.pollMessage(m -> reply(m, "who")).get("data")).get("id");
    app().app().connections().send(id, Map.of("n", 1));
    app().app().connections().send(id, Map.of("n", 2));
    List<String> packets = eio.pollUntil(p -> p.contains("\"n\":2"));
    assertTrue(packets.size() >= 2, packets.toString());
    assertTrue(packets.get(packets.size() - 2).contains("\"n\":1"), packets.toString());
  }

  @Test
  void aPendingLongPollIsReleasedByABroadcast() throws Exception {
    TckEngineIo eio = TckEngineIo.handshake(app().port());
    eio.send(TckSocket.map("event", "roomAdd", "room", "defaultRoom", "messageId", "join"));
    eio.pollMessage(m -> reply(m, "join"));
    CompletableFuture<HttpResponse<String>> pending = eio.pollAsync();
    try (TckSocket ws = app().welcomedSocket()) {
      ws.request(TckSocket.map("event", "roomAdd", "room", "defaultRoom", "messageId", 1));
      ws.send(TckSocket.map("event", "say", "room", "defaultRoom", "message", "over http", "messageId", 2));
      HttpResponse<String> released = pending.get(10, TimeUnit.SECONDS);
      assertEquals(200, released.statusCode());
      String said =
          released.body().contains("over http")
              ? released.body()
              : String.join("", eio.pollUntil(p -> p.contains("over http")));
      assertTrue(said.contains("\"context\":\"user\""), said);
    }
  }

  @Test
  void theServerPingsAndASessionThatStopsAnsweringExpires() throws Exception {
    app(b -> b.set("websocket.server.engineIo.pingInterval", 200).set("websocket.server.engineIo.pingTimeout", 1000));
    TckEngineIo eio = TckEngineIo.handshake(app().port());
    for (int i = 0; i < 2; i++) {
      eio.pollUntil("2"::equals);
      assertEquals(200, eio.post("3"));
    }
    eio.send(details("alive"));
    eio.pollMessage(m -> reply(m, "alive"));
    long deadline = System.nanoTime() + TckSocket.TIMEOUT.toNanos();
    boolean expired = false;
    while (!expired && System.nanoTime() < deadline) {
      HttpResponse<String> r = eio.pollRaw();
      expired = r.statusCode() == 400 || TckEngineIo.packets(r.body()).contains("1");
    }
    assertTrue(expired, "the session outlived its pings");
    HttpResponse<String> after = eio.pollRaw();
    assertEquals(400, after.statusCode());
    assertEquals(Map.of("code", 1, "message", "Session ID unknown"), TckJson.decode(after.body()));
  }

  @Test
  void unknownSidTransportMethodAndVersionGetTheReferenceErrors() throws Exception {
    int port = app().port();
    HttpResponse<String> sid = TckEngineIo.get(port, "/primus/?EIO=4&transport=polling&sid=nope");
    assertEquals(400, sid.statusCode());
    assertEquals(Map.of("code", 1, "message", "Session ID unknown"), TckJson.decode(sid.body()));
    HttpResponse<String> transport = TckEngineIo.get(port, "/primus/?EIO=4&transport=carrier-pigeon");
    assertEquals(400, transport.statusCode());
    assertEquals(Map.of("code", 0, "message", "Transport unknown"), TckJson.decode(transport.body()));
    HttpResponse<String> version = TckEngineIo.get(port, "/primus/?EIO=3&transport=polling");
    assertEquals(400, version.statusCode());
    assertEquals(Map.of("code", 5, "message", "Unsupported protocol version"), TckJson.decode(version.body()));
    HttpResponse<String> method = app().http("POST", "/primus/?EIO=4&transport=polling", "4{}");
    assertEquals(400, method.statusCode());
    assertEquals(Map.of("code", 2, "message", "Bad handshake method"), TckJson.decode(method.body()));
  }

  @Test
  void aSecondConcurrentPollIsRefusedAndClosesTheSession() throws Exception {
    TckEngineIo eio = TckEngineIo.handshake(app().port());
    eio.pollMessage(m -> m.containsKey("welcome"));
    CompletableFuture<HttpResponse<String>> one = eio.pollAsync();
    CompletableFuture<HttpResponse<String>> two = eio.pollAsync();
    List<HttpResponse<String>> both = List.of(one.get(10, TimeUnit.SECONDS), two.get(10, TimeUnit.SECONDS));
    assertEquals(1, both.stream().filter(r -> r.statusCode() == 400).count(), "one poll refused");
    HttpResponse<String> released = both.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow();
    assertTrue(TckEngineIo.packets(released.body()).contains("1"), released.body());
    assertEquals(400, eio.pollRaw().statusCode());
  }

  @Test
  void anOversizedPostGets413AndTheSessionCarriesOn() throws Exception {
    app(b -> b.set("websocket.server.engineIo.maxPayload", 1000));
    TckEngineIo eio = TckEngineIo.handshake(app().port());
    assertEquals(1000, eio.openPacket().get("maxPayload"));
    assertEquals(413, eio.post("4" + TckJson.encode("x".repeat(2000))));
    eio.send(details("after"));
    assertEquals("after", eio.pollMessage(m -> reply(m, "after")).get("messageId"));
  }

  @Test
  void theUpgradeProbeReleasesThePendingPollAndTheConnectionCarriesOnOverWebSocket() throws Exception {
    TckEngineIo eio = TckEngineIo.handshake(app().port());
    eio.send(details("before"));
    @SuppressWarnings("unchecked")
    Object before = ((Map<String, Object>) eio.pollMessage(m -> reply(m, "before")).get("data")).get("id");
    CompletableFuture<HttpResponse<String>> pending = eio.pollAsync();
    try (TckEngineIo.Frames ws = TckEngineIo.webSocket(app().port(), eio.query("websocket"))) {
      ws.send("2probe");
      ws.await("3probe"::equals);
      assertEquals("6", pending.get(10, TimeUnit.SECONDS).body());
      ws.send("5");
      ws.send("4" + TckJson.encode(details("after")));
      String reply = ws.await(t -> t.contains("\"after\""));
      @SuppressWarnings("unchecked")
      Map<String, Object> data = (Map<String, Object>) TckEngineIo.decodedMap(reply).orElseThrow().get("data");
      assertEquals(before, data.get("id"));
      assertEquals("websocket", data.get("type"));
      assertEquals(400, eio.pollRaw().statusCode());
    }
  }

  @Test
  void aDirectWebSocketSessionOpensWithoutPolling() throws Exception {
    try (TckEngineIo.Frames ws = TckEngineIo.webSocket(app().port(), "/primus/?EIO=4&transport=websocket")) {
      String open = ws.await(t -> t.startsWith("0"));
      @SuppressWarnings("unchecked")
      Map<String, Object> packet = (Map<String, Object>) TckJson.decode(open.substring(1));
      assertEquals(List.of(), packet.get("upgrades"));
      ws.await(t -> t.startsWith("4") && t.contains("welcome"));
      ws.send("4" + TckJson.encode(details("direct")));
      assertTrue(ws.await(t -> t.contains("\"direct\"")).contains("\"type\":\"websocket\""));
      ws.send("4" + TckJson.encode("primus::id::"));
      assertTrue(ws.await(t -> t.contains("primus::id::")).startsWith("4\"primus::id::"));
    }
  }

  @Test
  void aRefusedOriginGets403AndAnAllowedOneIsEchoedWithCredentials() throws Exception {
    app(b -> b.set("websocket.server.origins", List.of("http://good.example")));
    HttpResponse<String> refused =
        TckEngineIo.get(app().port(), "/primus/?EIO=4&transport=polling", "Origin", "http://evil.example");
    assertEquals(403, refused.statusCode());
    assertEquals(Map.of("code", 4, "message", "Forbidden"), TckJson.decode(refused.body()));
    HttpResponse<String> allowed =
        TckEngineIo.get(app().port(), "/primus/?EIO=4&transport=polling", "Origin", "http://good.example");
    assertEquals(200, allowed.statusCode());
    assertEquals("http://good.example", allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    assertEquals("true", allowed.headers().firstValue("Access-Control-Allow-Credentials").orElse(""));
  }
}
