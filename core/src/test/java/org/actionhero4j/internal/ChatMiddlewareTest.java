package org.actionhero4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.actionhero4j.Actionhero;
import org.actionhero4j.ActionheroException;
import org.actionhero4j.ChatMiddleware;
import org.actionhero4j.Connection;
import org.actionhero4j.TestApps;
import org.actionhero4j.testing.SpecHelper;
import org.actionhero4j.testing.TestConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChatMiddlewareTest {

  private static final Duration WAIT = Duration.ofSeconds(5);

  private Actionhero app;
  private TestConnection alice;
  private TestConnection bob;

  @AfterEach
  void stop() {
    TestApps.stop(app);
  }

  /** Starts with the middleware and two members of room "lobby". */
  private void start(ChatMiddleware... middleware) throws Exception {
    app =
        TestApps.start(
            p -> {
              for (ChatMiddleware m : middleware) {
                p.chatMiddleware(m);
              }
            });
    app.chatRooms().add("lobby");
    SpecHelper spec = SpecHelper.of(app);
    alice = spec.connection();
    bob = spec.connection();
  }

  private void bothJoin() {
    alice.verb("roomAdd", "lobby");
    bob.verb("roomAdd", "lobby");
  }

  private static List<Object> chatMessages(TestConnection c) {
    return c.messages().stream()
        .filter(m -> "user".equals(m.get("context")))
        .map(m -> m.get("message"))
        .toList();
  }

  private static Map<String, Object> awaitChat(TestConnection c, Object message) throws InterruptedException {
    return c.awaitMessage(m -> message.equals(m.get("message")), WAIT);
  }

  /** A chat middleware with nothing but a name and a priority; tests override the hooks they need. */
  private abstract static class Named implements ChatMiddleware {
    private final String name;
    private final int priority;

    Named(String name, int priority) {
      this.name = name;
      this.priority = priority;
    }

    Named(String name) {
      this(name, 100);
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public int priority() {
      return priority;
    }
  }

  private static Map<String, Object> with(Map<String, Object> payload, String key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(payload);
    copy.put(key, value);
    return copy;
  }

  @Test
  void aRefusingJoinReachesTheCallerAndTheConnectionStaysOutside() throws Exception {
    start(
        new Named("noJoin") {
          @Override
          public void join(Connection connection, String room) {
            throw new IllegalStateException("joining rooms blocked");
          }
        });

    ActionheroException e = assertThrows(ActionheroException.class, () -> alice.verb("roomAdd", "lobby"));

    assertEquals("joining rooms blocked", e.getMessage());
    assertEquals(List.of(), alice.connection().rooms());
    assertEquals(0, app.chatRooms().status("lobby").membersCount());
  }

  @Test
  void joinMiddlewareRunsBeforeTheConnectionIsInTheRoom() throws Exception {
    List<List<String>> roomsDuringJoin = new CopyOnWriteArrayList<>();
    start(
        new Named("look") {
          @Override
          public void join(Connection connection, String room) {
            roomsDuringJoin.add(connection.rooms());
          }
        });

    alice.verb("roomAdd", "lobby");

    assertEquals(List.of(List.of()), roomsDuringJoin);
    assertEquals(List.of("lobby"), alice.connection().rooms());
  }

  @Test
  void aRefusingLeaveKeepsTheConnectionInTheRoom() throws Exception {
    start(
        new Named("noLeave") {
          @Override
          public void leave(Connection connection, String room) {
            throw new IllegalStateException("you may not leave");
          }
        });
    alice.verb("roomAdd", "lobby");

    ActionheroException e = assertThrows(ActionheroException.class, () -> alice.verb("roomLeave", "lobby"));

    assertEquals("you may not leave", e.getMessage());
    assertEquals(List.of("lobby"), alice.connection().rooms());
    assertEquals(1, app.chatRooms().status("lobby").membersCount());
  }

  @Test
  void onSayReceiveRewritesTheMessageForEveryReceiver() throws Exception {
    start(
        new Named("shout") {
          @Override
          public Optional<Map<String, Object>> onSayReceive(
              Optional<Connection> sender, String room, Map<String, Object> payload) {
            return Optional.of(with(payload, "message", payload.get("message").toString().toUpperCase()));
          }
        });
    bothJoin();

    alice.verb("say", "lobby", "hello");

    assertEquals("lobby", awaitChat(alice, "HELLO").get("room"));
    assertEquals(alice.id(), awaitChat(bob, "HELLO").get("from"));
  }

  @Test
  void onSayReceiveReturningEmptySilencesTheMessageForEveryone() throws Exception {
    start(
        new Named("censor") {
          @Override
          public Optional<Map<String, Object>> onSayReceive(
              Optional<Connection> sender, String room, Map<String, Object> payload) {
            return "secret".equals(payload.get("message")) ? Optional.empty() : Optional.of(payload);
          }
        });
    bothJoin();

    alice.verb("say", "lobby", "secret");
    alice.verb("say", "lobby", "public");

    awaitChat(alice, "public");
    awaitChat(bob, "public");
    assertEquals(List.of("public"), chatMessages(alice));
    assertEquals(List.of("public"), chatMessages(bob));
  }

  @Test
  void aThrowingOnSayReceiveFailsTheSendersSayAndDeliversNothing() throws Exception {
    start(
        new Named("strict") {
          @Override
          public Optional<Map<String, Object>> onSayReceive(
              Optional<Connection> sender, String room, Map<String, Object> payload) throws Exception {
            if ("bad".equals(payload.get("message"))) {
              throw new Exception("watch your language");
            }
            return Optional.of(payload);
          }
        });
    bothJoin();

    ActionheroException e = assertThrows(ActionheroException.class, () -> alice.verb("say", "lobby", "bad"));
    alice.verb("say", "lobby", "good");

    assertEquals("watch your language", e.getMessage());
    awaitChat(bob, "good");
    assertEquals(List.of("good"), chatMessages(bob));
  }

  @Test
  void onSayReceiveRunsOnceWithTheSenderOrEmptyForAServerBroadcast() throws Exception {
    List<String> senders = new CopyOnWriteArrayList<>();
    start(
        new Named("who") {
          @Override
          public Optional<Map<String, Object>> onSayReceive(
              Optional<Connection> sender, String room, Map<String, Object> payload) {
            senders.add(sender.map(Connection::id).orElse("server"));
            return Optional.of(payload);
          }
        });
    bothJoin();

    alice.verb("say", "lobby", "from alice");
    app.chatRooms().broadcast("lobby", "from the server");

    awaitChat(bob, "from the server");
    assertEquals(List.of(alice.id(), "server"), senders);
  }

  @Test
  void onSayReceiveMiddlewareRunsInPriorityOrderEachSeeingThePreviousResult() throws Exception {
    start(
        new Named("second", 20) {
          @Override
          public Optional<Map<String, Object>> onSayReceive(
              Optional<Connection> sender, String room, Map<String, Object> payload) {
            return Optional.of(with(payload, "message", payload.get("message") + "-second"));
          }
        },
        new Named("first", 10) {
          @Override
          public Optional<Map<String, Object>> onSayReceive(
              Optional<Connection> sender, String room, Map<String, Object> payload) {
            return Optional.of(with(payload, "message", payload.get("message") + "-first"));
          }
        });
    bothJoin();

    alice.verb("say", "lobby", "m");

    awaitChat(bob, "m-first-second");
  }

  @Test
  void sayMiddlewareRewritesTheMessageForEachReceiverSeparately() throws Exception {
    start(
        new Named("personal") {
          @Override
          public Optional<Map<String, Object>> say(Connection receiver, String room, Map<String, Object> payload) {
            return Optional.of(with(payload, "message", payload.get("message") + " for " + receiver.id()));
          }
        });
    bothJoin();

    alice.verb("say", "lobby", "hi");

    awaitChat(alice, "hi for " + alice.id());
    awaitChat(bob, "hi for " + bob.id());
  }

  @Test
  void sayMiddlewareGetsItsOwnCopySoChangesDoNotLeakToOtherReceivers() throws Exception {
    String[] bobId = new String[1];
    start(
        new Named("meddle") {
          @Override
          public Optional<Map<String, Object>> say(Connection receiver, String room, Map<String, Object> payload) {
            if (receiver.id().equals(bobId[0])) {
              payload.put("message", "tampered");
            }
            return Optional.of(payload);
          }
        });
    bobId[0] = bob.id();
    bothJoin();

    alice.verb("say", "lobby", "original");

    awaitChat(bob, "tampered");
    awaitChat(alice, "original");
    assertEquals(List.of("original"), chatMessages(alice));
  }

  @Test
  void sayMiddlewareReturningEmptySkipsOnlyThatReceiver() throws Exception {
    String[] bobId = new String[1];
    start(
        new Named("skipBob") {
          @Override
          public Optional<Map<String, Object>> say(Connection receiver, String room, Map<String, Object> payload) {
            boolean skip = receiver.id().equals(bobId[0]) && "not for bob".equals(payload.get("message"));
            return skip ? Optional.empty() : Optional.of(payload);
          }
        });
    bobId[0] = bob.id();
    bothJoin();

    alice.verb("say", "lobby", "not for bob");
    alice.verb("say", "lobby", "for all");

    awaitChat(alice, "not for bob");
    awaitChat(bob, "for all");
    assertEquals(List.of("for all"), chatMessages(bob));
  }

  @Test
  void aThrowingSayMiddlewareCostsOnlyThatReceiverTheMessage() throws Exception {
    String[] bobId = new String[1];
    start(
        new Named("fragile") {
          @Override
          public Optional<Map<String, Object>> say(Connection receiver, String room, Map<String, Object> payload) {
            if (receiver.id().equals(bobId[0]) && "boom".equals(payload.get("message"))) {
              throw new IllegalStateException("cannot deliver to bob");
            }
            return Optional.of(payload);
          }
        });
    bobId[0] = bob.id();
    bothJoin();

    alice.verb("say", "lobby", "boom");
    alice.verb("say", "lobby", "after");

    awaitChat(alice, "boom");
    awaitChat(bob, "after");
    assertEquals(List.of("after"), chatMessages(bob));
    assertTrue(chatMessages(alice).containsAll(List.of("boom", "after")));
  }
}
