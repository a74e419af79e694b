package org.actionhero4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.actionhero4j.Actionhero;
import org.actionhero4j.ActionheroException;
import org.actionhero4j.Connection;
import org.actionhero4j.MessageId;
import org.actionhero4j.TestApps;
import org.actionhero4j.internal.connections.LocalConnection;
import org.actionhero4j.testing.SpecHelper;
import org.actionhero4j.testing.TestConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConnectionRegistryTest {

  private Actionhero app;
  private SpecHelper spec;

  @BeforeEach
  void start() throws Exception {
    app = TestApps.start(p -> {});
    spec = SpecHelper.of(app);
  }

  @AfterEach
  void stop() {
    TestApps.stop(app);
  }

  private static LocalConnection local(TestConnection c) {
    return (LocalConnection) c.connection();
  }

  @Test
  void aServerPushGetsContextResponseAndTheLatestInboundMessageId() {
    TestConnection c = spec.connection();
    local(c).messageId(MessageId.of(41));
    local(c).messageId(MessageId.of("latest"));

    c.connection().send(Map.of("news", "extra"));

    assertEquals(List.of(Map.of("news", "extra", "context", "response", "messageId", "latest")), c.messages());
  }

  @Test
  void aPushWithItsOwnContextGetsNoMessageId() {
    TestConnection c = spec.connection();

    c.connection().send(Map.of("alert", 1, "context", "api"));

    assertEquals(List.of(Map.of("alert", 1, "context", "api")), c.messages());
  }

  @Test
  void aPushKeepsAMessageIdItAlreadyCarries() {
    TestConnection c = spec.connection();
    local(c).messageId(MessageId.of("latest"));

    c.connection().send(Map.of("messageId", "mine"));

    assertEquals("mine", c.messages().get(0).get("messageId"));
  }

  @Test
  void aPushedErrorObjectIsSentAsItsMessage() {
    TestConnection c = spec.connection();

    c.connection().send(Map.of("error", new IllegalStateException("went wrong")));

    assertEquals("went wrong", c.messages().get(0).get("error"));
  }

  @Test
  void theMessageIdOfANewConnectionIsZero() {
    TestConnection c = spec.connection();

    c.connection().send(Map.of("x", 1));

    assertEquals("0", c.messages().get(0).get("messageId"));
  }

  @Test
  void connectionsSendReachesALocalConnectionById() {
    TestConnection c = spec.connection();

    app.connections().send(c.id(), Map.of("hello", "you"));

    assertEquals("you", c.messages().get(0).get("hello"));
    assertEquals("response", c.messages().get(0).get("context"));
  }

  @Test
  void connectionsSendToAnUnknownIdFailsNamingIt() {
    ActionheroException e =
        assertThrows(ActionheroException.class, () -> app.connections().send("who-is-this", Map.of("x", 1)));

    assertTrue(e.getMessage().contains("who-is-this"), e.getMessage());
  }

  @Test
  void connectionsDestroyEndsALocalConnectionForGood() {
    TestConnection c = spec.connection();

    app.connections().destroy(c.id());

    assertTrue(c.ended());
    assertFalse(c.endedForReconnect());
    assertFalse(app.connections().local(c.id()).isPresent());
  }

  @Test
  void connectionsDestroyOfAnUnknownIdFailsNamingIt() {
    ActionheroException e =
        assertThrows(ActionheroException.class, () -> app.connections().destroy("who-is-this"));

    assertTrue(e.getMessage().contains("who-is-this"), e.getMessage());
  }

  @Test
  void localListsEveryConnectionThisNodeHolds() {
    TestConnection a = spec.connection();
    TestConnection b = spec.connection(Connection.WEBSOCKET);

    Set<String> ids = app.connections().local().stream().map(Connection::id).collect(Collectors.toSet());

    assertEquals(Set.of(a.id(), b.id()), ids);
    assertEquals(Connection.WEBSOCKET, app.connections().local(b.id()).orElseThrow().type());
  }

  @Test
  void aDestroyedConnectionReceivesNothingMore() {
    TestConnection c = spec.connection();
    Connection connection = c.connection();
    c.destroy();

    connection.send(Map.of("late", true));

    assertEquals(List.of(), c.messages());
  }
}
