package org.actionhero4j.tck;

import static org.actionhero4j.tck.TckSocket.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Three clients in rooms: delivery, chat middleware announcements, rewriting and silencing. */
public class ChatTck extends TransportTck {

  private static String id(TckSocket s) throws InterruptedException {
    @SuppressWarnings("unchecked")
    Map<String, Object> d =
        (Map<String, Object>) s.request(map("event", "detailsView", "messageId", "id")).get("data");
    return (String) d.get("id");
  }

  private static boolean chat(Map<String, Object> m, Object message) {
    return "user".equals(m.get("context")) && message.equals(m.get("message"));
  }

  @Test
  void threeClientsChatAndEveryMemberIncludingTheSenderReceives() throws Exception {
    try (TckSocket a = app().welcomedSocket(); TckSocket b = app().welcomedSocket(); TckSocket c = app().welcomedSocket()) {
      String idA = id(a);
      for (TckSocket s : List.of(a, b, c)) {
        assertEquals(true, s.request(map("event", "roomAdd", "room", "defaultRoom", "messageId", "join")).get("data"));
      }
      a.request(map("event", "say", "room", "defaultRoom", "message", "hi all", "messageId", "say"));
      for (TckSocket s : List.of(a, b, c)) {
        Map<String, Object> got = s.awaitMap(m -> chat(m, "hi all"));
        assertEquals(idA, got.get("from"));
        assertEquals("defaultRoom", got.get("room"));
        assertTrue(got.get("sentAt") instanceof Number);
        assertTrue(!got.containsKey("messageId"));
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> view =
          (Map<String, Object>) b.request(map("event", "roomView", "room", "defaultRoom", "messageId", "v")).get("data");
      assertEquals(3, view.get("membersCount"));
    }
  }

  @Test
  void aClientRejoiningWithTheLastIdItSawGetsWhatItMissedFlaggedThenLiveOnesNoneTwice() throws Exception {
    try (TckSocket sender = app().welcomedSocket(); TckSocket before = app().welcomedSocket()) {
      sender.request(map("event", "roomAdd", "room", "defaultRoom", "messageId", 1));
      before.request(map("event", "roomAdd", "room", "defaultRoom", "messageId", 1));
      sender.request(map("event", "say", "room", "defaultRoom", "message", "seen", "messageId", 2));
      Object lastSeen = before.awaitMap(m -> chat(m, "seen")).get("id");
      assertTrue(lastSeen instanceof String, "a chat delivery carries its message id: " + lastSeen);
      before.close();
      for (int i = 1; i <= 20; i++) {
        sender.sendMap("event", "say", "room", "defaultRoom", "message", "missed-" + i, "messageId", "m" + i);
      }
      sender.awaitMap(m -> chat(m, "missed-20"));
      // In a cluster this socket lands on another node than the one that closed.
      try (TckSocket after = app().welcomedSocket()) {
        after.sendMap("event", "roomAdd", "room", "defaultRoom", "since", lastSeen, "messageId", "rejoin");
        for (int i = 1; i <= 5; i++) {
          sender.sendMap("event", "say", "room", "defaultRoom", "message", "live-" + i, "messageId", "l" + i);
        }
        assertEquals("OK", after.awaitReply("rejoin").get("status"));
        after.awaitMap(m -> chat(m, "live-5"));
        List<String> texts = new java.util.ArrayList<>();
        List<String> expected = new java.util.ArrayList<>();
        for (int i = 1; i <= 20; i++) {
          expected.add("missed-" + i);
        }
        for (int i = 1; i <= 5; i++) {
          expected.add("live-" + i);
        }
        for (Object v : after.received()) {
          if (v instanceof Map<?, ?> m && "user".equals(m.get("context"))
              && m.get("message") instanceof String text && (text.startsWith("missed-") || text.startsWith("live-"))) {
            texts.add(text);
            if (text.startsWith("missed-")) {
              assertEquals(true, m.get("replayed"), "a missed message is flagged as replayed: " + m);
            }
          }
        }
        assertEquals(expected, texts, "what was missed, then live messages, each once and in order");
      }
    }
  }

  @Test
  void joinAndLeaveAreAnnouncedToTheOtherMembers() throws Exception {
    try (TckSocket a = app().welcomedSocket(); TckSocket b = app().welcomedSocket()) {
      String idB = id(b);
      a.request(map("event", "roomAdd", "room", "defaultRoom", "messageId", 1));
      b.request(map("event", "roomAdd", "room", "defaultRoom", "messageId", 1));
      Map<String, Object> entered = a.awaitMap(m -> chat(m, "I have entered the room: " + idB));
      assertEquals("0", entered.get("from"));
      b.request(map("event", "roomLeave", "room", "defaultRoom", "messageId", 2));
      a.awaitMap(m -> chat(m, "I have left the room: " + idB));
    }
  }

  @Test
  void onSayReceiveRewritesOnceAndCanSilence() throws Exception {
    try (TckSocket a = app().welcomedSocket(); TckSocket b = app().welcomedSocket()) {
      a.request(map("event", "roomAdd", "room", "defaultRoom", "messageId", 1));
      b.request(map("event", "roomAdd", "room", "defaultRoom", "messageId", 1));
      a.request(map("event", "say", "room", "defaultRoom", "message", "silence", "messageId", 2));
      a.request(map("event", "say", "room", "defaultRoom", "message", "oh darn", "messageId", 3));
      b.awaitMap(m -> chat(m, "oh ****"));
      a.awaitMap(m -> chat(m, "oh ****"));
      assertTrue(b.received().stream().noneMatch(v -> v instanceof Map<?, ?> m && "silence".equals(m.get("message"))));
    }
  }

  @Test
  void sayMiddlewareRewritesAndSilencesPerReceiver() throws Exception {
    try (TckSocket a = app().welcomedSocket(); TckSocket b = app().welcomedSocket(); TckSocket c = app().welcomedSocket()) {
      String idB = id(b);
      String idC = id(c);
      app().connection(idB).session().put("muted", true);
      app().connection(idC).session().put("shouting", true);
      for (TckSocket s : List.of(a, b, c)) {
        s.request(map("event", "roomAdd", "room", "otherRoom", "messageId", 1));
      }
      a.request(map("event", "say", "room", "otherRoom", "message", "quiet words", "messageId", 2));
      a.request(map("event", "say", "room", "otherRoom", "message", "marker", "messageId", 3));
      a.awaitMap(m -> chat(m, "quiet words"));
      c.awaitMap(m -> chat(m, "QUIET WORDS"));
      c.awaitMap(m -> chat(m, "MARKER"));
      assertTrue(b.received().stream().noneMatch(v -> v instanceof Map<?, ?> m && "user".equals(m.get("context"))
          && !String.valueOf(m.get("message")).startsWith("I have entered")));
    }
  }

  @Test
  void aDeletedRoomIsAnnouncedAndEmptied() throws Exception {
    app().app().chatRooms().add("temporary");
    try (TckSocket a = app().welcomedSocket()) {
      a.request(map("event", "roomAdd", "room", "temporary", "messageId", 1));
      app().app().chatRooms().destroy("temporary");
      a.awaitMap(m -> chat(m, "this room has been deleted"));
      @SuppressWarnings("unchecked")
      Map<String, Object> d = (Map<String, Object>) a.request(map("event", "detailsView", "messageId", 2)).get("data");
      assertEquals(List.of(), d.get("rooms"));
    }
  }
}
