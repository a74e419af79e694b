package org.actionhero4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.actionhero4j.Actionhero;
import org.actionhero4j.ActionheroException;
import org.actionhero4j.ChatMiddleware;
import org.actionhero4j.ChatRooms;
import org.actionhero4j.Connection;
import org.actionhero4j.RoomStatus;
import org.actionhero4j.TestApps;
import org.actionhero4j.testing.SpecHelper;
import org.actionhero4j.testing.TestConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RoomRegistryTest {

  private static final Duration WAIT = Duration.ofSeconds(5);

  private Actionhero app;
  private ChatRooms rooms;
  private SpecHelper spec;

  @AfterEach
  void stop() {
    TestApps.stop(app);
  }

  private void start() throws Exception {
    start(TestApps.builder(p -> {}));
  }

  private void start(Actionhero.Builder builder) throws Exception {
    app = builder.start();
    rooms = app.chatRooms();
    spec = SpecHelper.of(app);
  }

  @Test
  void anAddedRoomExistsAndIsListed() throws Exception {
    start();

    rooms.add("lobby");
    rooms.add("games");

    assertTrue(rooms.exists("lobby"));
    assertFalse(rooms.exists("nowhere"));
    assertEquals(Set.of("lobby", "games"), new HashSet<>(rooms.list()));
  }

  @Test
  void addingAnExistingRoomFailsWithRoomExists() throws Exception {
    start();
    rooms.add("lobby");

    ActionheroException e = assertThrows(ActionheroException.class, () -> rooms.add("lobby"));

    assertEquals("room exists", e.getMessage());
  }

  @Test
  void aRoomNeedsAName() throws Exception {
    start();

    assertEquals("a room is required", assertThrows(ActionheroException.class, () -> rooms.add("")).getMessage());
    assertEquals("a room is required", assertThrows(ActionheroException.class, () -> rooms.status("")).getMessage());
    assertFalse(rooms.exists(""));
  }

  @Test
  void destroyingARoomTellsItsMembersRemovesThemThroughLeaveMiddlewareAndForgetsIt() throws Exception {
    List<String> leaves = new CopyOnWriteArrayList<>();
    start(
        TestApps.builder(
            p ->
                p.chatMiddleware(
                    new ChatMiddleware() {
                      @Override
                      public String name() {
                        return "leaves";
                      }

                      @Override
                      public void leave(Connection connection, String room) {
                        leaves.add(connection.id() + "@" + room);
                      }
                    })));
    rooms.add("lobby");
    TestConnection alice = spec.connection();
    TestConnection bob = spec.connection();
    alice.verb("roomAdd", "lobby");
    bob.verb("roomAdd", "lobby");

    rooms.destroy("lobby");

    for (TestConnection member : List.of(alice, bob)) {
      Map<String, Object> notice =
          member.awaitMessage(m -> "this room has been deleted".equals(m.get("message")), WAIT);
      assertEquals("lobby", notice.get("room"));
      assertEquals("0", notice.get("from"));
      assertEquals("user", notice.get("context"));
      assertEquals(List.of(), member.connection().rooms());
    }
    assertEquals(Set.of(alice.id() + "@lobby", bob.id() + "@lobby"), new HashSet<>(leaves));
    assertFalse(rooms.exists("lobby"));
    assertFalse(rooms.list().contains("lobby"));
  }

  @Test
  void destroyingARoomRemovesEveryMemberEvenWhenLeaveMiddlewareRefuses() throws Exception {
    start(
        TestApps.builder(
            p ->
                p.chatMiddleware(
                    new ChatMiddleware() {
                      @Override
                      public String name() {
                        return "stayForever";
                      }

                      @Override
                      public void leave(Connection connection, String room) {
                        throw new IllegalStateException("you may not leave");
                      }
                    })));
    rooms.add("lobby");
    TestConnection alice = spec.connection();
    alice.verb("roomAdd", "lobby");

    rooms.destroy("lobby");

    assertEquals(List.of(), alice.connection().rooms(), "a deleted room keeps no members");
    rooms.add("lobby");
    assertEquals(Optional.of(true), alice.verb("roomAdd", "lobby"));
    assertEquals(1, rooms.status("lobby").membersCount());
  }

  @Test
  void destroyingAMissingRoomFailsWithRoomDoesNotExist() throws Exception {
    start();

    assertEquals(
        "room does not exist", assertThrows(ActionheroException.class, () -> rooms.destroy("ghost")).getMessage());
  }

  @Test
  void statusListsEachMemberByIdWithIdAndJoinedAtAndTheCount() throws Exception {
    start();
    rooms.add("lobby");
    TestConnection alice = spec.connection();
    TestConnection bob = spec.connection();
    long before = System.currentTimeMillis();
    alice.verb("roomAdd", "lobby");
    bob.verb("roomAdd", "lobby");

    RoomStatus status = rooms.status("lobby");

    assertEquals("lobby", status.room());
    assertEquals(2, status.membersCount());
    assertEquals(Set.of(alice.id(), bob.id()), status.members().keySet());
    Map<String, Object> member = status.members().get(alice.id());
    assertEquals(List.of("id", "joinedAt"), List.copyOf(member.keySet()));
    assertEquals(alice.id(), member.get("id"));
    assertTrue(((Number) member.get("joinedAt")).longValue() >= before);
    assertEquals(List.of("room", "members", "membersCount"), List.copyOf(status.toMap().keySet()));
  }

  @Test
  void statusOfAMissingRoomFailsWithRoomDoesNotExist() throws Exception {
    start();

    assertEquals(
        "room does not exist", assertThrows(ActionheroException.class, () -> rooms.status("ghost")).getMessage());
  }

  @Test
  void membersAreAddedAndRemovedByConnectionId() throws Exception {
    start();
    rooms.add("lobby");
    TestConnection alice = spec.connection();

    rooms.addMember(alice.id(), "lobby");
    assertEquals(List.of("lobby"), alice.connection().rooms());
    assertEquals(1, rooms.status("lobby").membersCount());

    rooms.removeMember(alice.id(), "lobby");
    assertEquals(List.of(), alice.connection().rooms());
    assertEquals(0, rooms.status("lobby").membersCount());
  }

  @Test
  void addingAConnectionNoNodeHoldsFailsNamingIt() throws Exception {
    start();
    rooms.add("lobby");

    ActionheroException e =
        assertThrows(ActionheroException.class, () -> rooms.addMember("no-such-connection", "lobby"));

    assertTrue(e.getMessage().contains("no-such-connection"), e.getMessage());
  }

  @Test
  void joiningAMissingRoomFailsWithRoomDoesNotExist() throws Exception {
    start();
    TestConnection alice = spec.connection();

    assertEquals(
        "room does not exist",
        assertThrows(ActionheroException.class, () -> rooms.addMember(alice.id(), "ghost")).getMessage());
  }

  @Test
  void aServerBroadcastComesFromZeroAndReachesEveryMember() throws Exception {
    start();
    rooms.add("lobby");
    TestConnection alice = spec.connection();
    TestConnection outsider = spec.connection();
    alice.verb("roomAdd", "lobby");

    rooms.broadcast("lobby", Map.of("alert", "fire drill"));

    Map<String, Object> got = alice.awaitMessage(m -> "lobby".equals(m.get("room")), WAIT);
    assertEquals("0", got.get("from"));
    assertEquals(Map.of("alert", "fire drill"), got.get("message"));
    assertEquals(List.of(), outsider.messages());
  }

  @Test
  void startingChatRoomsFromConfigExistAfterStart() throws Exception {
    start(
        TestApps.builder(p -> {})
            .set("general.startingChatRooms", Map.of("defaultRoom", Map.of(), "otherRoom", Map.of())));

    assertTrue(rooms.exists("defaultRoom"));
    assertTrue(rooms.exists("otherRoom"));
  }

  @Test
  void aCustomMessagePayloadIsExactlyWhatMembersReceive() throws Exception {
    start();
    rooms.add("lobby");
    rooms.setMessagePayload(
        m -> {
          Map<String, Object> p = new LinkedHashMap<>();
          p.put("thing", "stuff");
          p.put("room", m.room());
          p.put("from", m.from());
          return p;
        });
    TestConnection alice = spec.connection();
    alice.verb("roomAdd", "lobby");

    alice.verb("say", "lobby", "ignored");

    Map<String, Object> got = alice.awaitMessage(m -> "stuff".equals(m.get("thing")), WAIT);
    assertEquals(Map.of("thing", "stuff", "room", "lobby", "from", alice.id()), got);
  }

  @Test
  void aCustomMemberViewShapesStatusAndSeesStoredDetails() throws Exception {
    start();
    rooms.add("lobby");
    rooms.setMemberDetails(c -> Map.of("fingerprint", c.fingerprint()));
    rooms.setMemberView(stored -> Map.of("who", stored.get("id"), "fp", stored.get("fingerprint"), "host", stored.get("host")));
    TestConnection alice = spec.connection(Connection.TEST, "fp-alice");
    alice.verb("roomAdd", "lobby");

    Map<String, Object> member = rooms.status("lobby").members().get(alice.id());

    assertEquals(Map.of("who", alice.id(), "fp", "fp-alice", "host", app.id()), member);
  }
}
