package org.actionhero4j.internal.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
