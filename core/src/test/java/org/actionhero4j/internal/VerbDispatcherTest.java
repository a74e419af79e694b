package org.actionhero4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.actionhero4j.ActionDefinition;
import org.actionhero4j.Actionhero;
import org.actionhero4j.ActionheroException;
import org.actionhero4j.Connection;
import org.actionhero4j.Input;
import org.actionhero4j.TestApps;
import org.actionhero4j.testing.SpecHelper;
import org.actionhero4j.testing.TestConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VerbDispatcherTest {

  private static final Duration WAIT = Duration.ofSeconds(5);

  private Actionhero app;
  private SpecHelper spec;
  private TestConnection alice;
  private TestConnection bob;

  @BeforeEach
  void start() throws Exception {
    app =
        TestApps.builder(
                p ->
                    p.action(
                            TestApps.echo(
                                ActionDefinition.named("greet")
                                    .description("says hello")
                                    .version(2)
                                    .input(Input.named("name").required().description("who"))
                                    .input(Input.named("greeting").defaultValue("hello"))
                                    .outputExample(Map.of("message", "hello bob"))))
                        .action(TestApps.echo(ActionDefinition.named("greet").version(1)))
                        .action(TestApps.echo(ActionDefinition.named("internalOnly").toDocument(false))))
            .set("general.startingChatRooms", Map.of("defaultRoom", Map.of(), "otherRoom", Map.of()))
            .start();
    spec = SpecHelper.of(app);
    alice = spec.connection();
    bob = spec.connection();
  }

  @AfterEach
  void stop() {
    TestApps.stop(app);
  }

  private static String error(Runnable verb) {
    return assertThrows(ActionheroException.class, verb::run).getMessage();
  }

  @Test
  void roomAddJoinsTheRoomAndAnswersTrue() {
    assertEquals(Optional.of(true), alice.verb("roomAdd", "defaultRoom"));
    assertEquals(List.of("defaultRoom"), alice.connection().rooms());
  }

  @Test
  void roomAddTwiceFailsWithAlreadyInThisRoom() {
    alice.verb("roomAdd", "defaultRoom");

    assertEquals(
        "connection already in this room (defaultRoom)", error(() -> alice.verb("roomAdd", "defaultRoom")));
    assertEquals(List.of("defaultRoom"), alice.connection().rooms());
  }

  @Test
  void roomAddToAMissingOrUnnamedRoomFailsWithRoomDoesNotExist() {
    assertEquals("room does not exist", error(() -> alice.verb("roomAdd", "ghost")));
    assertEquals("room does not exist", error(() -> alice.verb("roomAdd")));
  }

  @Test
  void roomsAreListedInJoinOrder() {
    alice.verb("roomAdd", "otherRoom");
    alice.verb("roomAdd", "defaultRoom");

    assertEquals(List.of("otherRoom", "defaultRoom"), alice.connection().rooms());
  }

  @Test
  void roomLeaveLeavesTheRoomAndAnswersTrue() {
    alice.verb("roomAdd", "defaultRoom");

    assertEquals(Optional.of(true), alice.verb("roomLeave", "defaultRoom"));
    assertEquals(List.of(), alice.connection().rooms());
    assertEquals(0, app.chatRooms().status("defaultRoom").membersCount());
  }

  @Test
  void roomLeaveOfARoomNotJoinedFailsWithNotInThisRoom() {
    assertEquals("connection not in this room (otherRoom)", error(() -> alice.verb("roomLeave", "otherRoom")));
  }

  @Test
  void roomViewShowsMembersOfAJoinedRoom() {
    alice.verb("roomAdd", "defaultRoom");
    bob.verb("roomAdd", "defaultRoom");

    @SuppressWarnings("unchecked")
    Map<String, Object> view = (Map<String, Object>) alice.verb("roomView", "defaultRoom").orElseThrow();

    assertEquals("defaultRoom", view.get("room"));
    assertEquals(2, view.get("membersCount"));
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> members = (Map<String, Map<String, Object>>) view.get("members");
    assertEquals(alice.id(), members.get(alice.id()).get("id"));
    assertTrue(members.containsKey(bob.id()));
  }

  @Test
  void roomViewOfARoomNotJoinedFailsWithNotInThisRoom() {
    assertEquals("connection not in this room (otherRoom)", error(() -> alice.verb("roomView", "otherRoom")));
    assertEquals("connection not in this room (undefined)", error(() -> alice.verb("roomView")));
  }

  @Test
  void sayDeliversTheChatPayloadToEveryMemberIncludingTheSender() throws Exception {
    TestConnection outsider = spec.connection();
    alice.verb("roomAdd", "defaultRoom");
    bob.verb("roomAdd", "defaultRoom");
    long before = System.currentTimeMillis();

    assertEquals(Optional.empty(), alice.verb("say", "defaultRoom", "hello room"));

    for (TestConnection member : List.of(alice, bob)) {
      Map<String, Object> got = member.awaitMessage(m -> "hello room".equals(m.get("message")), WAIT);
      // Actionhero's fields in its order, then the message's log id (for a replay after a reconnect).
      assertEquals(List.of("message", "room", "from", "context", "sentAt", "id"), List.copyOf(got.keySet()));
      assertEquals("defaultRoom", got.get("room"));
      assertEquals(alice.id(), got.get("from"));
      assertEquals("user", got.get("context"));
      assertTrue(((Number) got.get("sentAt")).longValue() >= before);
    }
    assertEquals(List.of(), outsider.messages());
  }

  @Test
  void sayKeepsJsonObjectsAndArraysAsTheyAre() throws Exception {
    alice.verb("roomAdd", "defaultRoom");
    Map<String, Object> object = Map.of("x", 1, "nested", Map.of("y", List.of(true, "z")));

    alice.verb("say", "defaultRoom", object);
    alice.verb("say", "defaultRoom", List.of(1, 2, 3));

    assertEquals(object, alice.awaitMessage(m -> m.get("message") instanceof Map, WAIT).get("message"));
    assertEquals(List.of(1, 2, 3), alice.awaitMessage(m -> m.get("message") instanceof List, WAIT).get("message"));
  }

  @Test
  void sayToARoomNotJoinedFailsAndDeliversNothing() {
    bob.verb("roomAdd", "otherRoom");

    assertEquals("connection not in this room (otherRoom)", error(() -> alice.verb("say", "otherRoom", "hi")));
    assertEquals(List.of(), bob.messages());
  }

  @Test
  void sayWithoutMessageOrRoomFailsWithBothAreRequired() {
    alice.verb("roomAdd", "defaultRoom");

    assertEquals("both room and message are required", error(() -> alice.verb("say", "defaultRoom")));
    assertEquals("both room and message are required", error(() -> alice.verb("say", "defaultRoom", "")));
    assertEquals("both room and message are required", error(() -> alice.verb("say")));
  }

  @Test
  @SuppressWarnings("unchecked")
  void documentationListsDocumentedActionsByNameAndVersionWithTheirInputs() {
    Map<String, Object> docs = (Map<String, Object>) alice.verb("documentation").orElseThrow();

    Map<String, Object> greet = (Map<String, Object>) docs.get("greet");
    assertEquals(List.of("1", "2"), List.copyOf(greet.keySet()));
    Map<String, Object> v2 = (Map<String, Object>) greet.get("2");
    assertEquals("greet", v2.get("name"));
    assertEquals(2, v2.get("version"));
    assertEquals("says hello", v2.get("description"));
    assertEquals(Map.of("message", "hello bob"), v2.get("outputExample"));
    Map<String, Object> inputs = (Map<String, Object>) v2.get("inputs");
    assertEquals(Map.of("required", true, "description", "who"), inputs.get("name"));
    assertEquals(Map.of("required", false, "default", "hello"), inputs.get("greeting"));
    assertTrue(docs.containsKey("status"), "built-in actions are documented too");
    assertFalse(docs.containsKey("internalOnly"), "toDocument(false) hides an action");
  }

  @Test
  @SuppressWarnings("unchecked")
  void detailsViewAnswersTheConnectionsDetailsInActionherosKeyOrderThenItsType() {
    TestConnection c = spec.connection(Connection.TEST, "fp-1");
    c.verb("roomAdd", "defaultRoom");
    c.runAction("greet", Map.of("name", "bob"));

    Map<String, Object> details = (Map<String, Object>) c.verb("detailsView").orElseThrow();

    assertEquals(
        List.of(
            "id", "fingerprint", "remoteIP", "remotePort", "params", "connectedAt", "rooms", "totalActions",
            "pendingActions", "type"),
        List.copyOf(details.keySet()));
    assertEquals(c.id(), details.get("id"));
    assertEquals("fp-1", details.get("fingerprint"));
    assertEquals(List.of("defaultRoom"), details.get("rooms"));
    assertEquals(Map.of("action", "greet", "name", "bob"), details.get("params"));
    assertEquals(1, details.get("totalActions"));
    assertEquals(0, details.get("pendingActions"));
    assertEquals(c.connection().connectedAt(), details.get("connectedAt"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void totalActionsCountsFailedAttempts() {
    alice.runAction("nope", Map.of());
    alice.runAction("greet", Map.of());

    Map<String, Object> details = (Map<String, Object>) alice.verb("detailsView").orElseThrow();

    assertEquals(2, details.get("totalActions"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"quit", "exit"})
  void quitAndExitDestroyTheConnectionForGood(String verb) {
    alice.verb("roomAdd", "defaultRoom");

    assertEquals(Optional.empty(), alice.verb(verb));

    assertTrue(alice.ended());
    assertFalse(alice.endedForReconnect(), "a deliberate end tells the client not to reconnect");
    assertTrue(alice.connection().destroyed());
    assertFalse(app.connections().local(alice.id()).isPresent());
    assertEquals(0, app.chatRooms().status("defaultRoom").membersCount());
  }

  @ParameterizedTest
  @ValueSource(strings = {"paramAdd", "paramView", "paramsView", "paramDelete", "paramsDelete", "bogus"})
  void aWebsocketConnectionMayNotUseParamVerbsOrUnknownOnes(String verb) {
    TestConnection socket = spec.connection(Connection.WEBSOCKET);

    assertEquals("verb not found or not allowed (" + verb + ")", error(() -> socket.verb(verb, "name", "x")));
  }

  @Test
  void aWebsocketConnectionMayUseTheRoomVerbs() {
    TestConnection socket = spec.connection(Connection.WEBSOCKET);

    assertEquals(Optional.of(true), socket.verb("roomAdd", "defaultRoom"));
    assertEquals(Optional.empty(), socket.verb("say", "defaultRoom", "hi"));
    assertEquals(Optional.of(true), socket.verb("roomLeave", "defaultRoom"));
  }

  @Test
  void aWebConnectionMayUseNoVerbAtAll() {
    TestConnection web = spec.connection(Connection.WEB);

    assertEquals("verb not found or not allowed (detailsView)", error(() -> web.verb("detailsView")));
  }

  @Test
  void aTestConnectionKeepsWhitelistedParamsAcrossParamVerbs() {
    assertEquals(Optional.of(true), alice.verb("paramAdd", "name", "bob"));
    assertEquals(Optional.of(true), alice.verb("paramAdd", "greeting=hey"));

    assertEquals(Optional.of("bob"), alice.verb("paramView", "name"));
    assertEquals(Optional.of(Map.of("name", "bob", "greeting", "hey")), alice.verb("paramsView"));
    alice.verb("paramDelete", "name");
    assertEquals(Optional.of(Map.of("greeting", "hey")), alice.verb("paramsView"));
    alice.verb("paramsDelete");
    assertEquals(Optional.of(Map.of()), alice.verb("paramsView"));
  }

  @Test
  void paramAddRefusesAKeyNoActionDeclares() {
    ActionheroException e = assertThrows(ActionheroException.class, () -> alice.verb("paramAdd", "secret", "x"));

    assertTrue(e.getMessage().contains("secret"), e.getMessage());
  }
}
