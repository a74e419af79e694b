package org.actionhero4j.tck;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PROTOCOL.md A1.1: the Primus 8 websockets framing. */
public class PrimusLayerTck extends TransportTck {

  @Test
  void specEndpointDescribesTheServer() throws Exception {
    HttpResponse<String> r = app().http("GET", "/primus/spec", null);
    assertEquals(200, r.statusCode());
    assertEquals(
        Map.of("pingInterval", 30000, "pathname", "/primus", "version", "8.0.9", "parser", "json", "transformer", "websockets"),
        TckJson.decode(r.body()));
  }

  @Test
  void nonUpgradeRequestsUnderThePathnameGet426() throws Exception {
    for (String path : new String[] {"/primus", "/primus/whatever?x=1", "/primusfoo"}) {
      HttpResponse<String> r = app().http("GET", path, null);
      assertEquals(426, r.statusCode(), path);
      assertEquals("Upgrade Required", r.body());
    }
  }

  @Test
  void idRequestIsAnsweredWithTheConnectionId() throws Exception {
    try (TckSocket s = app().welcomedSocket()) {
      s.send("primus::id::");
      Object id = s.await(v -> v instanceof String str && str.startsWith("primus::id::"));
      String connectionId = ((String) id).substring("primus::id::".length());
      assertTrue(app().app().connections().local(connectionId).isPresent());
    }
  }

  @Test
  void serverPingsAndAnsweringClientsStayConnected() throws Exception {
    app(b -> b.set("websocket.server.pingInterval", 200));
    try (TckSocket s = app().welcomedSocket()) {
      for (int i = 0; i < 3; i++) {
        s.await(v -> v instanceof String str && str.startsWith("primus::ping::"));
      }
      Map<String, Object> reply = s.request(TckSocket.map("event", "detailsView", "messageId", "alive"));
      assertEquals("OK", reply.get("status"));
    }
  }

  @Test
  void silentClientIsClosedByTheHeartbeatWithoutServerClose() throws Exception {
    app(b -> b.set("websocket.server.pingInterval", 200));
    TckSocket s = app().socket("/primus", Map.of(), false);
    s.awaitWelcome();
    s.awaitClose();
    assertTrue(s.received().stream().noneMatch("primus::server::close"::equals));
    assertTrue(s.received().stream().anyMatch(v -> v instanceof String str && str.startsWith("primus::ping::")));
  }

  @Test
  void invalidJsonGetsAnErrorReplyAndTheConnectionStaysOpen() throws Exception {
    try (TckSocket s = app().welcomedSocket()) {
      s.sendRaw("this is not json");
      Map<String, Object> notJson = s.awaitMap(m -> m.containsKey("error"));
      assertTrue(String.valueOf(notJson.get("error")).startsWith("Error: the message is not valid: "), notJson.toString());
      assertEquals(notJson.get("error"), notJson.get("status"));
      assertEquals("response", notJson.get("context"));
      s.sendRaw("{\"event\":\"action\",\"messageId\":42,");
      Map<String, Object> truncated = s.awaitReply(42);
      assertTrue(String.valueOf(truncated.get("error")).startsWith("Error: the message is not valid: "), truncated.toString());
      Map<String, Object> reply = s.request(TckSocket.map("event", "detailsView", "messageId", 7));
      assertEquals("OK", reply.get("status"));
    }
  }

  @Test
  void aFrameNestedTooDeeplyGetsAnErrorReplyAndTheConnectionStaysOpen() throws Exception {
    try (TckSocket s = app().welcomedSocket()) {
      s.sendRaw("[".repeat(100_000) + "]".repeat(100_000));
      Map<String, Object> tooDeep = s.awaitMap(m -> m.containsKey("error"));
      assertTrue(String.valueOf(tooDeep.get("error")).startsWith("Error: the message is not valid: "), tooDeep.toString());
      assertEquals("OK", s.request(TckSocket.map("event", "detailsView", "messageId", 8)).get("status"));
    }
  }

  @Test
  void numericMessageIdsComeBackWithTheirExactValue() throws Exception {
    try (TckSocket s = app().welcomedSocket()) {
      for (String id : List.of("1.7976931348623157e309", "123456789012345678901234567890", "0.1", "7")) {
        BigDecimal expected = new BigDecimal(id);
        s.sendRaw("{\"event\":\"detailsView\",\"messageId\":" + id + "}");
        Map<String, Object> reply =
            s.awaitMap(m -> m.get("messageId") instanceof Number n && new BigDecimal(n.toString()).compareTo(expected) == 0);
        assertEquals("OK", reply.get("status"), id);
      }
    }
  }

  @Test
  void oversizedFrameClosesWith1009() throws Exception {
    app(b -> b.set("websocket.server.maxLength", 1024));
    TckSocket s = app().welcomedSocket();
    s.send(TckSocket.map("event", "say", "room", "defaultRoom", "message", "x".repeat(4096)));
    assertEquals(1009, s.awaitClose());
  }

  @Test
  void serverSideDestroyReachesTheClientAsServerClose() throws Exception {
    TckSocket s = app().welcomedSocket();
    Map<String, Object> details = s.request(TckSocket.map("event", "detailsView", "messageId", 1));
    @SuppressWarnings("unchecked")
    String id = (String) ((Map<String, Object>) details.get("data")).get("id");
    app().app().connections().destroy(id);
    s.await("primus::server::close"::equals);
    s.awaitClose();
    assertTrue(app().app().connections().local(id).isEmpty());
  }

  @Test
  void otherPrimusMessagesAreDeliveredAsData() throws Exception {
    try (TckSocket s = app().welcomedSocket()) {
      s.send("primus::foo::bar");
      Map<String, Object> reply = s.awaitMap(m -> "response".equals(m.get("context")));
      assertEquals("Error: verb not found or not allowed (undefined)", reply.get("error"));
      assertEquals("primus::foo::bar", reply.get("data"));
    }
  }
}
