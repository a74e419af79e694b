package org.actionhero4j.tck;

import static org.actionhero4j.tck.TckSocket.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PROTOCOL.md A1.2 and B §1.3–1.5: the Actionhero socket protocol, field by field. */
public class SocketProtocolTck extends TransportTck {

  @SuppressWarnings("unchecked")
  private static Map<String, Object> data(Map<String, Object> reply) {
    return (Map<String, Object>) reply.get("data");
  }

  @Test
  void welcomeComesFirstWithApiContextAndNoMessageId() throws Exception {
    try (TckSocket s = app().socket()) {
      Map<String, Object> welcome = s.awaitWelcome();
      assertEquals(map("welcome", "Welcome to the actionhero4j api", "context", "api"), welcome);
      assertEquals(welcome, s.received().get(0));
    }
  }

  @Test
  void actionReplyCarriesContextAndTheMessageIdInItsJsonType() throws Exception {
    try (TckSocket s = app().welcomedSocket()) {
      Map<String, Object> numeric =
          s.request(map("event", "action", "params", map("action", "echo", "message", "hi"), "messageId", 5));
      assertEquals(5, numeric.get("messageId"));
      assertEquals("response", numeric.get("context"));
      assertEquals(map("message", "hi", "action", "echo", "apiVersion", 1), numeric.get("echo"));
      Map<String, Object> text =
          s.request(map("event", "action", "params", map("action", "randomNumber"), "messageId", "abc"));
      assertEquals("abc", text.get("messageId"));
      assertTrue(((String) text.get("stringRandomNumber")).startsWith("Your random number is "));
      assertFalse(text.containsKey("serverInformation"));
    }
  }

  @Test
  void missingMessageIdGetsAGeneratedOne() throws Exception {
    try (TckSocket s = app().welcomedSocket()) {
      s.send(map("event", "detailsView"));
      Map<String, Object> reply = s.awaitMap(m -> "response".equals(m.get("context")));
      assertTrue(reply.get("messageId") instanceof String id && id.length() == 36, reply.toString());
    }
  }

  @Test
  void actionErrorsAreBareMessages() throws Exception {
    try (TckSocket s = app().welcomedSocket()) {
      assertEquals(
          map("error", "key is a required parameter for this action", "context", "response", "messageId", 1),
          s.request(map("event", "action", "params", map("action", "requiresKey"), "messageId", 1)));
      assertEquals(
          "unknown action or invalid apiVersion",
          s.request(map("event", "action", "params", map("action", "nope"), "messageId", 2)).get("error"));
      assertEquals(
          "unknown action or invalid apiVersion",
          s.request(map("event", "action", "messageId", 3)).get("error"));
      assertEquals("boom", s.request(map("event", "action", "params", map("action", "refuse"), "messageId", 4)).get("error"));
      assertEquals(
          "internal error",
          s.request(map("event", "action", "params", map("action", "boom"), "messageId", 5)).get("error"));
    }
  }

  @Test
  void paramsAreNotStickyBetweenFrames() throws Exception {
    try (TckSocket s = app().welcomedSocket()) {
      s.request(map("event", "action", "params", map("action", "echo", "message", "first"), "messageId", 1));
      Map<String, Object> second = s.request(map("event", "action", "params", map("action", "echo"), "messageId", 2));
      assertEquals(map("action", "echo", "apiVersion", 1), second.get("echo"));
    }
  }

  @Test
  void repliesArriveInCompletionOrder() throws Exception {
    try (TckSocket s = app().welcomedSocket()) {
      s.send(map("event", "action", "params", map("action", "gated", "gate", "order-slow"), "messageId", "slow"));
      Gates.awaitEntered("order-slow");
      s.send(map("event", "action", "params", map("action", "gated", "gate", "order-fast"), "messageId", "fast"));
      Gates.awaitEntered("order-fast");
      Gates.open("order-fast");
      s.awaitReply("fast");
      Gates.open("order-slow");
      s.awaitReply("slow");
      List<Object> ids = new ArrayList<>();
      for (Object frame : s.received()) {
        if (frame instanceof Map<?, ?> m && "response".equals(m.get("context"))) {
          ids.add(m.get("messageId"));
        }
      }
      assertEquals(List.of("fast", "slow"), ids);
    }
  }

  @Test
  void theSixthSimultaneousActionIsRejectedAtOnce() throws Exception {
    try (TckSocket s = app().welcomedSocket()) {
      for (int i = 1; i <= 5; i++) {
        s.send(map("event", "action", "params", map("action", "gated", "gate", "limit"), "messageId", i));
      }
      Gates.awaitEntered("limit");
      Map<String, Object> sixth =
          s.request(map("event", "action", "params", map("action", "gated", "gate", "limit"), "messageId", 6));
      assertEquals("you have too many pending requests", sixth.get("error"));
      Gates.open("limit");
      for (int i = 1; i <= 5; i++) {
        assertEquals("limit", s.awaitReply(i).get("gate"));
      }
    }
  }

  @Test
  void detailsViewHasActionherosKeysInOrderThenTheConnectionType() throws Exception {
    try (TckSocket s = app().welcomedSocket()) {
      s.request(map("event", "action", "params", map("action", "nope"), "messageId", 1));
      Map<String, Object> reply = s.request(map("event", "detailsView", "messageId", "custom-1"));
      assertEquals(List.of("status", "context", "data", "messageId"), new ArrayList<>(reply.keySet()));
      Map<String, Object> d = data(reply);
      assertEquals(
          List.of("id", "fingerprint", "remoteIP", "remotePort", "params", "connectedAt", "rooms", "totalActions", "pendingActions", "type"),
          new ArrayList<>(d.keySet()));
      assertEquals("websocket", d.get("type"));
      assertEquals(d.get("id"), d.get("fingerprint"));
      assertEquals("127.0.0.1", d.get("remoteIP"));
      assertEquals(1, d.get("totalActions"));
      assertEquals(0, d.get("pendingActions"));
      assertEquals(Map.of(), d.get("params"));
    }
  }

  @Test
  void roomVerbsAnswerExactlyAsActionhero() throws Exception {
    try (TckSocket s = app().welcomedSocket()) {
      assertEquals(
          map("status", "OK", "context", "response", "data", true, "messageId", 20),
          s.request(map("event", "roomAdd", "room", "defaultRoom", "messageId", 20)));
      assertEquals(
          map("status", "Error: connection already in this room (defaultRoom)",
              "error", "Error: connection already in this room (defaultRoom)",
              "context", "response", "data", Map.of(), "messageId", 21),
          s.request(map("event", "roomAdd", "room", "defaultRoom", "messageId", 21)));
      assertEquals("Error: room does not exist",
          s.request(map("event", "roomAdd", "room", "noSuchRoom", "messageId", 22)).get("error"));
      assertEquals("Error: room does not exist", s.request(map("event", "roomAdd", "messageId", 23)).get("error"));
      assertEquals("Error: joining rooms blocked",
          s.request(map("event", "roomAdd", "room", "locked", "messageId", 24)).get("status"));

      Map<String, Object> view = s.request(map("event", "roomView", "room", "defaultRoom", "messageId", 25));
      Map<String, Object> roomData = data(view);
      assertEquals("defaultRoom", roomData.get("room"));
      assertEquals(1, roomData.get("membersCount"));
      @SuppressWarnings("unchecked")
      Map<String, Map<String, Object>> members = (Map<String, Map<String, Object>>) roomData.get("members");
      Map<String, Object> member = members.values().iterator().next();
      assertEquals(List.of("id", "joinedAt"), new ArrayList<>(member.keySet()));
      assertEquals("Error: connection not in this room (otherRoom)",
          s.request(map("event", "roomView", "room", "otherRoom", "messageId", 26)).get("error"));
      assertEquals("Error: connection not in this room (undefined)",
          s.request(map("event", "roomView", "messageId", 27)).get("error"));

      assertEquals(map("status", "OK", "context", "response", "messageId", 28),
          s.request(map("event", "say", "room", "defaultRoom", "message", "hello room", "messageId", 28)));
      Map<String, Object> chat = s.awaitMap(m -> "user".equals(m.get("context")) && "hello room".equals(m.get("message")));
      // Actionhero's fields in its order, then the message's log id (asked for again after a reconnect).
      assertEquals(List.of("message", "room", "from", "context", "sentAt", "id"), new ArrayList<>(chat.keySet()));
      assertEquals(
          map("status", "Error: connection not in this room (otherRoom)",
              "error", "Error: connection not in this room (otherRoom)",
              "context", "response", "data", map("message", "hi"), "messageId", 29),
          s.request(map("event", "say", "room", "otherRoom", "message", "hi", "messageId", 29)));
      assertEquals("Error: both room and message are required",
          s.request(map("event", "say", "room", "defaultRoom", "messageId", 30)).get("error"));

      assertEquals(map("status", "OK", "context", "response", "data", true, "messageId", 31),
          s.request(map("event", "roomLeave", "room", "defaultRoom", "messageId", 31)));
      assertEquals("Error: connection not in this room (defaultRoom)",
          s.request(map("event", "roomLeave", "room", "defaultRoom", "messageId", 32)).get("error"));
    }
  }

  @Test
  void unknownOrDisallowedVerbsAndNonObjectFramesAreRefused() throws Exception {
    try (TckSocket s = app().welcomedSocket()) {
      assertEquals(
          map("status", "Error: verb not found or not allowed (bogus)",
              "error", "Error: verb not found or not allowed (bogus)",
              "context", "response", "data", Map.of(), "messageId", 37),
          s.request(map("event", "bogus", "messageId", 37)));
      assertEquals("Error: verb not found or not allowed (paramAdd)",
          s.request(map("event", "paramAdd", "messageId", 38)).get("error"));
      assertEquals("Error: verb not found or not allowed (undefined)",
          s.request(map("messageId", 39)).get("error"));
      s.send(List.of(1, 2, 3));
      Map<String, Object> reply = s.awaitMap(m -> List.of(1, 2, 3).equals(m.get("data")));
      assertEquals("Error: verb not found or not allowed (undefined)", reply.get("error"));
    }
  }

  @Test
  void sayKeepsJsonValues() throws Exception {
    try (TckSocket s = app().welcomedSocket()) {
      s.request(map("event", "roomAdd", "room", "defaultRoom", "messageId", 1));
      Map<String, Object> object = map("x", 1, "y", List.of("a"));
      s.request(map("event", "say", "room", "defaultRoom", "message", object, "messageId", 2));
      Map<String, Object> chat = s.awaitMap(m -> "user".equals(m.get("context")) && m.get("message") instanceof Map);
      assertEquals(object, chat.get("message"));
    }
  }

  @Test
  void documentationListsActionsByNameAndVersion() throws Exception {
    try (TckSocket s = app().welcomedSocket()) {
      Map<String, Object> docs = data(s.request(map("event", "documentation", "messageId", 1)));
      @SuppressWarnings("unchecked")
      Map<String, Object> echo = (Map<String, Object>) ((Map<String, Object>) docs.get("requiresKey")).get("1");
      assertEquals("requiresKey", echo.get("name"));
      assertEquals(Map.of("key", Map.of("required", true)), echo.get("inputs"));
      assertNotNull(docs.get("status"));
    }
  }

  @Test
  void quitEndsTheConnectionWithServerCloseAndNoReply() throws Exception {
    TckSocket s = app().welcomedSocket();
    s.send(map("event", "quit", "messageId", 99));
    s.await("primus::server::close"::equals);
    s.awaitClose();
    assertTrue(s.received().stream().noneMatch(v -> v instanceof Map<?, ?> m && Integer.valueOf(99).equals(m.get("messageId"))));
  }

  @Test
  void serverPushGetsResponseContextAndTheLatestMessageId() throws Exception {
    try (TckSocket s = app().welcomedSocket()) {
      String id = (String) data(s.request(map("event", "detailsView", "messageId", 41))).get("id");
      Map<String, Object> push = new LinkedHashMap<>();
      push.put("type", "news");
      push.put("text", "hello");
      app().app().connections().send(id, push);
      Map<String, Object> got = s.awaitMap(m -> "news".equals(m.get("type")));
      assertEquals(map("type", "news", "text", "hello", "context", "response", "messageId", 41), got);
    }
  }

  @Test
  void fingerprintComesFromTheCookieThenTheQuery() throws Exception {
    try (TckSocket cookie = app().socket("/primus?sessionID=fromQuery", Map.of("Cookie", "sessionID=fromCookie"));
        TckSocket query = app().socket("/primus?sessionID=fromQuery&_primuscb=x", Map.of())) {
      assertEquals("fromCookie", data(cookie.request(map("event", "detailsView", "messageId", 1))).get("fingerprint"));
      assertEquals("fromQuery", data(query.request(map("event", "detailsView", "messageId", 1))).get("fingerprint"));
    }
  }

  @Test
  void forwardedHeadersSetTheRemoteAddress() throws Exception {
    try (TckSocket s = app().socket("/primus",
        Map.of("X-Forwarded-For", "10.1.2.3:4455", "X-Real-IP", "9.9.9.9"))) {
      Map<String, Object> d = data(s.request(map("event", "detailsView", "messageId", 1)));
      assertEquals("9.9.9.9", d.get("remoteIP"));
      assertEquals(4455, d.get("remotePort"));
    }
  }
}
