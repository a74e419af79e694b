package org.actionhero4j.internal.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.actionhero4j.Actionhero;
import org.actionhero4j.TestApps;
import org.actionhero4j.testing.SpecHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BuiltInActionsTest {

  private Actionhero app;
  private SpecHelper spec;

  @BeforeEach
  void start() throws Exception {
    app = TestApps.builder(p -> {}).set("general.id", "node-1").set("general.serverName", "demo").start();
    spec = SpecHelper.of(app);
  }

  @AfterEach
  void stop() {
    TestApps.stop(app);
  }

  @Test
  void statusReportsAHealthyNodeWithItsIdentity() {
    Map<String, Object> status = spec.runAction("status", Map.of());

    assertEquals("node-1", status.get("id"));
    assertEquals("demo", status.get("name"));
    assertEquals(Actionhero.VERSION, status.get("actionhero4jVersion"));
    assertEquals("Node Healthy", status.get("nodeStatus"));
    assertEquals(List.of(), status.get("problems"));
    assertTrue(((Number) status.get("uptime")).longValue() >= 0);
  }

  @Test
  void statusCarriesEveryFieldOfActionheroStatusInItsOrderThenOurs() {
    Map<String, Object> status = spec.runAction("status", Map.of());

    assertEquals("29.3.5", status.get("actionheroVersion"));
    assertEquals("an actionhero4j application", status.get("description"));
    assertEquals(
        List.of(
            "id", "actionheroVersion", "name", "description", "version", "uptime", "consumedMemoryMB",
            "resqueTotalQueueLength", "nodeStatus", "problems", "actionhero4jVersion", "connections", "rooms"),
        List.copyOf(status.keySet()).subList(0, 13));
  }

  @Test
  void createChatRoomIsNotReachableOverHttpByDefault() {
    assertEquals(
        "this action does not support the web connection type",
        spec.connection("web").runAction("createChatRoom", Map.of("name", "lobby")).get("error"));
    assertFalse(app.chatRooms().exists("lobby"));
  }

  @Test
  void createChatRoomRefusesNamesLongerThanTheLimitAndLeavesNoRoomBehind() {
    String huge = "x".repeat(1 << 20);
    int before = app.chatRooms().list().size();

    for (int i = 0; i < 220; i++) {
      assertEquals(
          "a room name has at most 256 characters",
          spec.runAction("createChatRoom", Map.of("name", huge + i)).get("error"));
    }

    assertEquals(before, app.chatRooms().list().size());
  }

  @Test
  void createChatRoomCreatesARoomOnceAndSaysWhetherItDid() {
    assertEquals(Map.of("name", "lobby", "didCreate", true), spec.runAction("createChatRoom", Map.of("name", "lobby")));
    assertEquals(Map.of("name", "lobby", "didCreate", false), spec.runAction("createChatRoom", Map.of("name", "lobby")));
    assertTrue(app.chatRooms().exists("lobby"));
  }

  @Test
  void createChatRoomRequiresAName() {
    assertEquals(
        "name is a required parameter for this action", spec.runAction("createChatRoom", Map.of()).get("error"));
  }
}
