package org.actionhero4j.plugin.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.actionhero4j.Actionhero;
import org.actionhero4j.ActionheroException;
import org.actionhero4j.testing.SpecHelper;
import org.actionhero4j.testing.TestConnection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A node with another general.serverToken shares the Redis but not the messages. */
class ServerTokenTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @RegisterExtension static final TestCluster cluster = new TestCluster();
  private static Actionhero a;
  private static Actionhero b;
  private static Actionhero stranger;

  @BeforeAll
  static void startCluster() throws Exception {
    a = cluster.start("a", x -> x.set("general.serverToken", "the-cluster-secret"));
    b = cluster.start("b", x -> x.set("general.serverToken", "the-cluster-secret"));
    stranger =
        cluster.start(
            "stranger",
            x -> x.set("general.serverToken", "another-secret").set("general.rpcTimeoutMillis", 1000));
  }

  @Test
  void chatSignedWithAnotherTokenIsIgnoredBothWays() throws Exception {
    TestConnection onA = SpecHelper.of(a).connection();
    TestConnection onB = SpecHelper.of(b).connection();
    TestConnection onStranger = SpecHelper.of(stranger).connection();
    for (TestConnection m : new TestConnection[] {onA, onB, onStranger}) {
      m.verb("roomAdd", "defaultRoom");
    }

    onA.verb("say", "defaultRoom", "for the cluster");
    onB.awaitMessage(m -> "for the cluster".equals(m.get("message")), WAIT);
    // The stranger's own message reaches its member after the cluster's message reached its node.
    onStranger.verb("say", "defaultRoom", "from the stranger");
    onStranger.awaitMessage(m -> "from the stranger".equals(m.get("message")), WAIT);
    onA.verb("say", "defaultRoom", "after the stranger");
    onA.awaitMessage(m -> "after the stranger".equals(m.get("message")), WAIT);
    onB.awaitMessage(m -> "after the stranger".equals(m.get("message")), WAIT);

    assertTrue(onStranger.messages().stream().noneMatch(m -> "for the cluster".equals(m.get("message"))));
    assertTrue(onA.messages().stream().noneMatch(m -> "from the stranger".equals(m.get("message"))));
    assertTrue(onB.messages().stream().noneMatch(m -> "from the stranger".equals(m.get("message"))));
  }

  @Test
  void callsSignedWithAnotherTokenAreRefusedAtOnce() {
    TestConnection onA = SpecHelper.of(a).connection();
    ActionheroException e =
        assertThrows(
            ActionheroException.class,
            () -> stranger.connections().send(onA.id(), Map.of("sneaky", true)));
    assertEquals("no node holds connection " + onA.id(), e.getMessage());
    assertTrue(onA.messages().stream().noneMatch(m -> m.containsKey("sneaky")));
  }

  @Test
  void callsOfTheClusterDoNotWaitForTheNodeWithAnotherToken() {
    // Every node answers, the stranger with "not mine": no RPC Timeout.
    ActionheroException e =
        assertThrows(
            ActionheroException.class,
            () -> a.connections().send("nobody-has-this", Map.of("hello", true)));
    assertEquals("no node holds connection nobody-has-this", e.getMessage());
  }
}
