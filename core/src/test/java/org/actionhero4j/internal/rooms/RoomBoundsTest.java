package org.actionhero4j.internal.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.actionhero4j.Actionhero;
import org.actionhero4j.ActionheroException;
import org.actionhero4j.ChatMiddleware;
import org.actionhero4j.Connection;
import org.actionhero4j.TestApps;
import org.actionhero4j.testing.SpecHelper;
import org.actionhero4j.testing.TestConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RoomBoundsTest {

  private Actionhero app;

  @AfterEach
  void stop() {
    TestApps.stop(app);
  }

  private static ChatMiddleware onJoin(String name, int priority, BiConsumer<Connection, String> hook) {
    return new ChatMiddleware() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public int priority() {
        return priority;
      }

      @Override
      public void join(Connection connection, String room) {
        hook.accept(connection, room);
      }
    };
  }

  @Test
  void noMoreThanMaxRoomsCanBeCreated() throws Exception {
    app = TestApps.builder(p -> {}).set("general.maxRooms", 3).start();
    app.chatRooms().add("a");
    app.chatRooms().add("b");
    assertTrue(app.chatRooms().addIfAbsent("c"));

    ActionheroException e = assertThrows(ActionheroException.class, () -> app.chatRooms().add("d"));

    assertEquals("no more rooms can be created (the limit is 3)", e.getMessage());
    assertFalse(app.chatRooms().exists("d"));
    assertFalse(app.chatRooms().addIfAbsent("a"), "an existing room is not a new one");
  }

  @Test
  void aConnectionMayBeInAtMostMaxRoomsPerConnectionWhenSet() throws Exception {
    app = TestApps.builder(p -> {}).set("general.maxRoomsPerConnection", 2).start();
    for (String room : List.of("a", "b", "c")) {
      app.chatRooms().add(room);
    }
    TestConnection alice = SpecHelper.of(app).connection();
    alice.verb("roomAdd", "a");
    alice.verb("roomAdd", "b");

    ActionheroException e = assertThrows(ActionheroException.class, () -> alice.verb("roomAdd", "c"));

    assertEquals("a connection may be in at most 2 rooms", e.getMessage());
    assertEquals(List.of("a", "b"), alice.connection().rooms());
  }

  @Test
  void aJoinAnnouncementMadeByJoinMiddlewareReachesTheJoinerToo() throws Exception {
    app =
        TestApps.start(
            p ->
                p.chatMiddleware(
                    onJoin(
                        "announce",
                        100,
                        (connection, room) ->
                            app.chatRooms().broadcast(room, "I have entered the room: " + connection.id()))));
    app.chatRooms().add("lobby");
    SpecHelper spec = SpecHelper.of(app);
    TestConnection first = spec.connection();
    first.verb("roomAdd", "lobby");
    TestConnection joiner = spec.connection();

    assertEquals(Optional.of(true), joiner.verb("roomAdd", "lobby"));

    String text = "I have entered the room: " + joiner.id();
    joiner.awaitMessage(m -> text.equals(m.get("message")), Duration.ofSeconds(5));
    first.awaitMessage(m -> text.equals(m.get("message")), Duration.ofSeconds(5));
  }

  @Test
  void aRefusedJoinPublishesNothingItsMiddlewareBroadcast() throws Exception {
    AtomicReference<String> refused = new AtomicReference<>("");
    app =
        TestApps.start(
            p ->
                p.chatMiddleware(
                        onJoin(
                            "announce",
                            1,
                            (connection, room) -> app.chatRooms().broadcast(room, "hello from " + connection.id())))
                    .chatMiddleware(
                        onJoin(
                            "bouncer",
                            100,
                            (connection, room) -> {
                              if (connection.id().equals(refused.get())) {
                                throw new ActionheroException("members only");
                              }
                            })));
    app.chatRooms().add("lobby");
    SpecHelper spec = SpecHelper.of(app);
    TestConnection watcher = spec.connection();
    watcher.verb("roomAdd", "lobby");
    TestConnection joiner = spec.connection();
    refused.set(joiner.id());

    assertThrows(ActionheroException.class, () -> joiner.verb("roomAdd", "lobby"));

    app.chatRooms().broadcast("lobby", "marker");
    watcher.awaitMessage(m -> "marker".equals(m.get("message")), Duration.ofSeconds(5));
    assertTrue(
        watcher.messages().stream().noneMatch(m -> ("hello from " + joiner.id()).equals(m.get("message"))),
        "the refused join's announcement was never published: " + watcher.messages());
  }
}
